import { describe, expect, it } from 'vitest';
import { feeForecast } from './fee-forecast';

describe('U-DASH-1 fee forecast', () => {
  it('29.00 UAH against a 30.00 UAH fee is 1.00 UAH short on the 1st', () => {
    const f = feeForecast(2900, 3000, Date.parse('2026-11-17T10:00:00Z'));
    expect(f).toEqual({ daysToFee: 14, nextFeeDay: '2026-12-01', shortKopecks: 100 });
  });

  it('counts to Kyiv midnight, not UTC midnight (22:30 UTC on the 30th is already the 1st in Kyiv)', () => {
    expect(feeForecast(5000, 3000, Date.parse('2026-11-30T22:30:00Z'))).toMatchObject({ nextFeeDay: '2027-01-01', shortKopecks: 0 });
  });
});
