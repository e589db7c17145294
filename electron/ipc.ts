// AppApi over IPC. Every call is checked: it must come from our own page (the app://
// origin, checklist item 17), name a known method, and carry a request of the right shape.
// Electron turns an error thrown in a handler into a bare "Error invoking remote method"
// and drops its code, so the handler never throws: it answers { result } or { error }
// and the renderer's client (renderer/src/client/ipc-client.ts) unwraps that.
import type { BrowserWindow, IpcMain } from 'electron';
import type { AppApi, AppMethod } from '../src/shared/app-contract';
import { checkAppCall } from '../src/shared/app-request-validation';
import { toErrorBody, type ErrorBody } from '../src/shared/errors';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels';
import { isTrustedSender } from './security-policy';

export { CALL_CHANNEL, EVENT_CHANNEL };

export type IpcReply = { result: unknown } | { error: ErrorBody };

/** The parts of ipcMain and of a window that the wiring uses (Electron's own types). */
export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;
export type WindowLike = { webContents: Pick<BrowserWindow['webContents'], 'isDestroyed' | 'send'> };

export function wireIpc(ipc: IpcMainLike, api: AppApi, windows: () => WindowLike[]): () => void {
  ipc.handle(CALL_CHANNEL, async (event, method: unknown, request: unknown): Promise<IpcReply> => {
    // senderFrame is null once the frame navigated away or was destroyed: never trusted.
    if (!isTrustedSender(event.senderFrame?.url)) return { error: { code: 'forbidden', message: 'This page may not call the app.' } };
    try {
      const checked = checkAppCall(method, request);
      return { result: await api.call(checked.method as AppMethod, checked.request as never) };
    } catch (e) {
      return { error: toErrorBody(e) };
    }
  });
  const off = api.subscribe((e) => {
    for (const w of windows()) if (!w.webContents.isDestroyed()) w.webContents.send(EVENT_CHANNEL, e);
  });
  return () => {
    off();
    ipc.removeHandler(CALL_CHANNEL);
  };
}
