// The app's account client: every call goes through the core's `assa.request`, which adds
// the session cookie and CSRF token; a protected section is opened by the core itself with
// a RUNA it activates through the modem (R-AUTO-3).
import type { AppApi } from '../../../../src/shared/app-contract';
import { AssaCallError, errorOf, type AccountClient } from './account-client';

export function appAccountClient(api: AppApi): AccountClient {
  return {
    async request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, opts: { query?: Record<string, string>; idempotent?: boolean } = {}) {
      const r = await api.call('assa.request', {
        method,
        path,
        ...(body !== undefined ? { body } : {}),
        ...(opts.query ? { query: opts.query } : {}),
        // A retry of a money-moving request must move nothing twice (A-MON).
        ...(opts.idempotent ? { idempotencyKey: crypto.randomUUID() } : {}),
      });
      if (r.status >= 400) throw new AssaCallError(r.status, errorOf(r.status, r.body));
      return r.body as T;
    },
    openProtected: () => api.call('account.openProtected', {}),
  };
}
