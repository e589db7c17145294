// Issue 13 on an injected clock across Jan 31 23:59 and Feb 1 00:00 Kyiv (21:59 / 22:00
// UTC in winter), through real HTTP on a real SQLite file: paid extras as monthly
// subscriptions, a tariff change with its switching cost under the balance rule, the
// A-MON-3 limits for paying other numbers (every way together), and calls lowering the
// package minutes, then the money.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMonthStart } from '../../../src/assa/services/billing';
import { NETWORK_EVENTS_PATH, NETWORK_SECRET_HEADER } from '../../../src/shared/network-contract';
import { Client, request, startHarness, type Harness, TEST_NETWORK_SECRET, registerNumbers, TWO_SUBSCRIBERS } from './assa-harness';

const JAN_15 = Date.parse('2027-01-15T10:00:00Z');
const JAN_31_2359_KYIV = Date.parse('2027-01-31T21:59:00Z');
const FEB_1_0000_KYIV = Date.parse('2027-01-31T22:00:00Z');

let h: Harness;
let seven: Client; // 441234567: Freedom of Speech, 30 UAH fee, 29 UAH balance
let eight: Client; // 441234568: 3G Unlimited, 150 UAH fee, 150 UAH balance
let key = 0;
const idem = () => ({ 'idempotency-key': `mb-key-${++key}` });
const card = (amount: number, forNumber?: string) => ({ cardNumber: '4111111111111111', expiry: '12/30', cvc: '123', amount, ...(forNumber ? { forNumber } : {}) });

const clock = { t: JAN_15, now: () => clock.t };

beforeEach(async () => {
  clock.t = JAN_15;
  // The demo is loaded on Jan 15: January counts as billed, February is the first month start.
  h = await startHarness({ clock });
  await registerNumbers(h.assa.url, TWO_SUBSCRIBERS);
  seven = new Client(h.assa.url);
  eight = new Client(h.assa.url);
  for (const [cl, n] of [[seven, '441234567'], [eight, '441234568']] as const) {
    expect((await cl.login(n, 'Kvitka2026')).status).toBe(200);
    expect((await cl.call('POST', '/api/v1/terms/accept', {})).status).toBe(200);
  }
});
afterEach(async () => h.close());

/** Moves the clock and keeps the sessions alive (they idle out after 30 minutes). */
async function at(t: number) {
  clock.t = t;
  for (const [cl, n] of [[seven, '441234567'], [eight, '441234568']] as const) await cl.login(n, 'Kvitka2026');
}
const account = async (cl: Client) => (await cl.call('GET', '/api/v1/account')).body;
const movements = async (cl: Client, kind: string) => {
  const r = await cl.call('GET', `/api/v1/money/movements?from=${encodeURIComponent('2026-01-01T00:00:00Z')}&to=${encodeURIComponent('2028-01-01T00:00:00Z')}`);
  return (r.body.items as Array<{ kind: string; amount: number; description: string; at: string }>).filter((m) => m.kind === kind);
};

