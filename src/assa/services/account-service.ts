// A-DATA-1: the account by number as its owner (or a curator acting for it) sees it: the
// balance and plan, the fee forecast, tenure and loyalty level, enabled services and what
// is left of this month's packages. The busiest authenticated read, so the subscriber, plan,
// login account, enabled services and the month's package use come in one statement
// (AssaStore.accountView).
import { feeForecast } from '../../shared/fee-forecast';
import { kyivMonthOf } from '../../shared/kyiv-time';
import type { AssaContext } from '../context';
import { fail } from '../domain/errors';
import { packagesLeft } from './package-service';

/** Loyalty by whole months connected: 12 for silver, 36 for gold. */
export const loyaltyLevel = (months: number) => (months >= 36 ? 'gold' : months >= 12 ? 'silver' : 'bronze');

/** Whole months from `connectedAt` to `now` (a month being 30.44 days), never negative. */
export const tenureMonths = (connectedAt: string, now: number) => Math.max(0, Math.floor((now - Date.parse(connectedAt)) / (30.44 * 86_400_000)));

export async function accountSummary(ctx: AssaContext, number: string, actingAs: string) {
  const now = ctx.clock.now();
  const v = await ctx.store.accountView(number, kyivMonthOf(now));
  if (!v) throw fail(404, 'unknown_number', 'No such subscriber.');
  const tenure = tenureMonths(v.connected_at, now);
  const packages = packagesLeft(v, v.used);
  const f = feeForecast(v.balance_kopecks, v.monthly_fee_kopecks, now);
  return {
    number: v.number,
    accountNumber: v.account_number,
    ownerName: v.owner_name,
    status: v.status,
    balance: v.balance_kopecks,
    currency: 'UAH' as const,
    tariff: { id: v.tariff_id, name: v.tariff_name, monthlyFee: v.monthly_fee_kopecks },
    email: v.email ?? null,
    connectedAt: v.connected_at,
    registeredAt: v.registered_at ?? null,
    actingAs,
    forecast: { nextFeeDate: f.nextFeeDay, feeKopecks: v.monthly_fee_kopecks, shortKopecks: f.shortKopecks, daysToFee: f.daysToFee },
    services: v.services,
    tenureMonths: tenure,
    loyaltyLevel: loyaltyLevel(tenure),
    bonusKopecks: v.bonus_kopecks ?? 0,
    packages,
  };
}
