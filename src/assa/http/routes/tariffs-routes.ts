// A-TAR-1/2: the plans with conditions and switching cost; a change applies from the 1st
// of next month, at most once per 30 days, and can be cancelled until then.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { tariffChangeDate } from '../../domain/money-rules';
import type { MoneyStore } from '../../store/money-store';
import { requireSectionOpen, requireSubscriber, requireTermsAccepted } from '../auth';
import type { AssaContext } from '../context';
import { fail } from '../errors';
import { ErrorSchema, Ok } from './schemas';

/** `waiting`: the change is due but the balance did not cover its switching cost and the new fee (A-TAR-2). */
const Waiting = Type.Object({ missingKopecks: Type.Integer(), reason: Type.String() });
const Pending = Type.Union([Type.Object({ tariffId: Type.String(), name: Type.String(), effectiveFrom: Type.String(), switchCost: Type.Integer(), waiting: Type.Union([Waiting, Type.Null()]) }), Type.Null()]);

export const tariffsRoutes =
  (ctx: AssaContext, money: MoneyStore): FastifyPluginAsyncTypebox =>
  async (app) => {
    const pendingOf = async (number: string) => {
      const p = await ctx.store.db.selectFrom('tariff_changes').select(['tariff_id', 'effective_from', 'missing_kopecks']).where('number', '=', number).executeTakeFirst();
      if (!p) return null;
      const t = await ctx.store.tariff(p.tariff_id);
      const cost = t?.switch_cost_kopecks ?? 0;
      const uah = (k: number) => (k / 100).toFixed(2);
      const waiting =
        p.missing_kopecks === null
          ? null
          : { missingKopecks: p.missing_kopecks, reason: `The change waits for money: switching costs ${uah(cost)} UAH and the new plan's fee ${uah(t?.monthly_fee_kopecks ?? 0)} UAH are taken together; ${uah(p.missing_kopecks)} UAH is missing. It takes effect with the payment that covers it.` };
      return { tariffId: p.tariff_id, name: t?.name ?? p.tariff_id, effectiveFrom: p.effective_from, switchCost: cost, waiting };
    };

    app.get(
      '/api/v1/tariffs',
      {
        schema: {
          summary: 'A-TAR-1: plans, the current one, a pending change',
          querystring: Type.Object({ number: Type.Optional(Type.String({ pattern: '^\\d{9}$' })) }),
          response: {
            200: Type.Object({
              current: Type.Object({ id: Type.String(), name: Type.String(), monthlyFee: Type.Integer(), description: Type.String() }),
              pending: Pending,
              lastChangeAt: Type.Union([Type.String(), Type.Null()]),
              plans: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), monthlyFee: Type.Integer(), description: Type.String(), switchCost: Type.Integer() })),
            }),
            401: ErrorSchema,
            403: ErrorSchema,
          },
        },
      },
      async (req) => {
        const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
        await requireTermsAccepted(ctx, c);
        const sub = (await ctx.store.subscriber(c.number))!;
        const cur = (await ctx.store.tariff(sub.tariff_id))!;
        return {
          current: { id: cur.id, name: cur.name, monthlyFee: cur.monthly_fee_kopecks, description: cur.description },
          pending: await pendingOf(c.number),
          lastChangeAt: await money.lastChangeRequest(c.number),
          plans: (await money.tariffs()).map((t) => ({ id: t.id, name: t.name, monthlyFee: t.monthly_fee_kopecks, description: t.description, switchCost: t.switch_cost_kopecks })),
        };
      },
    );

    app.post(
      '/api/v1/tariffs/change',
      { schema: { summary: 'A-TAR-2: apply for a change from the 1st of next month', querystring: Type.Object({ number: Type.Optional(Type.String({ pattern: '^\\d{9}$' })) }), body: Type.Object({ tariffId: Type.String({ maxLength: 64 }) }, { additionalProperties: false }), response: { 200: Pending, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema } } },
      async (req) => {
        const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
        await requireTermsAccepted(ctx, c);
        await requireSectionOpen(ctx, c, 'tariff');
        const t = await ctx.store.tariff(req.body.tariffId);
        if (!t) throw fail(404, 'unknown_tariff', 'There is no such tariff plan.', 'tariffId');
        if (t.id === (await ctx.store.subscriber(c.number))!.tariff_id) throw fail(400, 'same_tariff', 'That is already your plan.', 'tariffId');
        const now = ctx.clock.now();
        const last = await money.lastChangeRequest(c.number);
        const d = tariffChangeDate(now, last ? Date.parse(last) : null);
        if (!d.ok) throw fail(409, 'tariff_change_too_soon', `The plan can be changed once in 30 days; the next change can be asked for from ${d.nextAllowed}.`, 'tariffId');
        await money.requestChange(c.number, t.id, new Date(now).toISOString(), d.effectiveFrom);
        return await pendingOf(c.number);
      },
    );

    app.delete(
      '/api/v1/tariffs/change',
      { schema: { summary: 'A-TAR-2: cancel the pending change', querystring: Type.Object({ number: Type.Optional(Type.String({ pattern: '^\\d{9}$' })) }), response: { 200: Ok, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema } } },
      async (req) => {
        const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
        await requireTermsAccepted(ctx, c);
        await requireSectionOpen(ctx, c, 'tariff');
        if (!(await money.cancelChange(c.number))) throw fail(404, 'no_pending_change', 'No tariff change is waiting.');
        return { ok: true };
      },
    );
  };
