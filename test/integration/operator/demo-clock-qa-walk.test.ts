// QA on the demo clock (issue 14): PUT /api/v1/operator/clock exists only with --demo.
// A month walked in seconds: subscribers created on Jan 15, a paid extra switched on,
// the clock moved to Jan 31 23:59 Kyiv (nothing billed) and to Feb 1 00:00 Kyiv (the
// month start takes the tariff fee at the price in force for February, published by the
// admin in January, and the paid extra's monthly fee; a short balance blocks the number); the subscriber's
// web session and a RUNA expire by the same clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, networkSms, request } from '../assa/assa-harness';
import { NEW_PASSWORD, OperatorClient, startOperatorHarness, subscriberSession, type OperatorHarness } from './operator-harness';

describe('the demo clock is not there without --demo', () => {
  it('PUT /api/v1/operator/clock is 404 for an admin, and the server clock does not move', async () => {
    const h = await startOperatorHarness({ demo: false });
    try {
      const before = h.assa.ctx.clock.now();
      const r = await h.as.admin.op('PUT', '/clock', { now: '2027-02-01T00:00:00Z' });
      expect([r.status, r.body.error.code]).toEqual([404, 'not_found']);
      expect(h.assa.ctx.clock.now()).toBe(before);
      expect((await h.as.admin.op('GET', '/me')).body.demoClock).toBe(false);
    } finally {
      await h.close();
    }
  });
});

