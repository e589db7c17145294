import { describe, expect, it } from 'vitest';
import { changeNeeds, planMonthStart } from './month-start-plan';

const services = [
  { id: 'online-cinema', fee: 4900 },
  { id: 'traffic-5gb', fee: 2000 },
  { id: 'parental-control', fee: 1000 },
];

describe('month start for one number (A-DATA-2, A-SVC-2, A-TAR-2)', () => {
  it('the fee in full or not at all: 30.00 against 30.00 pays, 29.99 blocks and takes nothing', () => {
    expect(planMonthStart({ balance: 3000, tariffFee: 3000, change: null, services: [] })).toEqual({ steps: [{ kind: 'fee', amount: 3000 }], changeWaits: null, block: false, suspend: [], balanceAfter: 0 });
    expect(planMonthStart({ balance: 2999, tariffFee: 3000, change: null, services: [] })).toEqual({ steps: [], changeWaits: null, block: true, suspend: [], balanceAfter: 2999 });
  });
  it('tariff first, then services cheapest first; what is not covered is suspended, not taken', () => {
    // 30 fee + 10 + 20 = 60 covered; cinema 49 is not (61 - 60 = 1 left).
    const p = planMonthStart({ balance: 6100, tariffFee: 3000, change: null, services });
    expect(p.steps).toEqual([
      { kind: 'fee', amount: 3000 },
      { kind: 'service_fee', serviceId: 'parental-control', amount: 1000 },
      { kind: 'service_fee', serviceId: 'traffic-5gb', amount: 2000 },
    ]);
    expect(p.suspend).toEqual(['online-cinema']);
    expect(p.balanceAfter).toBe(100);
    // One kopeck less: the 20 UAH extra is not covered either — 10 UAH still is.
    expect(planMonthStart({ balance: 5999, tariffFee: 3000, change: null, services }).suspend).toEqual(['traffic-5gb', 'online-cinema']);
    expect(planMonthStart({ balance: 10900, tariffFee: 3000, change: null, services }).suspend).toEqual([]);
  });
  it('a blocked number pays no services: they wait with it', () => {
    expect(planMonthStart({ balance: 2000, tariffFee: 3000, change: null, services })).toMatchObject({ steps: [], block: true, suspend: ['parental-control', 'traffic-5gb', 'online-cinema'] });
  });
  it('a tariff change takes effect when its cost and the new fee are covered together, else it waits showing the gap', () => {
    const change = { tariffId: '3g-lite', switchCost: 1000, newFee: 7500 };
    expect(planMonthStart({ balance: 8500, tariffFee: 3000, change, services: [] })).toEqual({ steps: [{ kind: 'tariff_change', tariffId: '3g-lite', amount: 1000 }, { kind: 'fee', amount: 7500 }], changeWaits: null, block: false, suspend: [], balanceAfter: 0 });
    // 1 kopeck short: nothing of the change is taken, the old plan's fee is; what is missing counts from what is left.
    expect(planMonthStart({ balance: 8499, tariffFee: 3000, change, services: [] })).toEqual({ steps: [{ kind: 'fee', amount: 3000 }], changeWaits: { tariffId: '3g-lite', missing: 8500 - 5499 }, block: false, suspend: [], balanceAfter: 5499 });
  });
  it('once this month’s fee is taken (a resumed run, a payment mid-month) a waiting change waits for the next 1st', () => {
    expect(changeNeeds({ switchCost: 1000, newFee: 7500 })).toBe(8500);
    expect(planMonthStart({ balance: 9000, tariffFee: null, change: { tariffId: 'x', switchCost: 1000, newFee: 7500 }, services: [] })).toMatchObject({ steps: [], changeWaits: { tariffId: 'x', missing: 0 }, block: false, balanceAfter: 9000 });
    expect(planMonthStart({ balance: 999, tariffFee: null, change: { tariffId: 'x', switchCost: 1000, newFee: 7500 }, services: [] })).toMatchObject({ steps: [], changeWaits: { missing: 7501 } });
  });
});
