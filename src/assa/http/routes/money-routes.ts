// A-MON-1..3 routes, thin: parse, authorise, call the use case (services/), answer what it
// answered. Money-moving requests carry an Idempotency-Key; the use cases keep the answer.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { LiqpayGateway } from '../../payments/liqpay-gateway';
import type { PaymentGateway } from '../../payments/gateway';
import { confirm3ds, settleFromCallback, topUp } from '../../services/payment-service';
import { statement } from '../../services/statement-service';
import { transfer } from '../../services/transfer-service';
import { topUpByVoucher } from '../../services/voucher-service';
import { requireSectionOpen, requireSubscriber } from '../auth';
import type { AssaContext } from '../context';
import { sendMoneyAnswer } from '../money-answer-reply';
import { fail } from '../errors';
import { ErrorSchema } from './schemas';

const Money = Type.Integer({ minimum: 1, maximum: 10_000_000 });
const Payment = Type.Object({ status: Type.String(), paymentId: Type.String(), amount: Type.Integer(), balance: Type.Optional(Type.Integer()), triesLeft: Type.Optional(Type.Integer()), currency: Type.Literal('UAH') });
const PaymentResponses = { 200: Payment, 202: Payment, 400: ErrorSchema, 401: ErrorSchema, 402: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 503: ErrorSchema };

function idemKey(req: FastifyRequest): string {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || key.length < 8 || key.length > 100) throw fail(400, 'idempotency_key_required', 'Money-moving requests need an Idempotency-Key header (8-100 characters).');
  return key;
}

export const moneyRoutes =
  (ctx: AssaContext, gateway: PaymentGateway | null): FastifyPluginAsyncTypebox =>
  async (app) => {
    const needGateway = (): PaymentGateway => {
      if (!gateway) throw fail(503, 'payment_gateway_not_configured', 'Card and e-wallet payments are not configured on this server (see --gateway).');
      return gateway;
    };

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
        return statement(ctx, c.number, new Date(req.query.from).toISOString(), new Date(req.query.to).toISOString());
      },
    );

    app.post(
      '/api/v1/money/topups/voucher',
      { schema: { summary: 'A-MON-2/3: top up with a scratch card code, also for another number', body: Type.Object({ code: Type.String({ maxLength: 32 }), forNumber: Type.Optional(Type.String({ maxLength: 32 })) }, { additionalProperties: false }), response: { 200: Type.Object({ amount: Type.Integer(), paymentId: Type.String(), forNumber: Type.String(), balance: Type.Integer(), currency: Type.Literal('UAH') }), 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 429: ErrorSchema } } },
      async (req, reply) => {
        const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
        await requireSectionOpen(ctx, c, 'payments');
        return sendMoneyAnswer(reply, await topUpByVoucher(ctx, { payer: c.self, acting: c.number, idemKey: idemKey(req), code: req.body.code, ...(req.body.forNumber ? { forNumber: req.body.forNumber } : {}) }));
      },
    );

    app.post(
      '/api/v1/money/topups/card',
      {
        schema: {
          summary: 'A-MON-2/3: top up by bank card, also for another number (202 while the bank has not answered: retry with the same key)',
          body: Type.Object({ cardNumber: Type.String({ pattern: '^\\d{12,19}$' }), expiry: Type.String({ pattern: '^(0[1-9]|1[0-2])/\\d{2}$' }), cvc: Type.String({ pattern: '^\\d{3,4}$' }), amount: Money, forNumber: Type.Optional(Type.String({ maxLength: 32 })) }, { additionalProperties: false }),
          response: PaymentResponses,
        },
      },
      async (req, reply) => {
        const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
        await requireSectionOpen(ctx, c, 'payments');
        const b = req.body;
        return sendMoneyAnswer(reply, await topUp(ctx, needGateway(), { payer: c.self, acting: c.number, idemKey: idemKey(req), method: 'card', source: { kind: 'card', cardNumber: b.cardNumber, expiry: b.expiry, cvc: b.cvc }, amount: b.amount, ...(b.forNumber ? { forNumber: b.forNumber } : {}) }));
      },
    );

    app.post(
      '/api/v1/money/topups/card/:paymentId/confirm',
      { schema: { summary: 'A-MON-2: the 3-D Secure step (3 tries of the code; a settled payment answers its outcome)', params: Type.Object({ paymentId: Type.String({ maxLength: 64 }) }), body: Type.Object({ code: Type.String({ maxLength: 12 }) }, { additionalProperties: false }), response: PaymentResponses } },
      async (req, reply) => {
        const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
        return sendMoneyAnswer(reply, await confirm3ds(ctx, needGateway(), { payer: c.self, acting: c.number, paymentId: req.params.paymentId, code: req.body.code, idemKey: idemKey(req) }));
      },
    );

    app.post(
      '/api/v1/money/topups/ewallet',
      {
        schema: {
          summary: 'A-MON-2/3: top up from an e-wallet, also for another number',
          body: Type.Object({ wallet: Type.Union([Type.Literal('privat24'), Type.Literal('webmoney'), Type.Literal('easypay')]), account: Type.String({ minLength: 3, maxLength: 64 }), amount: Money, forNumber: Type.Optional(Type.String({ maxLength: 32 })) }, { additionalProperties: false }),
          response: PaymentResponses,
        },
      },
      async (req, reply) => {
        const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
        await requireSectionOpen(ctx, c, 'payments');
        const b = req.body;
        return sendMoneyAnswer(reply, await topUp(ctx, needGateway(), { payer: c.self, acting: c.number, idemKey: idemKey(req), method: 'wallet', source: { kind: 'wallet', wallet: b.wallet, account: b.account }, amount: b.amount, ...(b.forNumber ? { forNumber: b.forNumber } : {}) }));
      },
    );

    app.post(
      '/api/v1/money/transfers',
      { schema: { summary: 'A-MON-3/A-UTL-5: transfer money to another subscriber within the monthly limits', body: Type.Object({ to: Type.String({ maxLength: 32 }), amount: Money }, { additionalProperties: false }), response: { 200: Type.Object({ transferId: Type.String(), balance: Type.Integer(), monthTotal: Type.Integer(), monthLimit: Type.Integer(), currency: Type.Literal('UAH') }), 400: ErrorSchema, 401: ErrorSchema, 402: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema } } },
      async (req, reply) => {
        // Money never leaves a number at a curator's word (A-SEC-7, A-GRP-1 give services and tariffs, not transfers).
        const c = await requireSubscriber(ctx, req);
        await requireSectionOpen(ctx, c, 'transfer');
        return sendMoneyAnswer(reply, await transfer(ctx, { payer: c.number, idemKey: idemKey(req), to: req.body.to, amount: req.body.amount }));
      },
    );

    // The gateway's signed callback (LiqPay server_url): its word settles the payment like the reconciler's.
    if (gateway && 'verifyCallback' in gateway) {
      const liqpay = gateway as LiqpayGateway;
      app.register(async (scope) => {
        scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))));
        scope.post('/api/v1/payments/liqpay/callback', { config: { public: true, rateLimit: false }, schema: { hide: true } }, async (req, reply) => {
          const b = (req.body ?? {}) as Record<string, string>;
          const v = liqpay.verifyCallback(b.data, b.signature);
          if (!v) return reply.code(400).send({ error: { code: 'bad_signature', message: 'The callback is not signed by the gateway.' } });
          if (!(await settleFromCallback(ctx, v.key, v.outcome))) return reply.code(404).send({ error: { code: 'payment_unknown', message: 'No such payment.' } });
          return { ok: true };
        });
      });
    }
  };
