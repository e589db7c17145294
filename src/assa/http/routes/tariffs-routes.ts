// A-TAR-1/2: the plans and a change of plan (the rules are in services/tariff-service.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { askForTariffChange, cancelTariffChange, tariffOverview } from '../../services/tariff-service';
import type { MoneyStore } from '../../store/money-store';
import { requireSectionOpen, requireSubscriber, requireTermsAccepted } from '../auth';
import type { AssaContext } from '../context';
import { ErrorSchema, Ok } from './schemas';

/** `waiting`: the change is due but the balance did not cover its switching cost and the new fee (A-TAR-2). */
const Waiting = Type.Object({ missingKopecks: Type.Integer(), reason: Type.String() });
const Pending = Type.Union([Type.Object({ tariffId: Type.String(), name: Type.String(), effectiveFrom: Type.String(), switchCost: Type.Integer(), waiting: Type.Union([Waiting, Type.Null()]) }), Type.Null()]);

export const tariffsRoutes =
  (ctx: AssaContext, money: MoneyStore): FastifyPluginAsyncTypebox =>
  async (app) => {
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
        return tariffOverview(ctx, money, c.number);
      },
    );

    app.post(
      '/api/v1/tariffs/change',
      { schema: { summary: 'A-TAR-2: apply for a change from the 1st of next month', querystring: Type.Object({ number: Type.Optional(Type.String({ pattern: '^\\d{9}$' })) }), body: Type.Object({ tariffId: Type.String({ maxLength: 64 }) }, { additionalProperties: false }), response: { 200: Pending, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema } } },
      async (req) => {
        const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
        await requireTermsAccepted(ctx, c);
        await requireSectionOpen(ctx, c, 'tariff');
        return askForTariffChange(ctx, money, c.number, req.body.tariffId);
      },
    );

    app.delete(
      '/api/v1/tariffs/change',
      { schema: { summary: 'A-TAR-2: cancel the pending change', querystring: Type.Object({ number: Type.Optional(Type.String({ pattern: '^\\d{9}$' })) }), response: { 200: Ok, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema } } },
      async (req) => {
        const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
        await requireTermsAccepted(ctx, c);
        await requireSectionOpen(ctx, c, 'tariff');
        return cancelTariffChange(money, c.number);
      },
    );
  };
