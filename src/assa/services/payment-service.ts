// A-MON-2/3 card and e-wallet top-ups as a state machine with an outbox:
//   pending ──gateway──▶ approved (+ the ledger credit, one transaction) | declined
//      └────────────────▶ 3ds_required ──code──▶ approved | declined (3 tries)
// The intent (key, amount, payer, beneficiary) is committed before the gateway is called,
// and the gateway gets our payment id as its idempotency key, so whatever dies in between
// (the server, the connection) a retry with the same Idempotency-Key, or the reconciler,
// finishes the same payment and never charges or credits twice.
import { kyivMonthBounds } from '../../shared/kyiv-time';
import { normaliseNumber } from '../../shared/phone-number';
import { CARD_MAX, CARD_MIN, checkForOthers } from '../domain/money-rules';
import type { AssaContext } from '../context';
import { GatewayUnavailable, type GatewayOutcome, type PaymentGateway, type PaymentSource } from '../payments/gateway';
import { MoneyStore } from '../store/money-store';
import { PaymentsStore, type PaymentRow } from '../store/payments-store';
import { afterPayment } from './billing';
import { ok, refusal, type MoneyAnswer } from './money-answer';

const DECLINES: Record<string, [string, string]> = {
  card_declined: ['card_declined', 'The bank declined the card.'],
  card_expired: ['card_expired', 'The card has expired.'],
  wallet_declined: ['wallet_declined', 'The e-wallet declined the payment.'],
  '3ds_failed': ['3ds_failed', 'The 3-D Secure code was wrong three times: the payment is cancelled and nothing was charged.'],
  '3ds_expired': ['3ds_expired', 'The 3-D Secure confirmation was not given in time: the payment is cancelled and nothing was charged.'],
  not_sent: ['payment_not_sent', 'The payment never reached the bank: nothing was charged.'],
};

/** The answer a payment's row gives, whoever asks and however often. */
export async function paymentAnswer(ctx: AssaContext, p: PaymentRow, balanceOf: string): Promise<MoneyAnswer> {
  const money = new MoneyStore(ctx.store.db);
  const base = { paymentId: p.id, amount: p.amount_kopecks, currency: 'UAH' };
  switch (p.status) {
    case 'approved':
      return ok({ status: 'approved', ...base, balance: await money.balance(balanceOf) });
    case '3ds_required':
      return ok({ status: '3ds_required', ...base, triesLeft: p.tries_left });
    case 'pending':
      return ok({ status: 'pending', ...base }, 202);
    default: {
      const [code, message] = DECLINES[p.reason ?? ''] ?? DECLINES.card_declined!;
      return refusal(402, code, message, p.method === 'wallet' ? 'account' : 'cardNumber', { paymentId: p.id });
    }
  }
}

/** The gateway's signed callback names a payment by our id: false when no such payment exists. */
export async function settleFromCallback(ctx: AssaContext, paymentId: string, o: GatewayOutcome): Promise<boolean> {
  if (!(await new PaymentsStore(ctx.store.db).byId(paymentId))) return false;
  await settlePayment(ctx, paymentId, o, 'callback');
  return true;
}

/**
 * The gateway's word on a payment, written once: the status and, when approved, the
 * credit to the beneficiary and the re-check of a block, in one transaction. A payment
 * already settled is left as it is (the reconciler, a callback and a retry may race).
 */
export async function settlePayment(ctx: AssaContext, id: string, o: GatewayOutcome, by: 'request' | 'reconciler' | 'callback'): Promise<PaymentRow> {
  return ctx.store.transaction(async (tx) => {
    const payments = new PaymentsStore(tx.db);
    const p = (await payments.byId(id))!;
    if (o.status === 'unknown' || (p.status !== 'pending' && p.status !== '3ds_required')) return p;
    const at = new Date(ctx.clock.now()).toISOString();
    if (o.status === '3ds_required') await payments.settle(id, '3ds_required', { triesLeft: o.triesLeft, at, by });
    else if (o.status === 'declined') await payments.settle(id, 'declined', { reason: o.reason, at, by });
    else if (await payments.settle(id, 'approved', { at, by })) {
      await new MoneyStore(tx.db).move(p.beneficiary, 'payment', p.amount_kopecks, at, p.description, p.id);
      await afterPayment(ctx, tx, p.beneficiary);
    }
    return (await payments.byId(id))!;
  });
}

export interface TopupRequest {
  /** Who pays (the logged-in subscriber) and for whom the caller acts. */
  payer: string;
  acting: string;
  idemKey: string;
  method: 'card' | 'wallet';
  source: PaymentSource;
  amount: number;
  forNumber?: string;
}

export async function topUp(ctx: AssaContext, gateway: PaymentGateway, r: TopupRequest): Promise<MoneyAnswer> {
  const route = r.method === 'card' ? 'card' : 'ewallet';
  const money = new MoneyStore(ctx.store.db);
  const refused = await money.idempotent(r.payer, r.idemKey);
  if (refused) return { status: refused.status, body: refused.response as Record<string, unknown> };
  let p = await new PaymentsStore(ctx.store.db).byKey(r.payer, r.idemKey);
  if (!p) {
    const opened = await openPayment(ctx, gateway, r);
    if ('status' in opened) {
      // A refusal is an answer too: the retry gets the same refusal, not a second try.
      await money.rememberIdempotent(r.payer, r.idemKey, route, opened.status, opened.body, new Date(ctx.clock.now()).toISOString());
      return opened;
    }
    p = opened.payment;
  }
  if (p.status === 'pending') p = await drive(ctx, gateway, p, r.source);
  return paymentAnswer(ctx, p, r.acting);
}

