// AppApi over Electron IPC, through the narrow bridge that electron/preload.ts exposes.
import type { AppApi, AppEvent, AppMethod, AppRequest, AppResponse } from '../../../src/shared/app-contract';
import './window-bridge.d';

export function createIpcClient(bridge: NonNullable<Window['assa']>): AppApi {
  return {
    call: <M extends AppMethod>(method: M, request: AppRequest<M>) => bridge.call(method, request) as Promise<AppResponse<M>>,
    subscribe: (listener: (e: AppEvent) => void) => bridge.onEvent(listener),
  };
}
