// The app's side of the account-client seam: every call goes through the core's
// `assa.request` (which adds the cookie and CSRF token), a money-moving call carries a
// fresh idempotency key, a 4xx/5xx becomes a coded AssaCallError, and protected sections
// are opened by the core (R-AUTO-3).
import { describe, expect, it } from 'vitest';
import type { AppApi } from '../../../src/shared/app-contract';
import { AssaCallError } from '../../../renderer/src/pages/account/account-client';
import { appAccountClient } from '../../../renderer/src/pages/account/app-account-client';

function recordingApi(answer: (req: unknown) => unknown) {
  const calls: Array<{ method: string; request: unknown }> = [];
  const api = {
    call: async (method: string, request: unknown) => {
      calls.push({ method, request });
      return answer(request);
    },
    subscribe: () => () => undefined,
  } as unknown as AppApi;
  return { api, calls };
}

describe('appAccountClient', () => {
  it('sends the request through assa.request, with the query and, when asked, an idempotency key', async () => {
    const { api, calls } = recordingApi(() => ({ status: 200, body: { ok: true }, contentType: 'application/json' }));
    const c = appAccountClient(api);
    expect(await c.request('GET', '/api/v1/money/movements', undefined, { query: { from: '2026-11-01' } })).toEqual({ ok: true });
    await c.request('POST', '/api/v1/money/topups/voucher', { code: '1' }, { idempotent: true });
    expect(calls[0]).toEqual({ method: 'assa.request', request: { method: 'GET', path: '/api/v1/money/movements', query: { from: '2026-11-01' } } });
    const second = calls[1]?.request as { idempotencyKey?: string; body?: unknown };
    expect(second.body).toEqual({ code: '1' });
    expect(second.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('turns an error answer into a coded AssaCallError', async () => {
    const { api } = recordingApi(() => ({ status: 403, body: { error: { code: 'section_protected', message: 'Protected.' } }, contentType: 'application/json' }));
    const e = await appAccountClient(api).request('GET', '/api/v1/utilities/blocked').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AssaCallError);
    expect((e as AssaCallError).code).toBe('section_protected');
    const { api: bare } = recordingApi(() => ({ status: 500, body: null, contentType: null }));
    expect(((await appAccountClient(bare).request('GET', '/api/v1/account').catch((x: unknown) => x)) as AssaCallError).code).toBe('http_500');
  });

  it('opens protected sections through the core', async () => {
    const { api, calls } = recordingApi(() => ({ ok: true }));
    await appAccountClient(api).openProtected?.();
    expect(calls).toEqual([{ method: 'account.openProtected', request: {} }]);
  });
});
