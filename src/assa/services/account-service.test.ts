// The numbers behind the loyalty level on the account page: whole months connected, then 12 and 36.
import { describe, expect, it } from 'vitest';
import { loyaltyLevel, tenureMonths } from './account-service';

const MONTH_MS = 30.44 * 86_400_000;

describe('loyalty by tenure (A-DATA-1)', () => {
  it('silver from 12 whole months, gold from 36', () => {
    expect([0, 11, 12, 35, 36, 120].map(loyaltyLevel)).toEqual(['bronze', 'bronze', 'silver', 'silver', 'gold', 'gold']);
  });

  it('a month is counted once it is whole; a connection date in the future counts as none', () => {
    const at = Date.parse('2025-01-01T00:00:00Z');
    expect(tenureMonths('2025-01-01T00:00:00Z', at + MONTH_MS - 1)).toBe(0);
    expect(tenureMonths('2025-01-01T00:00:00Z', at + MONTH_MS)).toBe(1);
    expect(tenureMonths('2025-01-01T00:00:00Z', at + 12 * MONTH_MS - 1)).toBe(11);
    expect(tenureMonths('2025-01-01T00:00:00Z', at + 12 * MONTH_MS)).toBe(12);
    expect(tenureMonths('2025-01-01T00:00:00Z', at - 86_400_000)).toBe(0);
  });
});
