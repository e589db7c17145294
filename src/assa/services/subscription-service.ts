// A-SVC-2: paid services are monthly subscriptions. Switching one on takes this month's
// fee once (a row per number, service and Kyiv month), so switching off and on again in
// the same month never charges twice; the month start takes the next months' fees
// (billing.ts) and suspends a service whose fee is not covered until a payment covers it.
import { kyivMonth } from '../../shared/kyiv-time';
import type { AssaContext } from '../context';
import { MoneyStore } from '../store/money-store';
import { ok, refusal, type MoneyAnswer } from './money-answer';

export interface ServiceView {
  id: string;
  name: string;
  description: string;
  monthlyFee: number;
  enabled: boolean;
  suspended: boolean;
  paidThisMonth: boolean;
  addsMegabytes: number;
  requiresTerms: boolean;
  terms: string;
}

export async function serviceList(ctx: AssaContext, db: AssaContext['store']['db'], number: string): Promise<ServiceView[]> {
  const month = kyivMonth(ctx.clock.now());
  const rows = await db
    .selectFrom('services as s')
    .leftJoin('subscriber_services as ss', (j) => j.onRef('ss.service_id', '=', 's.id').on('ss.number', '=', number))
    .leftJoin('service_charges as sc', (j) => j.onRef('sc.service_id', '=', 's.id').on('sc.number', '=', number).on('sc.month', '=', month))
    .select(['s.id', 's.name', 's.description', 's.monthly_fee_kopecks', 's.requires_terms', 's.terms', 's.adds_megabytes', 'ss.service_id as on', 'ss.suspended', 'sc.month as paid'])
    .orderBy('s.monthly_fee_kopecks')
    .orderBy('s.id')
    .execute();
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    monthlyFee: s.monthly_fee_kopecks,
    enabled: s.on !== null,
    suspended: s.on !== null && s.suspended === 1,
    paidThisMonth: s.paid !== null,
    addsMegabytes: s.adds_megabytes,
    requiresTerms: s.requires_terms === 1,
    terms: s.terms,
  }));
}

/** Is a service on and working (not suspended for an unpaid fee) for this number? */
export async function serviceActive(db: AssaContext['store']['db'], number: string, serviceId: string): Promise<boolean> {
  const r = await db.selectFrom('subscriber_services').select('suspended').where('number', '=', number).where('service_id', '=', serviceId).executeTakeFirst();
  return !!r && r.suspended === 0;
}

export async function switchService(ctx: AssaContext, r: { number: string; serviceId: string; enabled: boolean; acceptTerms?: boolean }): Promise<MoneyAnswer> {
  const now = ctx.clock.now();
  const at = new Date(now).toISOString();
  const month = kyivMonth(now);
  return ctx.store.transaction(async (tx) => {
    const s = (await serviceList(ctx, tx.db, r.number)).find((x) => x.id === r.serviceId);
    if (!s) return refusal(404, 'unknown_service', 'There is no such service.');
    if (r.enabled && !s.enabled) {
      if (s.requiresTerms && r.acceptTerms !== true) return refusal(400, 'terms_not_accepted', `Accept the terms of "${s.name}" to switch it on.`, 'acceptTerms');
      if (s.monthlyFee > 0 && !s.paidThisMonth) {
        const money = new MoneyStore(tx.db);
        if ((await money.balance(r.number)) < s.monthlyFee) return refusal(402, 'insufficient_funds', `The balance does not cover the fee of "${s.name}".`, undefined, { missing: s.monthlyFee - (await money.balance(r.number)) });
        await money.move(r.number, 'service_fee', -s.monthlyFee, at, `${s.name}: monthly fee ${month}`, `svc:${s.id}:${month}`);
        await tx.db.insertInto('service_charges').values({ number: r.number, service_id: s.id, month, amount_kopecks: s.monthlyFee, charged_at: at }).execute();
      }
      await tx.db.insertInto('subscriber_services').values({ number: r.number, service_id: s.id, enabled_at: at, suspended: 0 }).execute();
    } else if (!r.enabled && s.enabled) {
      await tx.db.deleteFrom('subscriber_services').where('number', '=', r.number).where('service_id', '=', s.id).execute();
    }
    return ok((await serviceList(ctx, tx.db, r.number)).find((x) => x.id === s.id)! as unknown as Record<string, unknown>);
  });
}
