// A-NUM-1: the subscriber number is the 9-digit Ukrainian national number without the
// trunk zero ("441234567"). Accepted inputs: 0441234567, +380441234567, 380441234567,
// 441234567, with spaces, dashes, dots or brackets anywhere.

export type NationalNumber = string & { readonly __brand: 'NationalNumber' };

export type NormaliseResult =
  | { ok: true; number: NationalNumber }
  | { ok: false; reason: 'empty' | 'bad_characters' | 'wrong_length' | 'not_ukrainian' };

const SEPARATORS = /[\s\-().\u00a0]/g;

export function normaliseNumber(input: string): NormaliseResult {
  const compact = input.trim().replace(SEPARATORS, '');
  if (compact === '') return { ok: false, reason: 'empty' };
  if (!/^\+?\d+$/.test(compact)) return { ok: false, reason: 'bad_characters' };
  const digits = compact.replace(/^\+/, '');
  const plus = compact.startsWith('+');
  let national: string | undefined;
  if (digits.length === 12 && digits.startsWith('380')) national = digits.slice(3);
  // "+" then anything but 380: another country's number (or a stray plus before a zero).
  else if (plus) return { ok: false, reason: digits.startsWith('380') || digits.startsWith('0') ? 'wrong_length' : 'not_ukrainian' };
  else if (digits.length === 10 && digits.startsWith('0')) national = digits.slice(1);
  else if (digits.length === 9) national = digits;
  else if (digits.length === 11 && digits.startsWith('80')) national = digits.slice(2); // old "8 0xx" domestic prefix
  if (national === undefined) return { ok: false, reason: digits.length === 12 ? 'not_ukrainian' : 'wrong_length' };
  if (national.startsWith('0')) return { ok: false, reason: 'wrong_length' };
  return { ok: true, number: national as NationalNumber };
}

/** The number as a person reads it: "044 123 45 67" style grouping of the 10-digit form. */
export function formatNumber(n: NationalNumber | string): string {
  const d = `0${n}`;
  return `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 8)} ${d.slice(8, 10)}`;
}

/** The 9-digit form when the number is Ukrainian, otherwise null (callers keep the raw form). */
export function toNationalOrNull(input: string): NationalNumber | null {
  const r = normaliseNumber(input);
  return r.ok ? r.number : null;
}
