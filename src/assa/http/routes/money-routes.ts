// A-MON-1..3: movements with the running balance; top-ups by voucher and by card (a
// payment-gateway interface whose embedded default is a test gateway); transfers within
// the monthly limits. Every money-moving request honours an Idempotency-Key: a retry
// returns the first answer and moves nothing.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { kyivMidnight, kyivMonth, startOfNextKyivMonth } from '../../../shared/kyiv-time';
import { normaliseNumber } from '../../../shared/phone-number';
import { CARD_MAX, CARD_MIN, checkTransfer, TRANSFER_MONTH_MAX } from '../../domain/money-rules';
import { afterPayment } from '../../services/billing';
import { testGateway, type PaymentGateway } from '../../services/payment-gateway';
import type { MoneyStore } from '../../store/money-store';
import { requireSectionOpen, requireSubscriber, type Caller } from '../auth';
import type { AssaContext } from '../context';
import { fail, HttpError } from '../errors';
import { ErrorSchema } from './schemas';

const Money = Type.Integer({ minimum: 1, maximum: 10_000_000 });

/** Runs a money-moving handler once per (number, Idempotency-Key); replays the stored answer after. */
async function once<T>(ctx: AssaContext, money: MoneyStore, req: FastifyRequest, reply: FastifyReply, caller: Caller, route: string, fn: () => Promise<T> | T): Promise<T> {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || key.length < 8 || key.length > 100) throw fail(400, 'idempotency_key_required', 'Money-moving requests need an Idempotency-Key header (8-100 characters).');
  const seen = await money.idempotent(caller.self, key);
  if (seen) {
    reply.code(seen.status);
    // The stored first answer (an error body when the first try was refused).
    return seen.response as T;
  }
  try {
    const body = await fn();
    await money.rememberIdempotent(caller.self, key, route, 200, body, new Date(ctx.clock.now()).toISOString());
    return body;
  } catch (e) {
    // A refusal is an answer too: the retry gets the same refusal, not a second try.
    if (e instanceof HttpError) await money.rememberIdempotent(caller.self, key, route, e.status, { error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } }, new Date(ctx.clock.now()).toISOString());
    throw e;
  }
}

/** A-MON-3: who a top-up is for — the caller, or another subscriber of the network. */
function payeeOf(ctx: AssaContext) {
  return async (forNumber: string | undefined, self: string): Promise<string> => {
    if (!forNumber) return self;
    const n = normaliseNumber(forNumber);
    if (!n.ok || !(await ctx.store.subscriber(n.number))) throw fail(404, 'unknown_number', 'That number is not a subscriber of the network.', 'forNumber');
    return n.number;
  };
}

