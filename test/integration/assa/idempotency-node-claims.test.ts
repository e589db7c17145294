// Node-owned Idempotency-Key claims (issue 13): a key claimed by another `assa` process that
// is alive answers 409 idempotency_in_flight; once that process is killed with SIGKILL, a
// retry takes the claim over at once (no stale period) and the request goes through, once.
// The holder is a real child process; the engine is the run's (SQLite, or PostgreSQL with
// ASSA_TEST_ENGINE=postgres), so CI's two passes test both node proofs (pid + start time,
// the node's advisory lock).
import { spawn, type ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestHash } from '../../../src/assa/http/idempotency-binding';
import { openStoreEngine } from '../../../src/assa/store/open-database';
import { waitForOutput } from '../../support/child-output';
import { exited } from '../../support/crash-server';
import { testEngine } from '../../support/postgres';
import { Client, networkSms, request, startHarness, type Harness } from './assa-harness';

let h: Harness;
let payer: Client;
const holders: ChildProcess[] = [];
beforeAll(async () => {
  h = await startHarness();
  for (const [n, code] of [['441234567', '300001'], ['441234568', '300002']] as const) {
    await networkSms(h.assa.url, n, code);
    expect((await request(h.assa.url, 'POST', '/api/v1/registrations', { body: { number: n, password: 'Kvitka2026', runa: code } })).status).toBe(201);
  }
  payer = new Client(h.assa.url);
  expect((await payer.login('441234568', 'Kvitka2026')).status).toBe(200);
  expect((await payer.call('POST', '/api/v1/terms/accept', {})).status).toBe(200);
});
afterAll(async () => {
  for (const c of holders) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await h.close();
});

const balance = async () => (await payer.call('GET', '/api/v1/account')).body.balance as number;
const ROUTE = 'POST /api/v1/money/transfers';

/** Another node claims `key` for a transfer of `amount` and stays alive holding it; resolves with its node id. */
function holdClaim(key: string, amount: number): Promise<{ child: ChildProcess; node: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/integration/assa/idempotency-claim-holder.ts'], {
    env: { ...process.env, ASSA_DB: h.dbTarget, NUMBER: '441234568', KEY: key, ROUTE, BODY_HASH: requestHash({ params: {}, query: {}, body: { to: '441234567', amount } }), NOW: String(h.clock.now()) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  holders.push(child);
  return waitForOutput(child, /^(.*)\n/, { name: 'the claim holder' }).then((r) => {
    const line = JSON.parse(r.match[1]!) as { outcome: string; node: string };
    if (line.outcome !== 'claimed') throw new Error(`the holder's claim: ${line.outcome}`);
    return { child, node: line.node };
  });
}

const claimRow = async (key: string) => (await sql<{ state: string; owner_node: string; takeovers: number }>`SELECT state, owner_node, takeovers FROM idempotency_claims WHERE number = '441234568' AND key = ${key}`.execute(h.assa.ctx.store.db)).rows[0];

describe('an Idempotency-Key claim belongs to the node that runs it', () => {
  it('a live node\'s claim answers 409; killed -9, its claim is taken over at once and the transfer goes through once', async () => {
    const key = 'node-claim-0001';
    const holder = await holdClaim(key, 1400);
    expect(holder.node).not.toBe(await h.assa.ctx.store.engine.node.id());
    expect(await h.assa.ctx.store.engine.node.isAlive(holder.node)).toBe(true);
    const before = await balance();
    // Alive: its request may still be answering; ours must wait (and is told to retry).
    for (let i = 0; i < 3; i++) {
      const held = await payer.call('POST', '/api/v1/money/transfers', { to: '441234567', amount: 1400 }, { 'idempotency-key': key });
      expect([held.status, held.body.error?.code, held.headers['retry-after']]).toEqual([409, 'idempotency_in_flight', '1']);
    }
    expect(await balance()).toBe(before);

    holder.child.kill('SIGKILL');
    expect(await exited(holder.child, 'the claim holder')).toBe('SIGKILL');
    // Dead: the next retry, well inside the 2-minute stale period (the clock has not moved), runs.
    expect(await h.assa.ctx.store.engine.node.isAlive(holder.node)).toBe(false);
    const taken = await payer.call('POST', '/api/v1/money/transfers', { to: '441234567', amount: 1400 }, { 'idempotency-key': key });
    expect(taken.status).toBe(200);
    expect(await balance()).toBe(before - 1400);
    expect(await claimRow(key)).toEqual({ state: 'done', owner_node: await h.assa.ctx.store.engine.node.id(), takeovers: 1 });
    // And the answer is final: a further retry replays it, nothing moves again.
    const again = await payer.call('POST', '/api/v1/money/transfers', { to: '441234567', amount: 1400 }, { 'idempotency-key': key });
    expect(again.body.transferId).toBe(taken.body.transferId);
    expect(await balance()).toBe(before - 1400);
  });

  it('a claim of this node itself is never judged dead: a duplicate waits for it (or, past the stale period, the last safety net)', async () => {
    const key = 'node-claim-0002';
    const claim = { number: '441234568', key, route: ROUTE, bodyHash: requestHash({ params: {}, query: {}, body: { to: '441234567', amount: 1500 } }), staleAfterMs: 120_000 };
    expect(await h.assa.ctx.store.security.claimIdempotencyKey({ ...claim, now: h.clock.now() })).toBe('claimed');
    expect(await h.assa.ctx.store.security.claimIdempotencyKey({ ...claim, now: h.clock.now() + 120_000 })).toBe('in_flight');
    expect(await h.assa.ctx.store.security.claimIdempotencyKey({ ...claim, now: h.clock.now() + 120_001 })).toBe('claimed');
    expect((await claimRow(key))?.takeovers).toBe(1);
  });

  it.skipIf(testEngine() !== 'postgres')('PostgreSQL: a node whose lock connection was cut takes its lock again, and is alive to the others again', async () => {
    const id = await h.assa.ctx.store.engine.node.id();
    const other = await openStoreEngine(h.dbTarget);
    try {
      expect(await other.node.isAlive(id)).toBe(true);
      await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ${`assa node ${id}`}`.execute(other.db);
      await expect.poll(() => other.node.isAlive(id)).toBe(false);
      // The node notices the lost connection and its next claim (any call for its id) takes the lock again.
      await expect.poll(async () => (await h.assa.ctx.store.engine.node.id()) === id && (await other.node.isAlive(id))).toBe(true);
    } finally {
      await other.close();
    }
  });
});
