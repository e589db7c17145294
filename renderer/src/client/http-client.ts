// AppApi over the loopback bridge (browser mode): calls by POST with the per-launch token
// that the server put in the page, events over one WebSocket that reconnects on its own.
import type { AppApi, AppEvent, AppMethod, AppRequest, AppResponse } from '../../../src/shared/app-contract';
import type { ErrorBody } from '../../../src/shared/errors';

import { AppCallError } from './app-call-error';

export { AppCallError };

export function createHttpClient(token: string, base = ''): AppApi {
  const listeners = new Set<(e: AppEvent) => void>();
  let socket: WebSocket | undefined;
  let retry = 500;

  const connect = () => {
    const wsBase = base ? base.replace(/^http/, 'ws') : `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
    socket = new WebSocket(`${wsBase}/bridge/events?token=${encodeURIComponent(token)}`);
    socket.onmessage = (m) => {
      const event = JSON.parse(String(m.data)) as AppEvent;
      for (const l of listeners) l(event);
    };
    socket.onopen = () => {
      retry = 500;
    };
    // Failures show as a close; the close decides whether to try again.
    socket.onerror = () => undefined;
    socket.onclose = (ev) => {
      socket = undefined;
      // 4403: the server refused our token; asking again would only be refused again.
      if (ev.code === 4403) return;
      if (listeners.size > 0) {
        setTimeout(() => {
          if (listeners.size > 0 && !socket) connect();
        }, (retry = Math.min(retry * 2, 5000)));
      }
    };
  };

  return {
    async call<M extends AppMethod>(method: M, request: AppRequest<M>): Promise<AppResponse<M>> {
      const res = await fetch(`${base}/bridge/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-assa-token': token },
        body: JSON.stringify({ method, request }),
      });
      const body = (await res.json()) as { result?: AppResponse<M>; error?: ErrorBody };
      if (!res.ok || body.error) throw new AppCallError(body.error?.code ?? 'internal', body.error?.message ?? res.statusText, body.error?.field);
      return body.result as AppResponse<M>;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!socket) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) socket?.close();
      };
    },
  };
}
