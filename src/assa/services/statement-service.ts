// A-MON-1: the movements of a period with the running balance, and the balances the
// period opens and closes with (what the account had before its first movement, and
// after its last).
import type { AssaContext } from '../context';
import { MoneyStore } from '../store/money-store';

export interface Statement {
  items: Array<{ id: number; at: string; kind: string; amount: number; balanceAfter: number; description: string }>;
  openingBalance: number;
  closingBalance: number;
  currency: 'UAH';
}

/** `from` and `to` are ISO instants (UTC); the period is [from, to). */
export async function statement(ctx: AssaContext, number: string, from: string, to: string): Promise<Statement> {
  const money = new MoneyStore(ctx.store.db);
  const items = await money.movements(number, from, to);
  const opening = await money.balanceBefore(number, from);
  return {
    items: items.map((m) => ({ id: m.id, at: m.at, kind: m.kind, amount: m.amount_kopecks, balanceAfter: m.balance_after_kopecks, description: m.description })),
    openingBalance: opening,
    closingBalance: items.length ? items[items.length - 1]!.balance_after_kopecks : opening,
    currency: 'UAH',
  };
}
