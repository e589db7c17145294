// A-MON-3, A-TAR-2, A-SVC: the money rules of the article, pure. Kopecks everywhere;
// months are Kyiv calendar months.
import { kyivDay, kyivMonth, startOfNextKyivMonth } from '../../shared/kyiv-time';

export const TRANSFER_MIN = 1_000; // 10.00 UAH per transfer
export const TRANSFER_MONTH_MAX = 100_000; // 1000.00 UAH a month in total
export const CARD_MIN = 100;
export const CARD_MAX = 500_000;
export const TARIFF_CHANGE_GAP_DAYS = 30;

export type TransferCheck = { ok: true } | { ok: false; code: 'transfer_limit'; message: string };

export function checkTransfer(amount: number, monthTotalSoFar: number): TransferCheck {
  if (!Number.isInteger(amount) || amount < TRANSFER_MIN) return { ok: false, code: 'transfer_limit', message: 'A transfer is at least 10.00 UAH.' };
  if (monthTotalSoFar + amount > TRANSFER_MONTH_MAX) {
    return { ok: false, code: 'transfer_limit', message: `Transfers are limited to 1000.00 UAH a month; ${((TRANSFER_MONTH_MAX - monthTotalSoFar) / 100).toFixed(2)} UAH is left this month.` };
  }
  return { ok: true };
}

/** A-TAR-2: a change applies from the 1st of next month, and not sooner than 30 days after the last one. */
export function tariffChangeDate(now: number, lastRequestAt: number | null): { ok: true; effectiveFrom: string } | { ok: false; nextAllowed: string } {
  if (lastRequestAt !== null && now - lastRequestAt < TARIFF_CHANGE_GAP_DAYS * 86_400_000) {
    return { ok: false, nextAllowed: kyivDay(lastRequestAt + TARIFF_CHANGE_GAP_DAYS * 86_400_000) };
  }
  return { ok: true, effectiveFrom: kyivDay(startOfNextKyivMonth(now)) };
}

/** The Kyiv month an instant belongs to ("2026-11"), for monthly totals and billing runs. */
export const monthOf = (at: number) => kyivMonth(at);

/** A-DATA-2 at the 1st: the fee is taken only when the balance covers it in full. */
export function monthStartDecision(balance: number, fee: number): { take: boolean; block: boolean } {
  return balance >= fee ? { take: true, block: false } : { take: false, block: true };
}