export const moneyRoutes =
  (ctx: AssaContext, money: MoneyStore, gateway: PaymentGateway = testGateway): FastifyPluginAsyncTypebox =>
  async (app) => {
    const now = () => new Date(ctx.clock.now()).toISOString();
    const payee = payeeOf(ctx);
    const credit = (number: string, kind: 'payment' | 'voucher', amount: number, description: string, ref: string) =>
      ctx.store.transaction(async (tx) => {
        const m = await tx.money.move(number, kind, amount, now(), description, ref);
        await afterPayment(ctx, tx, number);
        return m;
      });

    app.get(
      '/api/v1/money/movements',
      {
        schema: {
          summary: 'A-MON-1: movements of a period with the running balance',
          querystring: Type.Object({ from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }), number: Type.Optional(Type.String({ pattern: '^\\d{9}$' })) }),
          response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.Integer(), at: Type.String(), kind: Type.String(), amount: Type.Integer(), balanceAfter: Type.Integer(), description: Type.String() })), openingBalance: Type.Integer(), closingBalance: Type.Integer(), currency: Type.Literal('UAH') }), 401: ErrorSchema, 403: ErrorSchema },
        },
      },
      async (req) => {
        const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
        const from = new Date(req.query.from).toISOString();
        const to = new Date(req.query.to).toISOString();
        const items = await money.movements(c.number, from, to);
        const opening = await money.balanceBefore(c.number, from);
        return {
          items: items.map((m) => ({ id: m.id, at: m.at, kind: m.kind, amount: m.amount_kopecks, balanceAfter: m.balance_after_kopecks, description: m.description })),
          openingBalance: opening,
          closingBalance: items.length ? items[items.length - 1]!.balance_after_kopecks : opening,
          currency: 'UAH' as const,
        };
      },
    );

    app.post(
      '/api/v1/money/topups/voucher',
      { schema: { summary: 'A-MON-2: top up with a scratch card code', body: Type.Object({ code: Type.String({ maxLength: 32 }) }, { additionalProperties: false }), response: { 200: Type.Object({ amount: Type.Integer(), balance: Type.Integer(), currency: Type.Literal('UAH') }), 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 429: ErrorSchema } } },
      async (req, reply) => {
        const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
        await requireSectionOpen(ctx, c, 'payments');
        return once(ctx, money, req, reply, c, 'voucher', async () => {
          const t = ctx.clock.now();
          // Brute force: 5 wrong codes an hour per number, then wait.
          if ((await money.voucherFailures(c.number, t - 3600_000)) >= 5) throw fail(429, 'voucher_attempts', 'Too many wrong codes: try again in an hour.');
          const code = req.body.code.replace(/\D/g, '');
          const v = /^\d{14}$/.test(code) ? await money.voucher(code) : undefined;
          if (!v) {
            await money.recordVoucherFailure(c.number, t);
            throw fail(404, 'voucher_unknown', 'There is no scratch card with that code.', 'code');
          }
          if (v.used_by) throw fail(409, 'voucher_used', 'That scratch card has already been used.', 'code');
          const m = await ctx.store.transaction(async (tx) => {
            await tx.money.useVoucher(v.code_hash, c.number, now());
            const mv = await tx.money.move(c.number, 'voucher', v.amount_kopecks, now(), `Scratch card ${(v.amount_kopecks / 100).toFixed(0)} UAH`);
            await afterPayment(ctx, tx, c.number);
            return mv;
          });
          return { amount: v.amount_kopecks, balance: await money.balance(c.number) || m.balance_after_kopecks, currency: 'UAH' as const };
        });
      },
    );

    app.post(
      '/api/v1/money/topups/card',
      {
        schema: {
          summary: 'A-MON-2/3: top up by bank card, also for another number (test gateway embedded)',
          body: Type.Object({ cardNumber: Type.String({ pattern: '^\\d{12,19}$' }), expiry: Type.String({ pattern: '^(0[1-9]|1[0-2])/\\d{2}$' }), cvc: Type.String({ pattern: '^\\d{3,4}$' }), amount: Money, forNumber: Type.Optional(Type.String({ maxLength: 32 })) }, { additionalProperties: false }),
          response: { 200: Type.Object({ status: Type.String(), paymentId: Type.String(), amount: Type.Integer(), balance: Type.Optional(Type.Integer()), currency: Type.Literal('UAH') }), 400: ErrorSchema, 401: ErrorSchema, 402: ErrorSchema, 404: ErrorSchema },
        },
      },
      async (req, reply) => {
        const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
        await requireSectionOpen(ctx, c, 'payments');
        return once(ctx, money, req, reply, c, 'card', async () => {
          const b = req.body;
          if (b.amount < CARD_MIN || b.amount > CARD_MAX) throw fail(400, 'amount_out_of_range', 'A card payment is from 1.00 to 5000.00 UAH.', 'amount');
          const target = await payee(b.forNumber, c.number);
          const id = `pay_${ctx.rng.bytes(9).toString('hex')}`;
          const result = await gateway.charge({ cardNumber: b.cardNumber, expiry: b.expiry, cvc: b.cvc, amount: b.amount });
          await money.addCardPayment({ id, number: c.self, for_number: target, amount_kopecks: b.amount, status: result, created_at: now() });
          if (result === 'declined') throw fail(402, 'card_declined', 'The bank declined the card.', 'cardNumber');
          if (result === '3ds_required') return { status: '3ds_required', paymentId: id, amount: b.amount, currency: 'UAH' as const };
          await credit(target, 'payment', b.amount, `Card payment${target !== c.self ? ` from ${c.self}` : ''}`, id);
          return { status: 'approved', paymentId: id, amount: b.amount, balance: await money.balance(c.number), currency: 'UAH' as const };
        });
      },
    );

    app.post(
      '/api/v1/money/topups/card/:paymentId/confirm',
      { schema: { summary: 'A-MON-2: the 3-D Secure step', params: Type.Object({ paymentId: Type.String({ maxLength: 64 }) }), body: Type.Object({ code: Type.String({ maxLength: 12 }) }, { additionalProperties: false }), response: { 200: Type.Object({ status: Type.String(), paymentId: Type.String(), amount: Type.Integer(), balance: Type.Integer(), currency: Type.Literal('UAH') }), 401: ErrorSchema, 402: ErrorSchema, 404: ErrorSchema } } },
      async (req, reply) => {
        const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
        return once(ctx, money, req, reply, c, 'card-confirm', async () => {
          const p = await money.cardPayment(req.params.paymentId);
          if (!p || p.number !== c.self || p.status !== '3ds_required') throw fail(404, 'payment_unknown', 'No payment waits for confirmation under that id.');
          if (!(await gateway.confirm3ds(p.id, req.body.code))) {
            await money.setCardPaymentStatus(p.id, 'declined');
            throw fail(402, 'card_declined', 'The bank did not confirm the payment.', 'code');
          }
          await money.setCardPaymentStatus(p.id, 'approved');
          await credit(p.for_number, 'payment', p.amount_kopecks, 'Card payment (3-D Secure)', p.id);
          return { status: 'approved', paymentId: p.id, amount: p.amount_kopecks, balance: await money.balance(c.number), currency: 'UAH' as const };
        });
      },
    );

    app.post(
      '/api/v1/money/topups/ewallet',
      {
        schema: {
          summary: 'A-MON-2: top up from an e-wallet (test wallet embedded)',
          body: Type.Object({ wallet: Type.Union([Type.Literal('privat24'), Type.Literal('webmoney'), Type.Literal('easypay')]), account: Type.String({ minLength: 3, maxLength: 64 }), amount: Money, forNumber: Type.Optional(Type.String({ maxLength: 32 })) }, { additionalProperties: false }),
          response: { 200: Type.Object({ status: Type.String(), paymentId: Type.String(), amount: Type.Integer(), balance: Type.Integer(), currency: Type.Literal('UAH') }), 400: ErrorSchema, 401: ErrorSchema, 402: ErrorSchema, 404: ErrorSchema },
        },
      },
      async (req, reply) => {
        const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
        await requireSectionOpen(ctx, c, 'payments');
        return once(ctx, money, req, reply, c, 'ewallet', async () => {
          const b = req.body;
          if (b.amount < CARD_MIN || b.amount > CARD_MAX) throw fail(400, 'amount_out_of_range', 'A payment is from 1.00 to 5000.00 UAH.', 'amount');
          const target = await payee(b.forNumber, c.number);
          if ((await gateway.chargeWallet({ wallet: b.wallet, account: b.account, amount: b.amount })) !== 'approved') throw fail(402, 'wallet_declined', 'The e-wallet declined the payment.', 'account');
          const id = `ew_${ctx.rng.bytes(9).toString('hex')}`;
          await credit(target, 'payment', b.amount, `E-wallet ${b.wallet}`, id);
          return { status: 'approved', paymentId: id, amount: b.amount, balance: await money.balance(c.number), currency: 'UAH' as const };
        });
      },
    );

    app.post(
      '/api/v1/money/transfers',
      { schema: { summary: 'A-MON-3/A-UTL: transfer money to another subscriber within the monthly limits', body: Type.Object({ to: Type.String({ maxLength: 32 }), amount: Money }, { additionalProperties: false }), response: { 200: Type.Object({ transferId: Type.String(), balance: Type.Integer(), monthTotal: Type.Integer(), monthLimit: Type.Integer(), currency: Type.Literal('UAH') }), 400: ErrorSchema, 401: ErrorSchema, 402: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema } } },
      async (req, reply) => {
        // Money never leaves a number at a curator's word (A-SEC-7, A-GRP-1 give services and tariffs, not transfers).
        const c = await requireSubscriber(ctx, req);
        await requireSectionOpen(ctx, c, 'transfer');
        return once(ctx, money, req, reply, c, 'transfer', async () => {
          const n = normaliseNumber(req.body.to);
          const to = n.ok ? await ctx.store.subscriber(n.number) : undefined;
          if (!n.ok || !to || to.status !== 'active') throw fail(404, 'unknown_number', 'Transfers go to an active number of the network.', 'to');
          if (n.number === c.number) throw fail(400, 'transfer_to_self', 'That is your own number.', 'to');
          const t = ctx.clock.now();
          const from = kyivMidnight(`${kyivMonth(t)}-01`).toISOString();
          const until = startOfNextKyivMonth(t).toISOString();
          return ctx.store.transaction(async (tx) => {
            const total = await tx.money.monthTotal(c.number, 'transfer_out', from, until);
            const check = checkTransfer(req.body.amount, total);
            if (!check.ok) throw fail(400, check.code, check.message, 'amount');
            if ((await tx.money.balance(c.number)) < req.body.amount) throw fail(402, 'insufficient_funds', 'The balance does not cover this transfer.', 'amount');
            const id = `tr_${ctx.rng.bytes(9).toString('hex')}`;
            const at = now();
            await tx.money.move(c.number, 'transfer_out', -req.body.amount, at, `Transfer to ${n.number}`, id);
            await tx.money.move(n.number, 'transfer_in', req.body.amount, at, `Transfer from ${c.number}`, id);
            await afterPayment(ctx, tx, n.number);
            return { transferId: id, balance: await tx.money.balance(c.number), monthTotal: total + req.body.amount, monthLimit: TRANSFER_MONTH_MAX, currency: 'UAH' as const };
          });
        });
      },
    );
  };
