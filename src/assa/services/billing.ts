// A-DATA-2 / A-TAR-2: the month-start run (Kyiv time). Pending tariff changes are applied
// (with their switching cost), then the monthly fee is taken only when the balance covers
// it in full; otherwise nothing is taken and the number is blocked until a payment covers
// the fee. Idempotent per month; catches up after downtime; a payment re-checks a block.
import { kyivMonth, startOfNextKyivMonth } from '../../shared/kyiv-time';
import { monthStartDecision } from '../domain/money-rules';
import type { AssaContext } from '../context';
import type { AssaStore } from '../store/assa-store';
import type { MoneyStore } from '../store/money-store';
import { applyPricesInForce } from './prices-in-force';

export async function runMonthStart(ctx: AssaContext, money: MoneyStore, month: string): Promise<{ charged: number; blocked: number; alreadyRan: boolean }> {
  // One node at a time (a PostgreSQL advisory lock across nodes): a second caller waits for
  // the first and then finds the month billed.
  const locked = await ctx.store.engine.withJobLock('month-start', () => monthStartOnce(ctx, money, month), { wait: true });
  return locked.ran ? locked.value : { charged: 0, blocked: 0, alreadyRan: true };
}

async function monthStartOnce(ctx: AssaContext, money: MoneyStore, month: string): Promise<{ charged: number; blocked: number; alreadyRan: boolean }> {
  if (await money.billingRan(month)) {
    ctx.metrics.billingRuns.inc({ result: 'already_ran' });
    return { charged: 0, blocked: 0, alreadyRan: true };
  }
  const at = new Date(ctx.clock.now()).toISOString();
  const r = await ctx.store.transaction(async (tx) => {
    if (await tx.money.billingRan(month)) return { charged: 0, blocked: 0, alreadyRan: true };
    await applyPricesInForce(tx, month);
    for (const c of await tx.money.dueChanges(`${month}-01`)) {
      const t = await tx.tariff(c.tariff_id);
      await tx.money.applyChange(c.number, c.tariff_id);
      const cost = t?.switch_cost_kopecks ?? 0;
      if (t && cost > 0 && (await tx.money.balance(c.number)) >= cost) {
        await tx.money.move(c.number, 'tariff_change', -cost, at, `Switch to ${t.name}`);
      }
    }
    const { charged, blocked } = await tx.money.chargeMonthlyFees(month, at);
    await tx.money.markBillingRun(month, at);
    return { charged, blocked, alreadyRan: false };
  });
  ctx.metrics.billingRuns.inc({ result: r.alreadyRan ? 'already_ran' : 'ran' });
  if (!r.alreadyRan) ctx.log.info({ month, charged: r.charged, blocked: r.blocked }, 'month-start billing run');
  return r;
}

/** Takes this month's fee when the balance covers it; blocks otherwise. True when paid. Inside a transaction (`tx`). */
export async function chargeFee(tx: AssaStore, number: string, month: string, at: string): Promise<boolean> {
  if (await tx.money.feePaidFor(number, month)) return true;
  const sub = (await tx.subscriber(number))!;
  const fee = (await tx.tariff(sub.tariff_id))!.monthly_fee_kopecks;
  const d = monthStartDecision(await tx.money.balance(number), fee);
  if (d.take) {
    await tx.money.move(number, 'fee', -fee, at, `Monthly fee ${month}`, `fee:${month}`);
    if (sub.status === 'blocked') await tx.money.setStatus(number, 'active');
    return true;
  }
  await tx.money.setStatus(number, 'blocked');
  return false;
}

/** After a payment, inside its transaction: a number blocked for non-payment is unblocked once the fee is covered. */
export async function afterPayment(ctx: AssaContext, tx: AssaStore, number: string): Promise<void> {
  const sub = await tx.subscriber(number);
  if (sub?.status !== 'blocked') return;
  const month = kyivMonth(ctx.clock.now());
  await chargeFee(tx, number, month, new Date(ctx.clock.now()).toISOString());
}

export interface BillingClock {
  stop(): void;
  /** Resolves when no tick is running (awaited before the store closes). */
  idle(): Promise<void>;
}

/** Runs every month start that is due, also the ones missed while the server was down. */
export async function startBillingClock(ctx: AssaContext, checkEveryMs = 60_000): Promise<BillingClock> {
  const money = ctx.store.money;
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const tick = () => {
    // One tick at a time: a slow month start is not started again by the next interval.
    if (busy) return;
    busy = true;
    running = (async () => {
      const month = kyivMonth(ctx.clock.now());
      if (await money.billingRan(month)) return;
      // Several nodes tick: the one holding the lock runs it, the others skip this tick.
      await ctx.store.engine.withJobLock('billing-tick', () => runMonthStart(ctx, money, month));
    })()
      .catch((e: unknown) => ctx.log.error({ err: e }, 'billing tick failed'))
      .finally(() => {
        busy = false;
      });
  };
  // A new database starts billing from its next month: this month counts as billed.
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.money.anyBillingRun())) await tx.money.markBillingRun(kyivMonth(ctx.clock.now()), new Date(ctx.clock.now()).toISOString());
  });
  tick();
  await running;
  const t = setInterval(tick, checkEveryMs);
  t.unref?.();
  return { stop: () => clearInterval(t), idle: () => running };
}

export const nextMonthStart = (now: number) => startOfNextKyivMonth(now);
