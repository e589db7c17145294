import { describe, expect, it } from 'vitest';
import { kyivDateTime, kyivDay, kyivMidnight, kyivMonth, kyivOffsetMinutes, startOfNextKyivMonth } from './kyiv-time';

describe('Kyiv calendar from UTC instants', () => {
  it('puts 22:30 UTC on 30 Nov into Kyiv 1 Dec (winter, UTC+2)', () => {
    expect(kyivDay(Date.parse('2026-11-30T22:30:00Z'))).toBe('2026-12-01');
    expect(kyivMonth(Date.parse('2026-11-30T22:30:00Z'))).toBe('2026-12');
    expect(kyivDay(Date.parse('2026-11-30T21:59:59Z'))).toBe('2026-11-30');
  });
  it('writes Kyiv wall-clock time for exports: 22:30 UTC on 31 Jan is 00:30 on 1 Feb; summer is UTC+3', () => {
    expect(kyivDateTime('2027-01-31T22:30:00.000Z')).toBe('2027-02-01 00:30:00');
    expect(kyivDateTime(Date.parse('2026-07-01T21:05:09Z'))).toBe('2026-07-02 00:05:09');
  });
  it('knows the summer offset (UTC+3) and the winter one (UTC+2)', () => {
    expect(kyivOffsetMinutes(Date.parse('2026-07-01T12:00:00Z'))).toBe(180);
    expect(kyivOffsetMinutes(Date.parse('2026-01-01T12:00:00Z'))).toBe(120);
  });
  it('finds Kyiv midnight as a UTC instant, across DST changes', () => {
    expect(kyivMidnight('2026-12-01').toISOString()).toBe('2026-11-30T22:00:00.000Z');
    expect(kyivMidnight('2026-07-01').toISOString()).toBe('2026-06-30T21:00:00.000Z');
    // The last Sunday of March: clocks go forward at 03:00, midnight is still UTC+2.
    expect(kyivMidnight('2026-03-29').toISOString()).toBe('2026-03-28T22:00:00.000Z');
    expect(kyivMidnight('2026-03-30').toISOString()).toBe('2026-03-29T21:00:00.000Z');
  });
  it('gives the start of the next month in Kyiv', () => {
    expect(startOfNextKyivMonth(Date.parse('2026-11-17T10:00:00Z')).toISOString()).toBe('2026-11-30T22:00:00.000Z');
    expect(startOfNextKyivMonth(Date.parse('2026-12-31T21:59:00Z')).toISOString()).toBe('2026-12-31T22:00:00.000Z');
    expect(startOfNextKyivMonth(Date.parse('2026-12-31T22:00:00Z')).toISOString()).toBe('2027-01-31T22:00:00.000Z');
  });
});
