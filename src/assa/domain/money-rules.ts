// A-MON-3, A-TAR-2, A-SVC: the money rules of the article, pure. Kopecks everywhere;
// months are Kyiv calendar months.
import { kyivDay, kyivMonth, startOfNextKyivMonth } from '../../shared/kyiv-time';

/** A-MON-3: paying for another number (card, e-wallet, scratch card, transfer) — per operation. */
export const FOR_OTHERS_MIN = 1_000; // 10.00 UAH
/** A-MON-3: ... and in total per payer per Kyiv calendar month, over all those ways together. */
export const FOR_OTHERS_MONTH_MAX = 100_000; // 1000.00 UAH
export const TRANSFER_MIN = FOR_OTHERS_MIN;
export const TRANSFER_MONTH_MAX = FOR_OTHERS_MONTH_MAX;
export const CARD_MIN = 100;
export const CARD_MAX = 500_000;
export const TARIFF_CHANGE_GAP_DAYS = 30;

export type ForOthersCheck = { ok: true } | { ok: false; code: 'for_others_limit' | 'transfer_limit'; message: string; leftThisMonth: number };

/**
 * A-MON-3 for one payer: `monthTotalSoFar` is what they already paid for other numbers
 * this Kyiv month (settled and still pending, every way together).
 */
export function checkForOthers(amount: number, monthTotalSoFar: number, code: 'for_others_limit' | 'transfer_limit' = 'for_others_limit'): ForOthersCheck {
  const left = Math.max(0, FOR_OTHERS_MONTH_MAX - monthTotalSoFar);
  if (!Number.isInteger(amount) || amount < FOR_OTHERS_MIN) return { ok: false, code, message: 'Paying for another number is at least 10.00 UAH at a time.', leftThisMonth: left };
  if (monthTotalSoFar + amount > FOR_OTHERS_MONTH_MAX) {
    return { ok: false, code, message: `Paying for other numbers is limited to 1000.00 UAH a month; ${(left / 100).toFixed(2)} UAH is left this month.`, leftThisMonth: left };
  }
  return { ok: true };
}

/** Transfers are one of the ways of A-MON-3 (A-UTL-5); their refusal keeps its own code. */
export const checkTransfer = (amount: number, monthTotalSoFar: number): ForOthersCheck => checkForOthers(amount, monthTotalSoFar, 'transfer_limit');

/** A-TAR-2: a change applies from the 1st of next month, and not sooner than 30 days after the last one. */
export function tariffChangeDate(now: number, lastRequestAt: number | null): { ok: true; effectiveFrom: string } | { ok: false; nextAllowed: string } {
  if (lastRequestAt !== null && now - lastRequestAt < TARIFF_CHANGE_GAP_DAYS * 86_400_000) {
    return { ok: false, nextAllowed: kyivDay(lastRequestAt + TARIFF_CHANGE_GAP_DAYS * 86_400_000) };
  }
  return { ok: true, effectiveFrom: kyivDay(startOfNextKyivMonth(now)) };
}

/** The Kyiv month an instant belongs to ("2026-11"), for monthly totals and billing runs. */
export const monthOf = (at: number) => kyivMonth(at);

/** A-DATA-2 at the 1st: the fee is taken only when the balance covers it in full. The one definition of the fee rule. */
export function monthStartDecision(balance: number, fee: number): { take: boolean; block: boolean } {
  return balance >= fee ? { take: true, block: false } : { take: false, block: true };
}
