// What a card gateway checks before it asks the bank: the Luhn digit and the expiry
// (a card is valid through the last day of its MM/YY month, Kyiv time). Pure.
import { kyivFields } from '../../shared/kyiv-time';

export function luhnValid(n: string): boolean {
  if (!/^\d{12,19}$/.test(n)) return false;
  let sum = 0;
  for (let i = 0; i < n.length; i++) {
    let d = Number(n[n.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** "MM/YY" is expired at `now` when its month has ended. Bad input counts as expired. */
export function cardExpired(expiry: string, now: number): boolean {
  const m = /^(0[1-9]|1[0-2])\/(\d{2})$/.exec(expiry);
  if (!m) return true;
  const month = Number(m[1]);
  const year = 2000 + Number(m[2]);
  const f = kyivFields(now);
  return year < f.year || (year === f.year && month < f.month);
}
