// U-I18N-1: money in hryvnias from integer kopecks, dates in Kyiv time, traffic in
// bytes — all through Intl, in the UI's language.
import type { Language } from '../../src/shared/app-contract';
import { formatNumber, toNationalOrNull } from '../../src/shared/phone-number';

const LOCALE: Record<Language, string> = { uk: 'uk-UA', ru: 'ru-UA', en: 'en-GB' };
const TZ = 'Europe/Kyiv';

/** 2900 → "29,00 ₴" (uk) / "UAH 29.00" (en). Integer kopecks in, never floats in the arithmetic. */
export function formatUah(kopecks: number, lang: Language): string {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  const whole = Math.trunc(abs / 100);
  const cents = abs % 100;
  // Intl formats the two parts; the amount itself never passes through a float sum.
  const nf = new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency: 'UAH', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const parts = nf.formatToParts(whole + cents / 100);
  return sign + parts.map((p) => p.value).join('');
}

export function formatKyivDateTime(at: string | number | Date, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: TZ, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}

/** Time of day in Kyiv with seconds (terminal lines, live events). */
export function formatKyivTime(at: string | number | Date, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: TZ, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(new Date(at));
}

/** Hours and minutes in Kyiv (chart axes: a chart shows the same clock as the tables beside it). */
export function formatKyivHourMinute(at: string | number | Date, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(at));
}

/** "грудень 2026" / "December 2026" from "2026-12" (a Kyiv month as the server names it). */
export function formatMonth(month: string, lang: Language): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  // Mid-month noon UTC is the same month in Kyiv whatever the offset.
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: TZ, month: 'long', year: 'numeric' }).format(Date.UTC(y, m - 1, 15, 12));
}

export function formatKyivDate(at: string | number | Date, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: TZ, dateStyle: 'medium' }).format(new Date(at));
}

const UNITS: Record<Language, string[]> = {
  uk: ['Б', 'КБ', 'МБ', 'ГБ', 'ТБ'],
  ru: ['Б', 'КБ', 'МБ', 'ГБ', 'ТБ'],
  en: ['B', 'KB', 'MB', 'GB', 'TB'],
};

/** Binary multiples (what modems and operators count in), one decimal above bytes. */
export function formatBytes(bytes: number, lang: Language): string {
  let v = Math.max(0, bytes);
  let i = 0;
  while (v >= 1024 && i < 4) {
    v /= 1024;
    i++;
  }
  const nf = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: i === 0 ? 0 : 1 });
  return `${nf.format(v)} ${UNITS[lang][i]}`;
}

export function formatRate(bytesPerSecond: number, lang: Language): string {
  const perS = { uk: '/с', ru: '/с', en: '/s' }[lang];
  return `${formatBytes(bytesPerSecond, lang)}${perS}`;
}

/** 3725 → "1:02:05". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

/** A-NUM-1 on screen: a Ukrainian number as "044 123 45 67" however the modem wrote it; a short number (2772) as it is. */
export function shownNumber(raw: string): string {
  const n = toNationalOrNull(raw);
  return n ? formatNumber(n) : raw;
}