describe('paid extras are monthly subscriptions (A-SVC-2)', () => {
  it('charged once a month however often switched; charged again on Feb 1 00:00 Kyiv, not at Jan 31 23:59; extra traffic adds its megabytes', async () => {
    expect((await eight.call('POST', '/api/v1/money/topups/card', card(50_000), idem())).body.status).toBe('approved');
    const mbBefore = (await account(eight)).packages.megabytesLeft;
    expect((await eight.call('PUT', '/api/v1/services/traffic-5gb', { enabled: true })).body).toMatchObject({ enabled: true, paidThisMonth: true, addsMegabytes: 5120 });
    expect((await account(eight)).packages.megabytesLeft).toBe(mbBefore + 5120);
    for (const enabled of [false, true, false, true]) expect((await eight.call('PUT', '/api/v1/services/traffic-5gb', { enabled })).status).toBe(200);
    expect(await movements(eight, 'service_fee')).toHaveLength(1); // 3 switch-ons in January, one fee

    await at(JAN_31_2359_KYIV);
    await runMonthStart(h.assa.ctx, '2027-01'); // already done: nothing
    expect(await movements(eight, 'service_fee')).toHaveLength(1);

    await at(FEB_1_0000_KYIV);
    const run = await runMonthStart(h.assa.ctx, '2027-02');
    expect(run).toMatchObject({ alreadyRan: false });
    const fees = await movements(eight, 'service_fee');
    expect(fees.map((m) => m.amount)).toEqual([-2000, -2000]);
    expect((await movements(eight, 'fee')).map((m) => m.amount)).toContain(-15_000);
    for (const enabled of [false, true]) await eight.call('PUT', '/api/v1/services/traffic-5gb', { enabled });
    expect(await movements(eight, 'service_fee')).toHaveLength(2);
    expect((await runMonthStart(h.assa.ctx, '2027-02')).alreadyRan).toBe(true);
  });

  it('tariff first, then services by price; what is not covered is not taken and the service is suspended until a payment covers it', async () => {
    await eight.call('POST', '/api/v1/money/topups/card', card(3500), idem()); // 185.00
    await eight.call('PUT', '/api/v1/services/antivirus', { enabled: true, acceptTerms: true }); // 15
    await eight.call('PUT', '/api/v1/services/traffic-5gb', { enabled: true }); // 20
    // Feb 1 needs 150 + 15 + 20 = 185.00; one kopeck less leaves the dearer extra unpaid.
    await eight.call('POST', '/api/v1/money/topups/card', card(3499), idem());
    expect((await account(eight)).balance).toBe(18_499);
    await at(FEB_1_0000_KYIV);
    await runMonthStart(h.assa.ctx, '2027-02');
    const svc = (await eight.call('GET', '/api/v1/services')).body as Array<{ id: string; enabled: boolean; suspended: boolean; paidThisMonth: boolean }>;
    expect(svc.find((s) => s.id === 'antivirus')).toMatchObject({ enabled: true, suspended: false, paidThisMonth: true });
    expect(svc.find((s) => s.id === 'traffic-5gb')).toMatchObject({ enabled: true, suspended: true, paidThisMonth: false });
    expect(await account(eight)).toMatchObject({ status: 'active', balance: 1999 });
    const mbSuspended = (await account(eight)).packages.megabytesLeft;
    await eight.call('POST', '/api/v1/money/topups/card', card(100), idem());
    const after = (await eight.call('GET', '/api/v1/services')).body as Array<{ id: string; suspended: boolean; paidThisMonth: boolean }>;
    expect(after.find((s) => s.id === 'traffic-5gb')).toMatchObject({ suspended: false, paidThisMonth: true });
    expect((await account(eight)).balance).toBe(99);
    expect((await account(eight)).packages.megabytesLeft).toBe(mbSuspended + 5120);
  });

  it('the fee not covered: the number is blocked and its services wait with it', async () => {
    await eight.call('PUT', '/api/v1/services/parental-control', { enabled: true }); // 150 - 10 = 140
    await at(FEB_1_0000_KYIV);
    await runMonthStart(h.assa.ctx, '2027-02');
    expect(await account(eight)).toMatchObject({ status: 'blocked', balance: 14_000 });
    expect(((await eight.call('GET', '/api/v1/services')).body as Array<{ id: string; suspended: boolean }>).find((s) => s.id === 'parental-control')).toMatchObject({ suspended: true });
    await eight.call('POST', '/api/v1/money/topups/card', card(2000), idem()); // 160: fee 150, then the 10 UAH service
    expect(await account(eight)).toMatchObject({ status: 'active', balance: 0 });
  });
});

