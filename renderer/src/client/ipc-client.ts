// AppApi over Electron IPC, through the narrow bridge that electron/preload.ts exposes.
// The main process answers every call with { result } or { error } (electron/ipc.ts):
// the result is handed on, the error thrown with its code, like the HTTP client does.
import type { AppApi, AppEvent, AppMethod, AppRequest, AppResponse } from '../../../src/shared/app-contract';
import type { ErrorBody } from '../../../src/shared/errors';
import { AppCallError } from './app-call-error';
import './window-bridge.d';

type Reply = { result?: unknown; error?: Partial<ErrorBody> } | null | undefined;

export function createIpcClient(bridge: NonNullable<Window['assa']>): AppApi {
  return {
    async call<M extends AppMethod>(method: M, request: AppRequest<M>): Promise<AppResponse<M>> {
      let reply: Reply;
      try {
        reply = (await bridge.call(method, request)) as Reply;
      } catch (e) {
        // Only when no handler answered at all (main process not wired, window closing).
        throw new AppCallError('ipc_failed', e instanceof Error ? e.message : String(e));
      }
      if (!reply || typeof reply !== 'object') throw new AppCallError('ipc_bad_reply', 'The app answered with nothing.');
      if (reply.error) throw new AppCallError(reply.error.code ?? 'internal', reply.error.message ?? 'The app could not do that.', reply.error.field);
      if (!('result' in reply)) throw new AppCallError('ipc_bad_reply', 'The app answered without a result.');
      return reply.result as AppResponse<M>;
    },
    subscribe: (listener: (e: AppEvent) => void) => bridge.onEvent(listener),
  };
}
