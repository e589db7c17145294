import { describe, expect, it } from 'vitest';
import { kyivDateTime, kyivDay, kyivFields, kyivFieldsByIntl, kyivMidnight, kyivMonth, kyivOffsetMinutes, startOfNextKyivMonth } from './kyiv-time';

describe('Kyiv calendar from UTC instants', () => {
  it('the per-hour offset arithmetic gives what Intl gives: the last millisecond of every UTC hour 2020-2040, of every 7th hour since 1970', () => {
    // The first millisecond of an hour is where the offset is read, so the last one would differ if it changed inside the hour.
    const bad: string[] = [];
    const check = (at: number) => {
      if (JSON.stringify(kyivFields(at)) !== JSON.stringify(kyivFieldsByIntl(at))) bad.push(new Date(at).toISOString());
    };
    const hour = 3_600_000;
    for (let t = 0; t < Date.parse('2020-01-01T00:00:00Z'); t += 7 * hour) check(t + hour - 1);
    for (let t = Date.parse('2020-01-01T00:00:00Z'); t < Date.parse('2041-01-01T00:00:00Z'); t += hour) check(t + hour - 1);
    expect(bad.slice(0, 5)).toEqual([]);
  }, 120_000);
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
