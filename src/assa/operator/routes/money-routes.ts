// Billing and support: vouchers, adjustments, month start, billing runs, reconciliation.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { normaliseNumber } from '../../../shared/phone-number';
import { fail } from '../../http/errors';
import { ErrorSchema } from '../../http/routes/schemas';
import { OPERATOR_API } from '../operator-auth';
import type { OperatorDeps } from '../operator-deps';
import { adjust, issueVouchers, monthStart, VOUCHER_BATCH_MAX } from '../services/money-admin';

const Adjustment = Type.Object({ id: Type.Integer(), number: Type.String(), amount: Type.Integer(), balance: Type.Integer(), currency: Type.Literal('UAH'), at: Type.String(), replayed: Type.Boolean() });

export const operatorMoneyRoutes =
  (d: OperatorDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      `${OPERATOR_API}/vouchers`,
      { config: { operator: { permission: 'vouchers.issue' } }, schema: { summary: 'Operator (billing): a batch of scratch-card codes, shown in this answer only (only hashes are kept)', body: Type.Object({ count: Type.Integer({ minimum: 1, maximum: VOUCHER_BATCH_MAX }), amount: Type.Integer({ minimum: 100, maximum: 1_000_000 }) }, { additionalProperties: false }), response: { 201: Type.Object({ batchId: Type.Integer(), amount: Type.Integer(), currency: Type.Literal('UAH'), codes: Type.Array(Type.String()) }), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema } } },
      async (req, reply) => {
        const r = await issueVouchers(d, req.operator!, req.ip, req.body.count, req.body.amount);
        reply.code(201).header('cache-control', 'no-store');
        return { ...r, currency: 'UAH' as const };
      },
    );
    app.get(`${OPERATOR_API}/vouchers`, { config: { operator: { permission: 'vouchers.issue' } }, schema: { summary: 'Operator (billing): voucher batches and how many were used (never the codes)', response: { 200: Type.Any(), 201: Type.Any(), 401: ErrorSchema, 403: ErrorSchema } } }, async () =>
      (await d.ops.voucherBatches()).map((b) => ({ batchId: b.id, count: b.count, amount: b.amount_kopecks, currency: 'UAH', used: b.used, createdBy: b.created_by, createdAt: b.created_at })),
    );

    app.post(
      `${OPERATOR_API}/adjustments`,
      { config: { operator: { permission: 'adjustments.make' } }, schema: { summary: 'Operator: an adjustment — a ledger movement of kind adjustment with the reason and the operator’s name (support: up to 200 UAH); Idempotency-Key honoured', body: Type.Object({ number: Type.String({ maxLength: 32 }), amount: Type.Integer(), reason: Type.String({ minLength: 3, maxLength: 500 }) }, { additionalProperties: false }), response: { 200: Adjustment, 201: Adjustment, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema } } },
      async (req, reply) => {
        const n = normaliseNumber(req.body.number);
        if (!n.ok) throw fail(400, 'invalid_number', 'Enter the number as 0441234567 or 441234567.', 'number');
        const key = req.headers['idempotency-key'];
        if (key !== undefined && (typeof key !== 'string' || key.length < 8 || key.length > 100)) throw fail(400, 'invalid_idempotency_key', 'An Idempotency-Key is 8-100 characters.');
        const r = await adjust(d, req.operator!, req.ip, { ...req.body, number: n.number }, key ?? null);
        reply.code(r.replayed ? 200 : 201);
        return r;
      },
    );

    app.post(
      `${OPERATOR_API}/billing/month-start`,
      { config: { operator: { permission: 'billing.run' } }, schema: { summary: 'Operator (billing): run (or re-run, idempotently) a month’s start', body: Type.Object({ month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }) }, { additionalProperties: false }), response: { 200: Type.Object({ month: Type.String(), charged: Type.Integer(), blocked: Type.Integer(), alreadyRan: Type.Boolean() }), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema } } },
      async (req) => monthStart(d, req.operator!, req.ip, req.body.month),
    );
    app.get(`${OPERATOR_API}/billing/runs`, { config: { operator: { permission: 'billing.read' } }, schema: { summary: 'Operator (billing): the month starts that ran', response: { 200: Type.Array(Type.Object({ month: Type.String(), ranAt: Type.String() })), 401: ErrorSchema, 403: ErrorSchema } } }, async () => (await d.ops.billingRuns()).map((r) => ({ month: r.month, ranAt: r.ran_at })));
    app.get(`${OPERATOR_API}/billing/reconciliation`, { config: { operator: { permission: 'billing.read' } }, schema: { summary: 'Operator (billing): card payments left pending (not approved nor declined)', response: { 200: Type.Any(), 201: Type.Any(), 401: ErrorSchema, 403: ErrorSchema } } }, async () =>
      (await d.ops.pendingPayments()).map((p) => ({ id: p.id, payer: p.number, forNumber: p.for_number, amount: p.amount_kopecks, currency: 'UAH', status: p.status, createdAt: p.created_at, ageMinutes: Math.floor((d.ctx.clock.now() - Date.parse(p.created_at)) / 60_000) })),
    );
  };
