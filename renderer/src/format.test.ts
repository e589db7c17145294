// U-I18N-1: hryvnia formatting from integer kopecks, Kyiv time, traffic units.
import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatKyivDateTime, formatKyivHourMinute, formatMonth, formatUah, shownNumber } from './format';

const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('U-I18N-1 formatting', () => {
  it('formats kopecks as hryvnias in each language', () => {
    expect(norm(formatUah(2900, 'uk'))).toBe('29,00 ₴');
    expect(norm(formatUah(2900, 'en'))).toMatch(/^(UAH 29\.00|₴29\.00)$/);
    expect(norm(formatUah(-100, 'uk'))).toBe('-1,00 ₴');
    expect(norm(formatUah(123456789, 'uk'))).toBe('1 234 567,89 ₴');
    expect(norm(formatUah(1, 'uk'))).toBe('0,01 ₴');
  });
  it('shows times in Kyiv whatever the machine zone', () => {
    expect(formatKyivDateTime('2026-11-30T22:30:00Z', 'en')).toContain('1 Dec 2026');
    expect(formatKyivDateTime('2026-11-30T22:30:00Z', 'en')).toContain('00:30');
  });
  it('counts traffic in binary multiples', () => {
    expect(norm(formatBytes(512, 'en'))).toBe('512 B');
    expect(norm(formatBytes(1536, 'en'))).toBe('1.5 KB');
    expect(norm(formatBytes(3 * 1024 * 1024, 'uk'))).toBe('3 МБ');
  });
  it('shows durations as h:mm:ss', () => {
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(59)).toBe('0:00:59');
  });
});

describe('U-I18N-1 months and chart clocks', () => {
  it('names a month in the language, not as 2026-12', () => {
    expect(formatMonth('2026-12', 'uk')).toMatch(/грудень 2026/i);
    expect(formatMonth('2026-12', 'ru')).toMatch(/декабрь 2026/i);
    expect(formatMonth('2026-12', 'en')).toBe('December 2026');
  });
  it('gives a chart axis the Kyiv clock whatever the machine zone', () => {
    // 22:30 UTC on 30 November is 00:30 on 1 December in Kyiv (UTC+2 in winter).
    expect(formatKyivHourMinute('2026-11-30T22:30:00Z', 'en')).toBe('00:30');
    // 21:30 UTC in July is 00:30 Kyiv summer time (UTC+3).
    expect(formatKyivHourMinute('2026-07-14T21:30:00Z', 'uk')).toBe('00:30');
  });
  it('A-NUM-1: a Ukrainian sender in any form reads as 044 123 45 67; a short number stays', () => {
    for (const raw of ['441234567', '0441234567', '+380441234567']) expect(shownNumber(raw)).toBe('044 123 45 67');
    expect(shownNumber('2772')).toBe('2772');
  });
});