describe('tariff change with its switching cost (A-TAR-2 under the balance rule)', () => {
  it('short on Feb 1: the change waits showing what is missing; a payment that covers it applies it with cost and new fee', async () => {
    expect((await seven.call('POST', '/api/v1/tariffs/change', { tariffId: '3g-lite' })).body).toMatchObject({ tariffId: '3g-lite', effectiveFrom: '2027-02-01' });
    await at(JAN_31_2359_KYIV);
    expect((await account(seven)).tariff.id).toBe('freedom-of-speech');
    await at(FEB_1_0000_KYIV);
    await runMonthStart(h.assa.ctx, '2027-02');
    // 29.00 against 10.00 + 75.00: the change waits (56.00 missing); 29 < 30 on the old plan: blocked.
    const t = (await seven.call('GET', '/api/v1/tariffs')).body;
    expect(t.current.id).toBe('freedom-of-speech');
    expect(t.pending).toMatchObject({ tariffId: '3g-lite', waiting: { missingKopecks: 5600, reason: expect.stringContaining('56.00') } });
    expect((await account(seven)).status).toBe('blocked');
    expect(await movements(seven, 'tariff_change')).toEqual([]);
    // 56.00 covers switching cost and new fee together: the change takes effect with the payment.
    await seven.call('POST', '/api/v1/money/topups/card', card(5600), idem());
    const done = (await seven.call('GET', '/api/v1/tariffs')).body;
    expect(done.current.id).toBe('3g-lite');
    expect(done.pending).toBeNull();
    expect((await movements(seven, 'tariff_change')).map((m) => m.amount)).toEqual([-1000]);
    expect((await movements(seven, 'fee')).map((m) => m.amount)).toEqual([-7500]);
    expect(await account(seven)).toMatchObject({ status: 'active', balance: 0 });
  });

  it('one kopeck short: the old plan’s fee is taken (the balance rule), the change waits for the next 1st and takes effect then', async () => {
    await seven.call('POST', '/api/v1/tariffs/change', { tariffId: '3g-lite' });
    await at(FEB_1_0000_KYIV);
    await runMonthStart(h.assa.ctx, '2027-02');
    await seven.call('POST', '/api/v1/money/topups/card', card(5599), idem()); // 84.99
    expect(await account(seven)).toMatchObject({ status: 'active', balance: 5499, tariff: { id: 'freedom-of-speech' } });
    expect((await seven.call('GET', '/api/v1/tariffs')).body.pending.waiting.missingKopecks).toBe(8500 - 5499);
    await seven.call('POST', '/api/v1/money/topups/card', card(3001), idem()); // 85.00, but February is paid on the old plan
    expect((await account(seven)).tariff.id).toBe('freedom-of-speech');
    expect((await seven.call('GET', '/api/v1/tariffs')).body.pending.waiting.missingKopecks).toBe(0);
    await at(Date.parse('2027-02-28T21:59:00Z')); // Feb 28 23:59 Kyiv
    await runMonthStart(h.assa.ctx, '2027-02');
    expect((await account(seven)).tariff.id).toBe('freedom-of-speech');
    await at(Date.parse('2027-02-28T22:00:00Z')); // Mar 1 00:00 Kyiv
    await runMonthStart(h.assa.ctx, '2027-03');
    expect(await account(seven)).toMatchObject({ status: 'active', balance: 0, tariff: { id: '3g-lite' } });
    expect((await movements(seven, 'tariff_change')).map((m) => m.amount)).toEqual([-1000]);
  });

  it('covered on Feb 1: the switching cost and the new fee are taken when the change takes effect', async () => {
    await seven.call('POST', '/api/v1/money/topups/card', card(5600), idem()); // 85.00 exactly
    await seven.call('POST', '/api/v1/tariffs/change', { tariffId: '3g-lite' });
    await at(FEB_1_0000_KYIV);
    await runMonthStart(h.assa.ctx, '2027-02');
    expect(await account(seven)).toMatchObject({ status: 'active', balance: 0, tariff: { id: '3g-lite' } });
    expect((await movements(seven, 'tariff_change')).map((m) => m.description)).toEqual(['Switch to 3G Lite']);
  });
});

