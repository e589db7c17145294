import { describe, expect, it } from 'vitest';
import { priceCall } from './call-pricing';

describe('call pricing (A-NET-3, A-DET-1)', () => {
  it('started minutes: 60 s is one, 61 s is two', () => {
    expect(priceCall({ direction: 'out', seconds: 60 }, 0, 50).minutes).toBe(1);
    expect(priceCall({ direction: 'out', seconds: 61 }, 0, 50)).toEqual({ minutes: 2, packageMinutes: 0, paidMinutes: 2, cost: 100 });
    expect(priceCall({ direction: 'out', seconds: 1 }, 0, 50).cost).toBe(50);
  });
  it('package minutes first, then money', () => {
    expect(priceCall({ direction: 'out', seconds: 185 }, 4, 50)).toEqual({ minutes: 4, packageMinutes: 4, paidMinutes: 0, cost: 0 });
    expect(priceCall({ direction: 'out', seconds: 185 }, 3, 50)).toEqual({ minutes: 4, packageMinutes: 3, paidMinutes: 1, cost: 50 });
    expect(priceCall({ direction: 'out', seconds: 185 }, -2, 50)).toEqual({ minutes: 4, packageMinutes: 0, paidMinutes: 4, cost: 200 });
  });
  it('incoming and missed calls cost nothing and use no minutes', () => {
    expect(priceCall({ direction: 'in', seconds: 600 }, 10, 50)).toEqual({ minutes: 0, packageMinutes: 0, paidMinutes: 0, cost: 0 });
    expect(priceCall({ direction: 'missed', seconds: 0 }, 10, 50).cost).toBe(0);
  });
});