describe('a QA walk from Jan 15 to Feb 1 on the demo clock', () => {
  let h: OperatorHarness;
  beforeAll(async () => {
    h = await startOperatorHarness({ demo: true });
  });
  afterAll(async () => h?.close());
  const setClock = (now: string) => h.as.billing.op('PUT', '/clock', { now });
  const account = async (c: Client) => (await c.call('GET', '/api/v1/account')).body;

  it('support may not move the clock; billing may', async () => {
    expect((await h.as.support.op('PUT', '/clock', { now: '2027-01-15T08:00:00Z' })).body.error.code).toBe('forbidden_role');
    const r = await setClock('2027-01-15T08:00:00Z');
    expect(r.status).toBe(200);
    expect(r.body.now).toBe('2027-01-15T08:00:00.000Z');
    // January had not been billed: the tick follows the jump at once.
    expect(r.body.monthStart).toMatchObject({ month: '2027-01', alreadyRan: false });
    expect((await h.as.billing.op('GET', '/me')).body).toMatchObject({ demoClock: true, now: '2027-01-15T08:00:00.000Z' });
  });

  let a: Client;
  let s: OperatorClient;
  it('Jan 15: two subscribers are created; one switches on a paid extra', async () => {
    // Support was idle through the jump of two months: its session ended by that clock.
    expect((await h.as.support.op('GET', '/tickets')).status).toBe(401);
    s = new OperatorClient(h.assa.url);
    expect((await s.op('POST', '/sessions', { login: 'support1', password: NEW_PASSWORD })).status).toBe(200);
    expect((await s.op('POST', '/subscribers', { number: '445550301', accountNumber: '2000550301', ownerName: 'Oksana Lysenko', tariffId: 'freedom-of-speech', balance: 10_000 })).status).toBe(201);
    expect((await s.op('POST', '/subscribers', { number: '445550302', accountNumber: '2000550302', ownerName: 'Yurii Hnatiuk', tariffId: 'freedom-of-speech', balance: 2_000 })).status).toBe(201);
    a = await subscriberSession(h, '445550301');
    expect((await a.call('POST', '/api/v1/terms/accept')).status).toBe(200);
    const on = await a.call('PUT', '/api/v1/services/traffic-5gb', { enabled: true });
    expect(on.status).toBe(200);
    expect((await account(a)).balance).toBe(8_000);
  });

  it('Jan 20: the admin publishes a new fee for the tariff from February; January keeps the old one', async () => {
    await setClock('2027-01-20T10:00:00Z');
    // The admin was idle through the jumps: a fresh login by the same clock.
    const admin = new OperatorClient(h.assa.url);
    expect((await admin.op('POST', '/sessions', { login: 'admin1', password: NEW_PASSWORD })).status).toBe(200);
    const p = await admin.op('PUT', '/tariffs/freedom-of-speech', { monthlyFee: 3500 });
    expect(p.status).toBe(200);
    expect(p.body.prices.at(-1)).toMatchObject({ validFrom: '2027-02', monthlyFee: 3500 });
    expect((await h.assa.ctx.store.tariff('freedom-of-speech'))!.monthly_fee_kopecks).toBe(3000);
  });

  it('Jan 31 23:59 Kyiv: nothing is billed yet', async () => {
    const r = await setClock('2027-01-31T21:59:00Z');
    expect(r.body.monthStart).toBeNull();
    expect((await h.assa.ctx.store.subscriber('445550301'))!.balance_kopecks).toBe(8_000);
    expect((await h.assa.ctx.store.subscriber('445550302'))!.status).toBe('active');
  });

  it('Feb 1 00:00 Kyiv: the billing tick takes the tariff fee at February\'s price; the short balance blocks the number', async () => {
    const r = await setClock('2027-01-31T22:00:00Z');
    expect(r.body.monthStart).toMatchObject({ month: '2027-02', alreadyRan: false });
    const view = (await h.as.billing.op('GET', '/subscribers/445550301')).body;
    expect(view.movements.filter((m: { kind: string }) => m.kind === 'fee')).toEqual([expect.objectContaining({ amount: -3500, at: '2027-01-31T22:00:00.000Z' })]);
    expect(view.services.map((x: { id: string }) => x.id)).toContain('traffic-5gb');
    // The paid extra is a recurring charge (issue 13): February's fee for it is taken with the tariff's.
    const extras = view.movements.filter((m: { kind: string }) => m.kind === 'service_fee');
    expect(extras.map((m: { amount: number; description: string }) => [m.amount, m.description])).toEqual([
      [-2000, 'Extra traffic 5 GB: monthly fee 2027-02'], // at the month start
      [-2000, 'Extra traffic 5 GB: monthly fee 2027-01'], // when switched on, Jan 15
    ]);
    expect(extras[0].at).toBe('2027-01-31T22:00:00.000Z');
    expect((await h.assa.ctx.store.subscriber('445550301'))!.balance_kopecks).toBe(8_000 - 3_500 - 2_000);
    expect((await h.assa.ctx.store.subscriber('445550301'))!.status).toBe('active');
    const b = (await h.assa.ctx.store.subscriber('445550302'))!;
    expect([b.status, b.balance_kopecks]).toEqual(['blocked', 2_000]);
    // Re-running the month is idempotent.
    expect((await h.as.billing.op('POST', '/billing/month-start', { month: '2027-02' })).body).toMatchObject({ alreadyRan: true, charged: 0 });
  });

  it('the subscriber’s web session followed the clock (idle for 16 days: ended); the operators’ stayed', async () => {
    expect((await a.call('GET', '/api/v1/account')).status).toBe(401);
    expect((await h.as.billing.op('GET', '/billing/runs')).status).toBe(200);
    // support did not act during the jump: its idle timeout passed on the same clock.
    expect((await s.op('GET', '/tickets')).status).toBe(401);
  });

  it('RUNA expiry follows the clock: 9:59 after activation it works, 10:01 after it does not', async () => {
    const register = (number: string, runa: string) => request(h.assa.url, 'POST', '/api/v1/registrations', { body: { number, password: 'Lysenko2027', runa } });
    await setClock('2027-02-01T08:00:00Z');
    await networkSms(h.assa.url, '445550302', '424242');
    await setClock('2027-02-01T08:10:01Z');
    expect((await register('445550302', '424242')).status).toBe(403);
    // A credit that covers the fee lifts the block, as a payment would.
    expect((await h.as.billing.op('POST', '/adjustments', { number: '445550302', amount: 5000, reason: 'QA top-up' })).status).toBe(201);
    expect(await h.assa.ctx.store.subscriber('445550302')).toMatchObject({ status: 'active', balance_kopecks: 3_500 });
    await setClock('2027-02-01T08:20:00Z');
    await networkSms(h.assa.url, '445550302', '515151');
    await setClock('2027-02-01T08:29:59Z');
    expect((await register('445550302', '515151')).status).toBe(201);
  });
});