describe('A-MON-3: paying for another number', () => {
  it('at least 10 UAH; 1000 UAH a Kyiv month in total over card, e-wallet, scratch card and transfer; a new month opens on Feb 1 00:00 Kyiv', async () => {
    await eight.call('POST', '/api/v1/money/topups/card', card(300_000), idem());
    expect((await eight.call('POST', '/api/v1/money/topups/card', card(999, '0441234567'), idem())).body.error).toMatchObject({ code: 'for_others_limit', field: 'amount' });
    expect((await eight.call('POST', '/api/v1/money/topups/card', card(1000, '0441234567'), idem())).body.status).toBe('approved');
    expect((await eight.call('POST', '/api/v1/money/topups/ewallet', { wallet: 'privat24', account: 'acct-1', amount: 40_000, forNumber: '0441234567' }, idem())).body.status).toBe('approved');
    expect((await eight.call('POST', '/api/v1/money/topups/voucher', { code: '10000000000001', forNumber: '0441234567' }, idem())).body.amount).toBe(10_000);
    expect((await eight.call('POST', '/api/v1/money/transfers', { to: '441234567', amount: 39_900 }, idem())).status).toBe(200);
    // 10 + 400 + 100 + 399 = 909 UAH; 90 UAH more is 999 UAH, then 1 UAH is under the minimum,
    // 10 UAH would be 1009: both refused; 1 UAH more (to 1000) as the 10 UAH minimum cannot: use 990 + 10.
    expect((await eight.call('POST', '/api/v1/money/topups/card', card(8_100, '0441234567'), idem())).body.status).toBe('approved'); // 990
    expect((await eight.call('POST', '/api/v1/money/topups/card', card(1000, '0441234567'), idem())).body.status).toBe('approved'); // 1000.00 exactly
    const over = await eight.call('POST', '/api/v1/money/topups/card', card(1000, '0441234567'), idem());
    expect(over.body.error).toMatchObject({ code: 'for_others_limit', details: { leftThisMonth: 0 } });
    expect((await eight.call('POST', '/api/v1/money/transfers', { to: '441234567', amount: 1000 }, idem())).body.error.code).toBe('transfer_limit');
    expect((await eight.call('POST', '/api/v1/money/topups/voucher', { code: '10000000000002', forNumber: '0441234567' }, idem())).body.error.code).toBe('for_others_limit');
    // Paying for oneself is not limited by it.
    expect((await eight.call('POST', '/api/v1/money/topups/card', card(1000), idem())).body.status).toBe('approved');
    await at(JAN_31_2359_KYIV);
    expect((await eight.call('POST', '/api/v1/money/topups/card', card(1000, '0441234567'), idem())).body.error.code).toBe('for_others_limit');
    await at(FEB_1_0000_KYIV);
    expect((await eight.call('POST', '/api/v1/money/topups/card', card(1000, '0441234567'), idem())).body.status).toBe('approved');
  });

  it('999 + 1 and 1000 + 0.01 UAH: one kopeck over the month is refused, the exact limit is not', async () => {
    await eight.call('POST', '/api/v1/money/topups/card', card(300_000), idem());
    expect((await eight.call('POST', '/api/v1/money/topups/card', card(999, '0441234567'), idem())).body.error.code).toBe('for_others_limit'); // 9.99: under the 10 UAH minimum
    expect((await eight.call('POST', '/api/v1/money/topups/card', card(99_000, '0441234567'), idem())).body.status).toBe('approved'); // 990.00
    expect((await eight.call('POST', '/api/v1/money/transfers', { to: '441234567', amount: 1001 }, idem())).body.error.code).toBe('transfer_limit'); // 1000.01 in total
    expect((await eight.call('POST', '/api/v1/money/transfers', { to: '441234567', amount: 1000 }, idem())).status).toBe(200); // 1000.00 exactly (and 10.00, the minimum)
    expect((await eight.call('POST', '/api/v1/money/topups/card', card(1000, '0441234567'), idem())).body.error.code).toBe('for_others_limit'); // 1010.00
  });
});