async function openPayment(ctx: AssaContext, gateway: PaymentGateway, r: TopupRequest): Promise<MoneyAnswer | { payment: PaymentRow }> {
  if (r.amount < CARD_MIN || r.amount > CARD_MAX) return refusal(400, 'amount_out_of_range', 'A payment is from 1.00 to 5000.00 UAH.', 'amount');
  let beneficiary = r.acting;
  if (r.forNumber) {
    const n = normaliseNumber(r.forNumber);
    if (!n.ok || !(await ctx.store.subscriber(n.number))) return refusal(404, 'unknown_number', 'That number is not a subscriber of the network.', 'forNumber');
    beneficiary = n.number;
  }
  const now = ctx.clock.now();
  const at = new Date(now).toISOString();
  return ctx.store.transaction(async (tx) => {
    const payments = new PaymentsStore(tx.db);
    // Inside the write transaction: two requests of one payer cannot both pass the limit.
    const again = await payments.byKey(r.payer, r.idemKey);
    if (again) return { payment: again };
    if (beneficiary !== r.payer) {
      const [from, to] = kyivMonthBounds(now);
      const check = checkForOthers(r.amount, await payments.forOthersTotal(r.payer, from, to));
      if (!check.ok) return refusal(400, check.code, check.message, 'amount', { leftThisMonth: check.leftThisMonth });
    }
    const id = `pay_${ctx.rng.bytes(9).toString('hex')}`;
    const what = r.method === 'card' ? 'Card payment' : `E-wallet ${r.source.kind === 'wallet' ? r.source.wallet : ''}`.trim();
    const description = beneficiary !== r.payer ? `${what} from ${r.payer}` : what;
    await payments.insert({ id, payer: r.payer, idem_key: r.idemKey, method: r.method, beneficiary, amount_kopecks: r.amount, status: 'pending', gateway: gateway.name, description, created_at: at, updated_at: at });
    return { payment: (await payments.byId(id))! };
  });
}

/** Asks the gateway (idempotently, by our id) and writes its answer; an unreachable gateway leaves the payment pending. */
async function drive(ctx: AssaContext, gateway: PaymentGateway, p: PaymentRow, source: PaymentSource): Promise<PaymentRow> {
  let o: GatewayOutcome;
  ctx.crashAt?.('payment:before-gateway');
  try {
    o = await gateway.charge({ key: p.id, amount: p.amount_kopecks, description: p.description, source });
  } catch (e) {
    if (e instanceof GatewayUnavailable) return p;
    throw e;
  }
  ctx.crashAt?.('payment:after-gateway');
  const settled = await settlePayment(ctx, p.id, o, 'request');
  ctx.crashAt?.('payment:after-ledger');
  return settled;
}

/** The 3-D Secure step. One wrong code leaves the payment waiting (3 tries); a settled payment answers its outcome. */
export async function confirm3ds(ctx: AssaContext, gateway: PaymentGateway, r: { payer: string; acting: string; paymentId: string; code: string; idemKey: string }): Promise<MoneyAnswer> {
  const money = new MoneyStore(ctx.store.db);
  let p = await new PaymentsStore(ctx.store.db).byId(r.paymentId);
  if (!p || p.payer !== r.payer || p.method !== 'card') return refusal(404, 'payment_unknown', 'No card payment of yours has that id.');
  if (p.status === 'approved' || p.status === 'declined') return paymentAnswer(ctx, p, r.acting);
  // The same wrong code sent again under the same key is one try, not two.
  const seen = await money.idempotent(r.payer, r.idemKey);
  if (seen) return { status: seen.status, body: seen.response as Record<string, unknown> };
  let o: GatewayOutcome;
  try {
    o = p.status === 'pending' ? await gateway.status(p.id) : await gateway.confirm3ds(p.id, r.code);
  } catch (e) {
    if (e instanceof GatewayUnavailable) return paymentAnswer(ctx, p, r.acting);
    throw e;
  }
  const before = p.tries_left;
  ctx.crashAt?.('payment:after-gateway');
  p = await settlePayment(ctx, p.id, o, 'request');
  ctx.crashAt?.('payment:after-ledger');
  if (p.status === '3ds_required' && o.status === '3ds_required' && o.triesLeft < before) {
    const a = refusal(402, '3ds_code_wrong', `The 3-D Secure code is wrong; ${p.tries_left} ${p.tries_left === 1 ? 'try is' : 'tries are'} left.`, 'code', { paymentId: p.id, triesLeft: p.tries_left });
    await money.rememberIdempotent(r.payer, r.idemKey, 'card-confirm', a.status, a.body, new Date(ctx.clock.now()).toISOString());
    return a;
  }
  return paymentAnswer(ctx, p, r.acting);
}
