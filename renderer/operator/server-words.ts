// What the server writes in the operator's tables, in the console's language (issue 18): the
// kinds of movements and operations and the audit actions are codes, translated by code; the
// movement's description is an English line the server composes from a few patterns, which
// are read back into their parts and worded again; a line no pattern knows is shown by its
// kind in uk/ru (never as English words). Status values in "from"/"to" are codes too.
import type { TFunction } from 'i18next';
import { money } from './format';

const has = (t: TFunction, key: string) => t(key, { defaultValue: '\u0000' }) !== '\u0000';
const byCode = (t: TFunction, group: string, code: string) => (has(t, `words.${group}.${code}`) ? t(`words.${group}.${code}`) : code);

/** payment, voucher, fee, … in words. */
export const movementKind = (t: TFunction, kind: string) => byCode(t, 'movement', kind);

/** create, suspend, adjustment, change_number, … in words. */
export const operationKind = (t: TFunction, kind: string) => byCode(t, 'operation', kind);

/** subscriber.create, vouchers.issue, catalogue.tariff.update, … in words (the dots are key separators, so "_"). */
export const auditAction = (t: TFunction, action: string) => byCode(t, 'action', action.replace(/\./g, '_'));

/** An audit target "subscriber:445550701", "voucher_batch:3": its kind in words, then the id. */
export function auditTarget(t: TFunction, target: string | null): string {
  if (!target) return '—';
  const i = target.indexOf(':');
  if (i < 0) return target;
  const kind = target.slice(0, i);
  return has(t, `words.target.${kind}`) ? `${t(`words.target.${kind}`)} ${target.slice(i + 1)}` : target;
}

/** A from/to value of an operation: a status or lock state in words, an adjustment's kopecks as money, else as written. */
export function operationValue(t: TFunction, lng: string, kind: string, v: string | null): string {
  if (v === null) return '—';
  if (kind === 'adjustment' && /^-?\d+$/.test(v)) return money(Number(v), lng);
  return byCode(t, 'value', v);
}

/** The reasons the server itself writes (an operator's own reason is theirs, in their language). */
const SYSTEM_REASONS: Record<string, string> = { 'new subscriber': 'newSubscriber', 'CSV import': 'csvImport' };
export const operationReason = (t: TFunction, reason: string) => (SYSTEM_REASONS[reason] ? t(`words.reason.${SYSTEM_REASONS[reason]}`) : reason);

/** The server's English movement lines, as patterns with their parts (src/assa/services/*, operator/services/*). */
const DESCRIPTIONS: Array<[RegExp, string, (m: RegExpExecArray) => Record<string, string>]> = [
  [/^Opening balance$/, 'opening', () => ({})],
  [/^Opening balance \(operator (.+)\)$/, 'openingBy', (m) => ({ operator: m[1]! })],
  [/^Adjustment: (.*) \(operator (.+)\)$/, 'adjustment', (m) => ({ reason: m[1]!, operator: m[2]! })],
  [/^Scratch card (\d+) UAH from (\d+)$/, 'voucherFrom', (m) => ({ amount: m[1]!, payer: m[2]! })],
  [/^Scratch card (\d+) UAH$/, 'voucher', (m) => ({ amount: m[1]! })],
  [/^Transfer to (\d+)$/, 'transferTo', (m) => ({ number: m[1]! })],
  [/^Transfer from (\d+)$/, 'transferFrom', (m) => ({ number: m[1]! })],
  [/^Call to (.+), (\d+) min \((\d{4}-\d{2})\)$/, 'call', (m) => ({ peer: m[1]!, minutes: m[2]!, month: m[3]! })],
];

/** The movement's line in the console's language: the server's own words in English. */
export function movementDescription(t: TFunction, lng: string, kind: string, description: string): string {
  if (lng === 'en') return description;
  for (const [re, key, parts] of DESCRIPTIONS) {
    const m = re.exec(description);
    if (m) return t(`words.description.${key}`, parts(m));
  }
  return movementKind(t, kind);
}