describe('calls (A-NET-3 → A-DET-1)', () => {
  const callEvent = (callId: string, startedAt: number, seconds: number, direction = 'out') =>
    request(h.assa.url, 'POST', NETWORK_EVENTS_PATH, { body: { type: 'call', callId, number: '441234567', peer: '0441234568', direction, startedAt: new Date(startedAt).toISOString(), seconds, at: new Date(startedAt + seconds * 1000).toISOString() }, headers: { [NETWORK_SECRET_HEADER]: TEST_NETWORK_SECRET } });

  it('package minutes first, then money through the ledger; the month is the call’s (Kyiv); a repeated report is one call', async () => {
    await seven.call('POST', '/api/v1/money/topups/card', card(10_000), idem());
    const minutes0 = (await account(seven)).packages.minutesLeft;
    expect(minutes0).toBe(297); // the demo's call of 2:05 yesterday used 3
    expect((await callEvent('c-1', JAN_15 + 3600_000, 295 * 60)).body).toMatchObject({ recorded: true, cost: 0, packageMinutes: 295 });
    expect((await account(seven)).packages.minutesLeft).toBe(2);
    // 2 minutes 1 second: 3 started minutes, 2 from the package, 1 paid (0.50 UAH).
    expect((await callEvent('c-2', JAN_31_2359_KYIV - 600_000, 121)).body).toMatchObject({ recorded: true, cost: 50, packageMinutes: 2 });
    expect((await callEvent('c-2', JAN_31_2359_KYIV - 600_000, 121)).body).toMatchObject({ recorded: false, cost: 50 });
    expect((await movements(seven, 'call')).map((m) => m.amount)).toEqual([-50]);
    // At 23:59 on Jan 31 a call is January's: paid.
    expect((await callEvent('c-3', JAN_31_2359_KYIV, 30)).body).toMatchObject({ cost: 50, packageMinutes: 0 });
    await at(FEB_1_0000_KYIV);
    expect((await account(seven)).packages.minutesLeft).toBe(300);
    expect((await callEvent('c-4', FEB_1_0000_KYIV, 30)).body).toMatchObject({ cost: 0, packageMinutes: 1 });
    const details = (await seven.call('GET', `/api/v1/details?kind=calls&from=${encodeURIComponent('2027-01-01T00:00:00Z')}&to=${encodeURIComponent('2027-03-01T00:00:00Z')}`)).body;
    const mine = (details.items as Array<{ peer: string; seconds: number; cost: number }>).filter((d) => d.seconds === 121 || d.seconds === 30);
    expect(mine.map((d) => d.cost)).toEqual([50, 50, 0]);
    expect(details.periodTotals).toMatchObject({ cost: 100 });
  });
});

describe('A-MON-4 invoices are dated in Kyiv time (issue 13)', () => {
  it('a fee taken at 00:00 on Feb 1 in Kyiv (22:00 UTC on Jan 31) is on the February invoice, dated 2027-02-01; one at 23:59 Kyiv on Jan 31 stays in January', async () => {
    expect((await eight.call('POST', '/api/v1/money/topups/card', card(50_000), idem())).body.status).toBe('approved');
    await at(JAN_31_2359_KYIV);
    // A service switched on at 23:59 Kyiv on Jan 31 (21:59 UTC): a January charge.
    expect((await eight.call('PUT', '/api/v1/services/traffic-5gb', { enabled: true })).status).toBe(200);
    await at(FEB_1_0000_KYIV);
    await runMonthStart(h.assa.ctx, '2027-02');
    const jan = String((await eight.call('GET', '/api/v1/invoices/2027-01')).body);
    const feb = String((await eight.call('GET', '/api/v1/invoices/2027-02')).body);
    expect(jan).toMatch(/<td>2027-01-31<\/td><td>Extra traffic 5 GB: monthly fee 2027-01<\/td>/);
    expect(jan).not.toContain('Monthly fee 2027-02');
    // The UTC date of that fee is 2027-01-31; the invoice shows the subscriber's day.
    expect(feb).toMatch(/<td>2027-02-01<\/td><td>Monthly fee 2027-02<\/td><td class="n">150\.00<\/td>/);
    expect(feb).not.toContain('2027-01-31');
  });
});
