// U-TRAY-1 / A-DATA-2: warn ahead of the 1st when the balance will not cover the monthly
// fee (taken only in full). Checked after each login and every few hours; one notice per
// fee date, so the user is told once, not every check.
import { kyivDay, startOfNextKyivMonth } from '../../shared/kyiv-time';
import type { Clock } from '../clock';
import type { Notify } from '../notifier';
import type { AccountLink } from './account-link';

interface AccountSummary {
  balance: number;
  tariff: { monthlyFee: number };
  forecast?: { shortKopecks: number; nextFeeDate: string };
}

export function shortOfFee(a: AccountSummary): number {
  return a.forecast ? a.forecast.shortKopecks : Math.max(0, a.tariff.monthlyFee - a.balance);
}

export function watchBalance(deps: { account: AccountLink; notify: Notify; clock: Clock; everyMs?: number }): { check(): Promise<void>; stop(): void } {
  const check = async () => {
    if (!deps.account.getStatus().loggedIn) return;
    const r = await deps.account.proxy({ method: 'GET', path: '/api/v1/account' }).catch(() => null);
    if (!r || r.status !== 200) return;
    const a = r.body as AccountSummary;
    const short = shortOfFee(a);
    if (short <= 0) return;
    const feeDay = a.forecast?.nextFeeDate ?? kyivDay(startOfNextKyivMonth(deps.clock.now()));
    // Kopecks, not words: each screen formats the money in its own language.
    deps.notify('balance_short', 'warning', { shortKopecks: short, feeDay }, `balance-short-${feeDay}`);
  };
  const timer = deps.clock.setInterval(() => void check(), deps.everyMs ?? 6 * 3600_000);
  return { check, stop: () => timer.clear() };
}
