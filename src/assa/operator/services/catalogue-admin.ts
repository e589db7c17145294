// The catalogue (issue 14): tariffs and services with fees, names and descriptions in
// uk/ru/en, what each includes (minutes, MB). Prices are versioned by month: a change
// for a month takes effect at that month's start, so a subscriber's month is billed at
// the price in force for it; the current month's price is never changed after its run.
import { kyivMonth } from '../../../shared/kyiv-time';
import { fail } from '../../http/errors';
import { applyPricesInForce } from '../../services/prices-in-force';
import type { CatalogueKind, Lang } from '../../store/operator-store';
import type { OperatorCaller } from '../operator-auth';
import type { OperatorDeps } from '../operator-deps';
import { isoNow } from '../operator-deps';

export interface CatalogueInput {
  id?: string;
  monthlyFee?: number;
  texts?: Partial<Record<Lang, { name: string; description: string }>>;
  includes?: { minutes: number; megabytes: number };
  /** "2027-03": the month from which monthlyFee applies (default: the next month). */
  validFrom?: string;
}

const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** The month a price change may take effect from: the next one, or any later month. */
export function priceMonthProblem(validFrom: string, now: number, billedMonths: Set<string>): string | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(validFrom)) return 'Give the month as YYYY-MM.';
  const current = kyivMonth(now);
  if (validFrom < current || (validFrom === current && billedMonths.has(current))) return `The price of ${validFrom} is already billed; a change takes effect from ${nextMonth(current)} or later.`;
  return null;
}

export async function createItem(d: OperatorDeps, who: OperatorCaller, ip: string, kind: CatalogueKind, b: CatalogueInput & { id: string; monthlyFee: number; texts: Partial<Record<Lang, { name: string; description: string }>> }) {
  if (!/^[a-z0-9][a-z0-9-]{1,63}$/.test(b.id)) throw fail(400, 'invalid_id', 'An id is 2-64 lower-case Latin letters, digits and dashes.', 'id');
  const missing = (['uk', 'ru', 'en'] as const).find((l) => !b.texts[l]?.name.trim());
  if (missing) throw fail(400, 'text_missing', `A new item needs its name in uk, ru and en (${missing} is missing).`, 'texts');
  if (await d.ops.catalogueItemExists(kind, b.id)) throw fail(409, 'item_exists', `There is already a ${kind} ${b.id}.`, 'id');
  await d.ops.transaction(async (tx) => {
    await tx.insertCatalogueItem(kind, { id: b.id, name: b.texts.en!.name, description: b.texts.en!.description, monthly_fee_kopecks: b.monthlyFee });
    await tx.setTexts(kind, b.id, b.texts);
    await tx.setIncludes(kind, b.id, b.includes ?? { minutes: 0, megabytes: 0 });
    await tx.addPriceVersion({ kind, item_id: b.id, valid_from: kyivMonth(d.ctx.clock.now()), monthly_fee_kopecks: b.monthlyFee, created_by: who.login, created_at: isoNow(d) });
    await tx.audit({ at: isoNow(d), operator: who.login, action: `catalogue.${kind}.create`, target: `${kind}:${b.id}`, details: { monthlyFee: b.monthlyFee, includes: b.includes ?? null }, ip });
  });
  return (await d.ops.catalogue(kind)).find((i) => i.id === b.id)!;
}

export async function updateItem(d: OperatorDeps, who: OperatorCaller, ip: string, kind: CatalogueKind, id: string, b: CatalogueInput) {
  if (!(await d.ops.catalogueItemExists(kind, id))) throw fail(404, 'unknown_item', `There is no ${kind} ${id}.`);
  let validFrom: string | null = null;
  if (b.monthlyFee !== undefined) {
    const billed = new Set((await d.ops.billingRuns()).map((r) => r.month));
    validFrom = b.validFrom ?? nextMonth(kyivMonth(d.ctx.clock.now()));
    const p = priceMonthProblem(validFrom, d.ctx.clock.now(), billed);
    if (p) throw fail(400, 'price_month_billed', p, 'validFrom');
  }
  await d.ops.transaction(async (tx) => {
    if (b.texts) {
      await tx.setTexts(kind, id, b.texts);
      if (b.texts.en) await tx.setCatalogueBase(kind, id, { name: b.texts.en.name, description: b.texts.en.description });
    }
    if (b.includes) await tx.setIncludes(kind, id, b.includes);
    if (validFrom !== null && b.monthlyFee !== undefined) {
      await tx.addPriceVersion({ kind, item_id: id, valid_from: validFrom, monthly_fee_kopecks: b.monthlyFee, created_by: who.login, created_at: isoNow(d) });
    }
    await tx.audit({ at: isoNow(d), operator: who.login, action: `catalogue.${kind}.update`, target: `${kind}:${id}`, details: { monthlyFee: b.monthlyFee ?? null, validFrom, includes: b.includes ?? null, texts: b.texts ? Object.keys(b.texts) : [] }, ip });
  });
  // A version for the current (not yet billed) month applies at once.
  await applyPricesInForce(d.ctx.store, kyivMonth(d.ctx.clock.now()));
  return (await d.ops.catalogue(kind)).find((i) => i.id === id)!;
}
