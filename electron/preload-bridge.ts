// What the preload exposes to the page: two functions, no Node, no ipcRenderer handed to
// the page (Signal Desktop's preload is the model). Apart from preload.ts so that the
// conformance suite runs the same object against an in-memory ipcRenderer.
import type { IpcRenderer, IpcRendererEvent } from 'electron';

import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels';

export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function preloadBridge(ipc: IpcRendererLike) {
  return {
    call: (method: string, request: unknown): Promise<unknown> => ipc.invoke(CALL_CHANNEL, method, request),
    onEvent: (listener: (event: unknown) => void): (() => void) => {
      const wrapped = (_e: IpcRendererEvent, event: unknown) => listener(event);
      ipc.on(EVENT_CHANNEL, wrapped);
      return () => void ipc.removeListener(EVENT_CHANNEL, wrapped);
    },
  };
}
