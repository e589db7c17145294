// A-DATA-2 / A-TAR-2: the month-start run (Kyiv time). Pending tariff changes are applied
// (with their switching cost), then the monthly fee is taken only when the balance covers
// it in full; otherwise nothing is taken and the number is blocked until a payment covers
// the fee. Idempotent per month; catches up after downtime; a payment re-checks a block.
import { kyivMonth, startOfNextKyivMonth } from '../../shared/kyiv-time';
import { monthStartDecision } from '../domain/money-rules';
import type { AssaContext } from '../http/context';
import type { MoneyStore } from '../store/money-store';
import { transaction } from '../store/open-database';

export function runMonthStart(ctx: AssaContext, money: MoneyStore, month: string): { charged: number; blocked: number; alreadyRan: boolean } {
  if (money.billingRan(month)) {
    ctx.metrics.billingRuns.inc({ result: 'already_ran' });
    return { charged: 0, blocked: 0, alreadyRan: true };
  }
  const at = new Date(ctx.clock.now()).toISOString();
  let charged = 0;
  let blocked = 0;
  transaction(ctx.store.db, () => {
    if (money.billingRan(month)) return;
    for (const c of money.dueChanges(`${month}-01`)) {
      const t = ctx.store.tariff(c.tariff_id);
      money.applyChange(c.number, c.tariff_id);
      const cost = t?.switch_cost_kopecks ?? 0;
      if (t && cost > 0 && money.balance(c.number) >= cost) {
        money.move(c.number, 'tariff_change', -cost, at, `Switch to ${t.name}`);
      }
    }
    ({ charged, blocked } = money.chargeMonthlyFees(month, at));
    money.markBillingRun(month, at);
  });
  ctx.metrics.billingRuns.inc({ result: 'ran' });
  ctx.log.info({ month, charged, blocked }, 'month-start billing run');
  return { charged, blocked, alreadyRan: false };
}

/** Takes this month's fee when the balance covers it; blocks otherwise. True when paid. Inside a transaction. */
export function chargeFee(ctx: AssaContext, money: MoneyStore, number: string, month: string, at: string): boolean {
  if (money.feePaidFor(number, month)) return true;
  const sub = ctx.store.subscriber(number)!;
  const fee = ctx.store.tariff(sub.tariff_id)!.monthly_fee_kopecks;
  const d = monthStartDecision(money.balance(number), fee);
  if (d.take) {
    money.move(number, 'fee', -fee, at, `Monthly fee ${month}`, `fee:${month}`);
    if (sub.status === 'blocked') money.setStatus(number, 'active');
    return true;
  }
  money.setStatus(number, 'blocked');
  return false;
}

/** After a payment: a number blocked for non-payment is unblocked once the fee is covered. */
export function afterPayment(ctx: AssaContext, money: MoneyStore, number: string): void {
  const sub = ctx.store.subscriber(number);
  if (sub?.status !== 'blocked') return;
  const month = kyivMonth(ctx.clock.now());
  chargeFee(ctx, money, number, month, new Date(ctx.clock.now()).toISOString());
}

/** Runs every month start that is due, also the ones missed while the server was down. */
export function startBillingClock(ctx: AssaContext, money: MoneyStore, checkEveryMs = 60_000): () => void {
  const tick = () => {
    const month = kyivMonth(ctx.clock.now());
    if (!money.billingRan(month)) runMonthStart(ctx, money, month);
  };
  // A new database starts billing from its next month: this month counts as billed.
  if (!ctx.store.db.prepare('SELECT 1 FROM billing_runs LIMIT 1').get()) money.markBillingRun(kyivMonth(ctx.clock.now()), new Date(ctx.clock.now()).toISOString());
  tick();
  const t = setInterval(tick, checkEveryMs);
  t.unref?.();
  return () => clearInterval(t);
}

export const nextMonthStart = (now: number) => startOfNextKyivMonth(now);
