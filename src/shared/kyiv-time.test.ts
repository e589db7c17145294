import { describe, expect, it } from 'vitest';
import { kyivDateTime, kyivDay, kyivFields, kyivFieldsByIntl, kyivMidnight, kyivMonth, kyivMonthBounds, kyivMonthOf, kyivOffsetMinutes, startOfNextKyivMonth } from './kyiv-time';

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
  it('the month kept for an hour is the month of every instant in that hour: the last millisecond before and the first after each month start, 2026-2028, asked in turn', () => {
    const hour = 3_600_000;
    const bad: string[] = [];
    for (let y = 2026; y <= 2028; y++) {
      for (let m = 1; m <= 12; m++) {
        const start = kyivMidnight(`${y}-${String(m).padStart(2, '0')}-01`).getTime();
        // Before, after, before again: a kept answer must never leak across the boundary.
        for (const at of [start - 1, start, start - hour, start + hour - 1, start - 1]) {
          const got = kyivMonthOf(at);
          const month = kyivMonth(at);
          const expected = { month, start: kyivMidnight(`${month}-01`).toISOString(), next: startOfNextKyivMonthByFields(at) };
          if (got.month !== expected.month || got.start !== expected.start || got.next !== expected.next) bad.push(`${new Date(at).toISOString()}: ${JSON.stringify(got)}`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(kyivMonthBounds(Date.parse('2026-11-30T21:59:59.999Z'))).toEqual(['2026-10-31T22:00:00.000Z', '2026-11-30T22:00:00.000Z']);
    expect(kyivMonthBounds(Date.parse('2026-11-30T22:00:00.000Z'))).toEqual(['2026-11-30T22:00:00.000Z', '2026-12-31T22:00:00.000Z']);
    expect(kyivMonthOf(Date.parse('2026-11-30T22:00:00.000Z')).nextDay).toBe('2027-01-01');
  });
});

/** The next month's start from the calendar fields, without the kept month. */
function startOfNextKyivMonthByFields(at: number): string {
  const f = kyivFields(at);
  const y = f.month === 12 ? f.year + 1 : f.year;
  const m = f.month === 12 ? 1 : f.month + 1;
  return kyivMidnight(`${y}-${String(m).padStart(2, '0')}-01`).toISOString();
}
