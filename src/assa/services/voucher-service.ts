// A-MON-2/3 scratch cards, also for another number: the code is spent, the credit written,
// the payment recorded for the A-MON-3 tally and the answer remembered under the
// Idempotency-Key — all in one transaction, so a crash leaves either all of it or none.
import { kyivMonthBounds } from '../../shared/kyiv-time';
import { normaliseNumber } from '../../shared/phone-number';
import { checkForOthers } from '../domain/money-rules';
import type { AssaContext } from '../context';
import { MoneyStore } from '../store/money-store';
import { PaymentsStore } from '../store/payments-store';
import { afterPayment } from './billing';
import { ok, refusal, type MoneyAnswer } from './money-answer';

export const VOUCHER_WRONG_PER_HOUR = 5;

export async function topUpByVoucher(ctx: AssaContext, r: { payer: string; acting: string; idemKey: string; code: string; forNumber?: string }): Promise<MoneyAnswer> {
  const now = ctx.clock.now();
  const at = new Date(now).toISOString();
  return ctx.store.transaction(async (tx) => {
    const money = new MoneyStore(tx.db);
    const seen = await money.idempotent(r.payer, r.idemKey);
    if (seen) return { status: seen.status, body: seen.response as Record<string, unknown> };
    const answer = await (async (): Promise<MoneyAnswer> => {
      // Brute force: 5 wrong codes an hour per number, then wait.
      if ((await money.voucherFailures(r.acting, now - 3600_000)) >= VOUCHER_WRONG_PER_HOUR) return refusal(429, 'voucher_attempts', 'Too many wrong codes: try again in an hour.');
      let beneficiary = r.acting;
      if (r.forNumber) {
        const n = normaliseNumber(r.forNumber);
        if (!n.ok || !(await tx.subscriber(n.number))) return refusal(404, 'unknown_number', 'That number is not a subscriber of the network.', 'forNumber');
        beneficiary = n.number;
      }
      const code = r.code.replace(/\D/g, '');
      const v = /^\d{14}$/.test(code) ? await money.voucher(code) : undefined;
      if (!v) {
        await money.recordVoucherFailure(r.acting, now);
        return refusal(404, 'voucher_unknown', 'There is no scratch card with that code.', 'code');
      }
      if (v.used_by) return refusal(409, 'voucher_used', 'That scratch card has already been used.', 'code');
      const payments = new PaymentsStore(tx.db);
      if (beneficiary !== r.payer) {
        const [from, to] = kyivMonthBounds(now);
        const check = checkForOthers(v.amount_kopecks, await payments.forOthersTotal(r.payer, from, to));
        if (!check.ok) return refusal(400, check.code, check.message, 'code', { leftThisMonth: check.leftThisMonth });
      }
      const id = `vch_${ctx.rng.bytes(9).toString('hex')}`;
      await money.useVoucher(v.code_hash, beneficiary, at);
      const description = `Scratch card ${(v.amount_kopecks / 100).toFixed(0)} UAH${beneficiary !== r.payer ? ` from ${r.payer}` : ''}`;
      await payments.insert({ id, payer: r.payer, idem_key: r.idemKey, method: 'voucher', beneficiary, amount_kopecks: v.amount_kopecks, status: 'approved', gateway: 'voucher', description, created_at: at, updated_at: at, settled_at: at, settled_by: 'request' });
      await money.move(beneficiary, 'voucher', v.amount_kopecks, at, description, id);
      await afterPayment(ctx, tx, beneficiary);
      return ok({ amount: v.amount_kopecks, paymentId: id, forNumber: beneficiary, balance: await money.balance(r.acting), currency: 'UAH' });
    })();
    await money.rememberIdempotent(r.payer, r.idemKey, 'voucher', answer.status, answer.body, at);
    return answer;
  });
}
