// issue 11: a transaction that still conflicts after its retries is answered 503
// `transaction_conflict` with Retry-After, never 500, and nothing of it was done: the same
// request with the same Idempotency-Key, retried, goes through. PostgreSQL only (SQLite
// serialises whole transactions and never conflicts). The server here gets one attempt
// per transaction (`dbTransactionAttempts: 1`), so concurrent transfers from one number
// run out of attempts at their first conflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, postgresUnavailable, type FreshDatabase } from '../../support/postgres';
import { Client, networkSms, startHarness, type Harness, type Res } from './assa-harness';

const noPg = await postgresUnavailable();

describe.skipIf(noPg)('PostgreSQL: a transaction that keeps conflicting', () => {
  let pg: FreshDatabase;
  let h: Harness;
  beforeAll(async () => {
    pg = await freshDatabase('tx_conflict');
    h = await startHarness({ dbPath: pg.url, dbTransactionAttempts: 1 });
  }, 180_000);
  afterAll(async () => {
    await h?.close();
    await pg?.drop();
  });

  it('is answered 503 transaction_conflict with Retry-After; a retry with the same key goes through; the ledger stays balanced', async () => {
    const payer = '441234568';
    const store = h.assa.ctx.store;
    await store.transaction((tx) => tx.money.move(payer, 'adjustment', 100_000, new Date(h.clock.now()).toISOString(), 'For the test'));
    expect((await networkSms(h.assa.url, payer, '975310')).status).toBe(200);
    const c = new Client(h.assa.url);
    expect((await c.call('POST', '/api/v1/registrations', { number: payer, password: 'Kvitka2026', runa: '975310' })).status).toBe(201);
    expect((await c.login(payer, 'Kvitka2026')).status).toBe(200);

    const send = (key: string) => c.call('POST', '/api/v1/money/transfers', { to: '441234567', amount: 1000 }, { 'idempotency-key': key });
    // Rounds of 8 at once until one of them conflicts (with one attempt the first round all but always does).
    let conflicted: { key: string; res: Res } | undefined;
    const seen: number[] = [];
    for (let round = 0; round < 8 && !conflicted; round++) {
      const keys = Array.from({ length: 8 }, (_, i) => `conflict-${round}-${i}`);
      const answers = await Promise.all(keys.map(send));
      seen.push(...answers.map((r) => r.status));
      const i = answers.findIndex((r) => r.status === 503);
      if (i >= 0) conflicted = { key: keys[i]!, res: answers[i]! };
    }
    expect(seen.filter((s) => s !== 200 && s !== 503), seen.join(',')).toEqual([]);
    expect(conflicted, 'no round conflicted').toBeDefined();
    expect(conflicted!.res.headers['retry-after']).toBe('1');
    expect(conflicted!.res.body.error).toMatchObject({ code: 'transaction_conflict' });

    // Nothing of it was done and its key was freed: the retry is a fresh transfer.
    const retry = await send(conflicted!.key);
    expect(retry.status, JSON.stringify(retry.body)).toBe(200);
    expect((await send(conflicted!.key)).body.transferId).toBe(retry.body.transferId);

    const ok = seen.filter((s) => s === 200).length + 1;
    const out = await store.db.selectFrom('movements').select('amount_kopecks').where('number', '=', payer).where('kind', '=', 'transfer_out').execute();
    expect(out).toHaveLength(ok);
    const all = await store.db.selectFrom('movements').select((eb) => eb.fn.sum<number>('amount_kopecks').as('s')).where('number', '=', payer).executeTakeFirstOrThrow();
    expect(Number(all.s)).toBe(await store.money.balance(payer));
  });
});
