// A-TAR-1/2: the plans with their conditions and switching cost, and a change of plan: it
// applies from the 1st of next month, at most once in 30 days (domain/money-rules.ts), and
// can be cancelled until then. A change that is due but not covered waits for money and says
// how much is missing.
import type { AssaContext } from '../context';
import { tariffChangeDate } from '../domain/money-rules';
import { fail } from '../domain/errors';
import type { MoneyStore } from '../store/money-store';

const uah = (k: number) => (k / 100).toFixed(2);

/** The change waiting for `number`, or null. */
async function pendingChange(ctx: AssaContext, number: string) {
  const p = await ctx.store.db.selectFrom('tariff_changes').select(['tariff_id', 'effective_from', 'missing_kopecks']).where('number', '=', number).executeTakeFirst();
  if (!p) return null;
  const t = await ctx.store.tariff(p.tariff_id);
  const cost = t?.switch_cost_kopecks ?? 0;
  const waiting =
    p.missing_kopecks === null
      ? null
      : { missingKopecks: p.missing_kopecks, reason: `The change waits for money: switching costs ${uah(cost)} UAH and the new plan's fee ${uah(t?.monthly_fee_kopecks ?? 0)} UAH are taken together; ${uah(p.missing_kopecks)} UAH is missing. It takes effect with the payment that covers it.` };
  return { tariffId: p.tariff_id, name: t?.name ?? p.tariff_id, effectiveFrom: p.effective_from, switchCost: cost, waiting };
}

/** The current plan, a pending change, when the last change was asked for, and every plan. */
export async function tariffOverview(ctx: AssaContext, money: MoneyStore, number: string) {
  const sub = (await ctx.store.subscriber(number))!;
  const cur = (await ctx.store.tariff(sub.tariff_id))!;
  return {
    current: { id: cur.id, name: cur.name, monthlyFee: cur.monthly_fee_kopecks, description: cur.description },
    pending: await pendingChange(ctx, number),
    lastChangeAt: await money.lastChangeRequest(number),
    plans: (await money.tariffs()).map((t) => ({ id: t.id, name: t.name, monthlyFee: t.monthly_fee_kopecks, description: t.description, switchCost: t.switch_cost_kopecks })),
  };
}

/** Asks for a change to `tariffId` from the 1st of next month; answers the change now pending. */
export async function askForTariffChange(ctx: AssaContext, money: MoneyStore, number: string, tariffId: string) {
  const t = await ctx.store.tariff(tariffId);
  if (!t) throw fail(404, 'unknown_tariff', 'There is no such tariff plan.', 'tariffId');
  if (t.id === (await ctx.store.subscriber(number))!.tariff_id) throw fail(400, 'same_tariff', 'That is already your plan.', 'tariffId');
  const now = ctx.clock.now();
  const last = await money.lastChangeRequest(number);
  const d = tariffChangeDate(now, last ? Date.parse(last) : null);
  if (!d.ok) throw fail(409, 'tariff_change_too_soon', `The plan can be changed once in 30 days; the next change can be asked for from ${d.nextAllowed}.`, 'tariffId');
  await money.requestChange(number, t.id, new Date(now).toISOString(), d.effectiveFrom);
  return pendingChange(ctx, number);
}

/** Cancels the pending change. */
export async function cancelTariffChange(money: MoneyStore, number: string): Promise<{ ok: true }> {
  if (!(await money.cancelChange(number))) throw fail(404, 'no_pending_change', 'No tariff change is waiting.');
  return { ok: true };
}
