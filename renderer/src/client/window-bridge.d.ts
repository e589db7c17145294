// What electron/preload.ts exposes on window (contextBridge). Absent in browser mode.
import type { AppEvent } from '../../../src/shared/app-contract';

declare global {
  interface Window {
    assa?: {
      call(method: string, request: unknown): Promise<unknown>;
      onEvent(listener: (event: AppEvent) => void): () => void;
    };
  }
}
export {};
