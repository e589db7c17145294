// A subscriber's month is billed at the price in force for that month (issue 14): an
// operator may publish a new fee for a later month at any time, and the month start of that
// month — whoever starts it, the billing tick or an operator — first makes every tariff and
// service take the fee of its latest version whose month has come. Kept beside billing so
// that no path into the month start can skip it.
import type { AssaStore } from '../store/assa-store';
import { OperatorStore } from '../store/operator-store';

export async function applyPricesInForce(store: AssaStore, month: string): Promise<void> {
  const ops = new OperatorStore(store);
  for (const p of await ops.pricesInForce(month)) await ops.setCatalogueBase(p.kind, p.item_id, { monthly_fee_kopecks: p.monthly_fee_kopecks });
}
