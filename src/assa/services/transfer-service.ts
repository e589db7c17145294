// A-MON-3 / A-UTL-5: a transfer to another subscriber — both movements, the A-MON-3 tally
// and the remembered answer in one transaction. The limits are the same tally as card,
// e-wallet and scratch-card payments for other numbers.
import { normaliseNumber } from '../../shared/phone-number';
import { checkTransfer, FOR_OTHERS_MONTH_MAX } from '../domain/money-rules';
import type { AssaContext } from '../context';
import { MoneyStore } from '../store/money-store';
import { PaymentsStore } from '../store/payments-store';
import { afterPayment } from './billing';
import { ok, refusal, type MoneyAnswer } from './money-answer';
import { kyivMonthBounds } from '../../shared/kyiv-time';

export async function transfer(ctx: AssaContext, r: { payer: string; idemKey: string; to: string; amount: number }): Promise<MoneyAnswer> {
  const now = ctx.clock.now();
  const at = new Date(now).toISOString();
  return ctx.store.transaction(async (tx) => {
    const money = new MoneyStore(tx.db);
    const seen = await money.idempotent(r.payer, r.idemKey);
    if (seen) return { status: seen.status, body: seen.response as Record<string, unknown> };
    const answer = await (async (): Promise<MoneyAnswer> => {
      const n = normaliseNumber(r.to);
      const to = n.ok ? await tx.subscriber(n.number) : undefined;
      if (!n.ok || !to || to.status !== 'active') return refusal(404, 'unknown_number', 'Transfers go to an active number of the network.', 'to');
      if (n.number === r.payer) return refusal(400, 'transfer_to_self', 'That is your own number.', 'to');
      const payments = new PaymentsStore(tx.db);
      const [from, until] = kyivMonthBounds(now);
      const total = await payments.forOthersTotal(r.payer, from, until);
      const check = checkTransfer(r.amount, total);
      if (!check.ok) return refusal(400, check.code, check.message, 'amount', { leftThisMonth: check.leftThisMonth });
      if ((await money.balance(r.payer)) < r.amount) return refusal(402, 'insufficient_funds', 'The balance does not cover this transfer.', 'amount');
      const id = `tr_${ctx.rng.bytes(9).toString('hex')}`;
      await payments.insert({ id, payer: r.payer, idem_key: r.idemKey, method: 'transfer', beneficiary: n.number, amount_kopecks: r.amount, status: 'approved', gateway: 'ledger', description: `Transfer to ${n.number}`, created_at: at, updated_at: at, settled_at: at, settled_by: 'request' });
      await money.move(r.payer, 'transfer_out', -r.amount, at, `Transfer to ${n.number}`, id);
      await money.move(n.number, 'transfer_in', r.amount, at, `Transfer from ${r.payer}`, id);
      await afterPayment(ctx, tx, n.number);
      return ok({ transferId: id, balance: await money.balance(r.payer), monthTotal: total + r.amount, monthLimit: FOR_OTHERS_MONTH_MAX, currency: 'UAH' });
    })();
    await money.rememberIdempotent(r.payer, r.idemKey, 'transfer', answer.status, answer.body, at);
    return answer;
  });
}
