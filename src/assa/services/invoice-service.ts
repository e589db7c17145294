// A-MON-4: what a month's tax invoice lists — the charges (fees, service fees, switching
// costs) of a Kyiv calendar month, each dated by its Kyiv day (a fee taken at 00:05 on
// 1 February in Kyiv is 22:05 UTC on 31 January: the invoice says 2027-02-01), the total
// and the 20% VAT included in it.
import { kyivDay, kyivMidnight, startOfNextKyivMonth } from '../../shared/kyiv-time';
import type { AssaContext } from '../context';
import { MoneyStore } from '../store/money-store';

const CHARGES = new Set(['fee', 'service_fee', 'tariff_change']);

export interface Invoice {
  number: string;
  ownerName: string;
  accountNumber: string;
  month: string;
  lines: Array<{ day: string; description: string; amount: number }>;
  total: number;
  vat: number;
}

export async function monthInvoice(ctx: AssaContext, number: string, month: string): Promise<Invoice> {
  const sub = (await ctx.store.subscriber(number))!;
  const from = kyivMidnight(`${month}-01`);
  const moves = await new MoneyStore(ctx.store.db).movements(number, from.toISOString(), startOfNextKyivMonth(from).toISOString());
  const lines = moves.filter((m) => CHARGES.has(m.kind)).map((m) => ({ day: kyivDay(Date.parse(m.at)), description: m.description, amount: -m.amount_kopecks }));
  const total = lines.reduce((s, l) => s + l.amount, 0);
  return { number, ownerName: sub.owner_name, accountNumber: sub.account_number, month, lines, total, vat: Math.round(total / 6) };
}
