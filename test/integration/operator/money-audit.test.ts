// Issue 12: every ledger movement is in the audit, with who or what caused it, written in
// the movement's own transaction; the operator API reads it. Runs on SQLite and, with
// ASSA_TEST_ENGINE=postgres, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, registerNumbers, TWO_SUBSCRIBERS } from '../assa/assa-harness';
import { startOperatorHarness, subscriberSession, type OperatorHarness } from './operator-harness';

let h: OperatorHarness;
let key = 0;
const idem = () => ({ 'idempotency-key': `audit-key-${++key}` });
beforeAll(async () => {
  h = await startOperatorHarness();
  await registerNumbers(h.assa.url, TWO_SUBSCRIBERS);
});
afterAll(async () => h.close());

/** Every movement id against the audit's movement ids. */
async function unaudited(): Promise<number[]> {
  const db = h.assa.ctx.store.db;
  const moved = (await db.selectFrom('movements').select('id').execute()).map((r) => r.id);
  const audited = new Set((await h.assa.ctx.store.db.selectFrom('money_audit' as never).select('movement_id' as never).execute()).map((r) => Number((r as { movement_id: number }).movement_id)));
  return moved.filter((id) => !audited.has(id));
}

describe('the audit of every ledger movement', () => {
  it('records who moved the money — subscriber, operator, billing run — with number, amount, kind and reference; the operator API lists it', async () => {
    expect(await unaudited()).toEqual([]); // the demo's opening balances too
    const c = await subscriberSession(h, '441234567');
    expect((await c.call('POST', '/api/v1/terms/accept', {})).status).toBe(200);
    expect((await c.call('POST', '/api/v1/money/topups/voucher', { code: '3000-0000-0000-01' }, idem())).status).toBe(200);
    const t = await c.call('POST', '/api/v1/money/transfers', { to: '441234568', amount: 1000 }, idem());
    expect(t.status).toBe(200);
    // A refused movement (more than the balance) leaves no audit row either.
    const before = (await h.as.support.op('GET', '/money-audit')).body.length as number;
    expect((await c.call('POST', '/api/v1/money/transfers', { to: '441234568', amount: 5_000_000 }, idem())).status).toBeGreaterThanOrEqual(400);
    expect((await h.as.support.op('GET', '/money-audit')).body).toHaveLength(before);
    expect((await h.as.support.op('POST', '/adjustments', { number: '441234568', amount: 250, reason: 'outage' })).status).toBe(201);
    expect((await h.as.billing.op('POST', '/billing/month-start', { month: '2026-12' })).status).toBe(200);

    const mine = (await h.as.support.op('GET', '/money-audit?number=441234567')).body as Array<Record<string, unknown>>;
    expect(mine.find((r) => r.kind === 'voucher')).toMatchObject({ number: '441234567', amountKopecks: 3000, actor: { kind: 'subscriber', id: '441234567', ip: expect.any(String) } });
    expect(mine.find((r) => r.kind === 'transfer_out')).toMatchObject({ amountKopecks: -1000, ref: expect.any(String), actor: { kind: 'subscriber', id: '441234567' } });
    const theirs = (await h.as.support.op('GET', '/money-audit?number=441234568')).body as Array<Record<string, unknown>>;
    // The payee's credit is caused by the payer.
    expect(theirs.find((r) => r.kind === 'transfer_in')).toMatchObject({ amountKopecks: 1000, ref: mine.find((r) => r.kind === 'transfer_out')!.ref, actor: { kind: 'subscriber', id: '441234567' } });
    expect(theirs.find((r) => r.kind === 'adjustment' && r.amountKopecks === 250)).toMatchObject({ actor: { kind: 'operator', id: 'support1' } });
    const all = (await h.as.admin.op('GET', '/money-audit?limit=500')).body as Array<Record<string, unknown>>;
    const fees = all.filter((r) => r.kind === 'fee');
    expect(fees.length).toBeGreaterThan(0);
    for (const f of fees) expect(f).toMatchObject({ ref: 'fee:2026-12', actor: { kind: 'billing', id: 'operator:billing1' } });
    expect(all.filter((r) => (r.actor as { kind: string }).kind === 'system').every((r) => r.kind === 'adjustment')).toBe(true); // the demo's opening balances
    // Newest first, paged by id.
    const ids = all.map((r) => r.id as number);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const page = (await h.as.admin.op('GET', `/money-audit?before=${ids[1]}&limit=1`)).body;
    expect(page).toEqual([all[2]]);
    expect(await unaudited()).toEqual([]);
  });

  it('a call charged from the network side is the network’s', async () => {
    // The network side: an outgoing call priced by the tariff.
    const call = await request(h.assa.url, 'POST', '/api/v1/network/events', { body: { type: 'call', number: '441234568', peer: '0501234567', direction: 'out', callId: 'audit-call-1', startedAt: '2026-11-17T00:00:00.000Z', seconds: 36_000, at: '2026-11-17T10:00:00.000Z' }, headers: { 'x-assa-network-secret': h.assa.secrets.network } });
    expect(call.status).toBe(200);
    expect(call.body.cost).toBeGreaterThan(0);
    const calls = ((await h.as.support.op('GET', '/money-audit?number=441234568')).body as Array<Record<string, unknown>>).filter((r) => r.kind === 'call');
    expect(calls).toEqual([expect.objectContaining({ amountKopecks: -call.body.cost, ref: 'call:audit-call-1', actor: { kind: 'network', id: null, ip: expect.any(String) } })]);
    expect(await unaudited()).toEqual([]);
  });

  it('is read by admin and support (audit.read); billing may not', async () => {
    expect((await h.as.billing.op('GET', '/money-audit')).status).toBe(403);
    expect((await h.as.support.op('GET', '/money-audit?number=12')).status).toBe(400);
  });
});
