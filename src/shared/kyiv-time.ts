// Time is UTC inside and Kyiv time on screen and for calendar periods (days, months,
// the 1st of the month). These helpers turn an instant into Kyiv calendar fields and
// back, through Intl so that daylight-saving changes are handled by the tz database.

export const KYIV_TZ = 'Europe/Kyiv';

const partsFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: KYIV_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export interface KyivFields {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function intlFields(at: Date | number): KyivFields {
  const parts = Object.fromEntries(partsFormatter.formatToParts(typeof at === 'number' ? new Date(at) : at).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

// formatToParts costs microseconds a call and a request makes dozens (month bounds, fee
// forecasts): it was 7% of GET /account. Since 1970 Kyiv's offset is a whole number of
// hours and changes only on a whole UTC hour, so it is asked of Intl once per UTC hour and
// the fields follow by arithmetic (kyiv-time.test.ts compares both ways hour by hour).
const HOUR_MS = 3_600_000;
const offsetByHour = new Map<number, number>();
function offsetMsAt(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let off = offsetByHour.get(hour);
  if (off === undefined) {
    const f = intlFields(hour * HOUR_MS);
    off = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - hour * HOUR_MS;
    if (offsetByHour.size >= 4096) offsetByHour.clear();
    offsetByHour.set(hour, off);
  }
  return off;
}

export function kyivFields(at: Date | number): KyivFields {
  const ms = typeof at === 'number' ? at : at.getTime();
  if (!(ms >= 0) || !Number.isFinite(ms)) return intlFields(at);
  const d = new Date(ms + offsetMsAt(ms));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/** The Intl path alone, for tests comparing the two. */
export const kyivFieldsByIntl = intlFields;

/** "2026-11-24" — the Kyiv calendar day of an instant. */
export function kyivDay(at: Date | number): string {
  const f = kyivFields(at);
  return `${f.year}-${String(f.month).padStart(2, '0')}-${String(f.day).padStart(2, '0')}`;
}

/** "2027-02-01 00:30:00" — Kyiv wall-clock time of an instant, for exports read by people (CSV). */
export function kyivDateTime(at: Date | number | string): string {
  const f = kyivFields(typeof at === 'string' ? Date.parse(at) : at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${f.year}-${p(f.month)}-${p(f.day)} ${p(f.hour)}:${p(f.minute)}:${p(f.second)}`;
}

/** "2026-11" — the Kyiv calendar month of an instant. */
export function kyivMonth(at: Date | number): string {
  return kyivDay(at).slice(0, 7);
}

/** Kyiv's offset from UTC at an instant, in minutes (120 in winter, 180 in summer). */
export function kyivOffsetMinutes(at: Date | number): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  const f = kyivFields(ms);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The UTC instant of Kyiv local midnight starting the given day ("2026-12-01"). */
export function kyivMidnight(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  // Midnight Kyiv is UTC minus the offset in force at that moment; two rounds settle DST edges.
  let t = guess - kyivOffsetMinutes(guess) * 60_000;
  t = guess - kyivOffsetMinutes(t) * 60_000;
  return new Date(t);
}

/** A Kyiv calendar month: its name and its bounds as UTC instants. */
export interface KyivMonth {
  /** "2026-11" */
  month: string;
  /** The first instant of the month, and of the next one (ISO, UTC): [start, next) is the month. */
  start: string;
  next: string;
  nextMs: number;
  /** "2026-12-01": the Kyiv day the next month begins. */
  nextDay: string;
}

// Every request that shows a month (the packages left, the fee forecast) asks for the
// month it is in; working it out again cost GET /account a twentieth of its CPU (issue 11).
// A Kyiv month begins on a whole UTC hour (the offset is whole hours, see above), so within
// one UTC hour the answer cannot change: it is kept for the hour last asked.
let monthMemo: { hour: number; value: KyivMonth } | null = null;

/** The Kyiv month that `at` falls in. */
export function kyivMonthOf(at: Date | number): KyivMonth {
  const ms = typeof at === 'number' ? at : at.getTime();
  const hour = Math.floor(ms / HOUR_MS);
  if (monthMemo?.hour === hour) return monthMemo.value;
  const f = kyivFields(ms);
  const month = `${f.year}-${String(f.month).padStart(2, '0')}`;
  const y = f.month === 12 ? f.year + 1 : f.year;
  const m = f.month === 12 ? 1 : f.month + 1;
  const nextDay = `${y}-${String(m).padStart(2, '0')}-01`;
  const nextMs = kyivMidnight(nextDay).getTime();
  const value: KyivMonth = Object.freeze({ month, start: kyivMidnight(`${month}-01`).toISOString(), next: new Date(nextMs).toISOString(), nextMs, nextDay });
  if (Number.isFinite(ms)) monthMemo = { hour, value };
  return value;
}

/** The first instant of the next Kyiv month after `at`. */
export function startOfNextKyivMonth(at: Date | number): Date {
  return new Date(kyivMonthOf(at).nextMs);
}

/** The Kyiv month of `at` as [first instant, first instant of the next month), ISO UTC: the range monthly limits and packages count in. */
export function kyivMonthBounds(at: number): [string, string] {
  const m = kyivMonthOf(at);
  return [m.start, m.next];
}
