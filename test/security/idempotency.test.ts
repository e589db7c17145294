// Finding 7 (Idempotency-Key) over real HTTP: a key is bound to its route and body (422
// idempotency_key_reused, never a silent replay of another answer nor an HTTP 500), and it
// is reserved while its first request runs (409 idempotency_in_flight), so concurrent
// duplicates never charge twice. The stale-reservation take-over is tested on both sides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestHash } from '../../src/assa/http/idempotency-binding';

/** The rule under test, written out (not imported) so that a change to it fails here. */
const STALE_MS = 2 * 60_000;
import { Client, networkSms, request, startHarness, type Harness } from '../integration/assa/assa-harness';

let h: Harness;
let payer: Client;
beforeAll(async () => {
  h = await startHarness();
  for (const [n, code] of [['441234567', '200001'], ['441234568', '200002']] as const) {
    await networkSms(h.assa.url, n, code);
    expect((await request(h.assa.url, 'POST', '/api/v1/registrations', { body: { number: n, password: 'Kvitka2026', runa: code } })).status).toBe(201);
  }
  payer = new Client(h.assa.url);
  expect((await payer.login('441234568', 'Kvitka2026')).status).toBe(200);
});
afterAll(async () => h.close());

const balance = async () => (await payer.call('GET', '/api/v1/account')).body.balance as number;
const transfer = (key: string, amount: number, to = '441234567') => payer.call('POST', '/api/v1/money/transfers', { to, amount }, { 'idempotency-key': key });

describe('an Idempotency-Key is bound to its route and body', () => {
  it('the same key and body replays the first answer and moves money once', async () => {
    const before = await balance();
    const a = await transfer('bind-key-0001', 1000);
    const b = await transfer('bind-key-0001', 1000);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.body.transferId).toBe(a.body.transferId);
    expect(await balance()).toBe(before - 1000);
  });

  it('the same key with another body is 422 idempotency_key_reused; nothing moves', async () => {
    const before = await balance();
    const r = await transfer('bind-key-0001', 1200);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('idempotency_key_reused');
    expect(await balance()).toBe(before);
    // Another payee with the same amount is another body too.
    expect((await transfer('bind-key-0001', 1000, '441234569')).body.error.code).toBe('idempotency_key_reused');
  });

  it('the same key on another route is 422, not HTTP 500', async () => {
    const r = await payer.call('POST', '/api/v1/money/topups/voucher', { code: '1234567890123456' }, { 'idempotency-key': 'bind-key-0001' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('idempotency_key_reused');
  });

  it('the body hash ignores key order, and sees query and path parameters', () => {
    expect(requestHash({ params: {}, query: {}, body: { to: '1', amount: 2 } })).toBe(requestHash({ params: {}, query: {}, body: { amount: 2, to: '1' } }));
    expect(requestHash({ params: {}, query: { number: '441234567' }, body: {} })).not.toBe(requestHash({ params: {}, query: {}, body: {} }));
    expect(requestHash({ params: { id: 'a' }, query: {}, body: {} })).not.toBe(requestHash({ params: { id: 'b' }, query: {}, body: {} }));
  });
});

describe('a key is reserved while its first request runs', () => {
  it('ten concurrent duplicates: one transfer, the others 409 idempotency_in_flight (Retry-After) or the same answer', async () => {
    const before = await balance();
    const all = await Promise.all(Array.from({ length: 10 }, () => transfer('race-key-0001', 1100)));
    const ok = all.filter((r) => r.status === 200);
    const busy = all.filter((r) => r.status === 409);
    expect(ok.length + busy.length).toBe(10);
    expect(new Set(ok.map((r) => r.body.transferId)).size).toBe(1);
    for (const r of busy) {
      expect(r.body.error.code).toBe('idempotency_in_flight');
      expect(r.headers['retry-after']).toBe('1');
    }
    expect(await balance()).toBe(before - 1100);
    // Afterwards the key answers with the stored result.
    expect((await transfer('race-key-0001', 1100)).body.transferId).toBe(ok[0]!.body.transferId);
  });

  it('a reservation left in flight is honoured for 2 min and taken over just after', async () => {
    // A request that died mid-way (its process killed) leaves its reservation behind.
    const claim = { number: '441234568', key: 'dead-key-0001', route: 'POST /api/v1/money/transfers', bodyHash: requestHash({ params: {}, query: {}, body: { to: '441234567', amount: 1300 } }), staleAfterMs: STALE_MS };
    // (The test's own claim uses the written-out rule; the server's requests use the code's.)
    expect(await h.assa.ctx.store.security.claimIdempotencyKey({ ...claim, now: h.clock.now() })).toBe('claimed');
    const before = await balance();
    h.clock.advance(STALE_MS);
    const held = await transfer('dead-key-0001', 1300);
    expect(held.status).toBe(409);
    expect(held.body.error.code).toBe('idempotency_in_flight');
    expect(await balance()).toBe(before);
    h.clock.advance(1);
    const taken = await transfer('dead-key-0001', 1300);
    expect(taken.status).toBe(200);
    expect(await balance()).toBe(before - 1300);
  });
});
