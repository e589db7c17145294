// A-SVC-1..3: the catalogue with each service's state for this number; switching a paid
// one on charges its fee through the ledger; some need their terms accepted first.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { MoneyStore } from '../../store/money-store';
import { requireSectionOpen, requireSubscriber, requireTermsAccepted } from '../auth';
import type { AssaContext } from '../context';
import { fail } from '../errors';
import { ErrorSchema } from './schemas';

export const TERMS_OF_USE = 'Services and tariff changes ordered here take effect for your number at once (tariffs from the 1st of next month); fees are charged from your balance under the balance rule; you can switch a service off at any time.';

const Service = Type.Object({ id: Type.String(), name: Type.String(), description: Type.String(), monthlyFee: Type.Integer(), enabled: Type.Boolean(), requiresTerms: Type.Boolean(), terms: Type.String() });

export const servicesRoutes =
  (ctx: AssaContext, money: MoneyStore): FastifyPluginAsyncTypebox =>
  async (app) => {
    const list = async (number: string) =>
      (await money.services(number)).map((s) => ({ id: s.id, name: s.name, description: s.description, monthlyFee: s.monthly_fee_kopecks, enabled: s.enabled === 1, requiresTerms: s.requires_terms === 1, terms: s.terms }));

    app.get('/api/v1/services', { schema: { summary: 'A-SVC-1: services and their state', querystring: Type.Object({ number: Type.Optional(Type.String({ pattern: '^\\d{9}$' })) }), response: { 200: Type.Array(Service), 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
      await requireSectionOpen(ctx, c, 'services');
      await requireTermsAccepted(ctx, c);
      return await list(c.number);
    });

    app.get('/api/v1/terms', { schema: { summary: 'A-SVC-3: the terms of use and whether they are accepted', response: { 200: Type.Object({ accepted: Type.Boolean(), text: Type.String() }), 401: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      const acc = await ctx.store.account(c.number);
      return { accepted: !!acc?.terms_accepted_at, text: TERMS_OF_USE };
    });
    app.post('/api/v1/terms/accept', { schema: { summary: 'A-SVC-3: accept the terms of use (once)', response: { 200: Type.Object({ ok: Type.Boolean() }), 401: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await ctx.store.acceptTerms(c.number, new Date(ctx.clock.now()).toISOString());
      return { ok: true };
    });

    app.put(
      '/api/v1/services/:id',
      {
        schema: {
          summary: 'A-SVC-2/3: switch a service on or off',
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          querystring: Type.Object({ number: Type.Optional(Type.String({ pattern: '^\\d{9}$' })) }),
          body: Type.Object({ enabled: Type.Boolean(), acceptTerms: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
          response: { 200: Service, 400: ErrorSchema, 401: ErrorSchema, 402: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
        },
      },
      async (req) => {
        const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
        await requireSectionOpen(ctx, c, 'services');
        await requireTermsAccepted(ctx, c);
        const s = (await list(c.number)).find((x) => x.id === req.params.id);
        if (!s) throw fail(404, 'unknown_service', 'There is no such service.');
        const at = new Date(ctx.clock.now()).toISOString();
        if (req.body.enabled && !s.enabled) {
          if (s.requiresTerms && req.body.acceptTerms !== true) throw fail(400, 'terms_not_accepted', `Accept the terms of "${s.name}" to switch it on.`, 'acceptTerms');
          await ctx.store.transaction(async (tx) => {
            if (s.monthlyFee > 0) {
              if ((await tx.money.balance(c.number)) < s.monthlyFee) throw fail(402, 'insufficient_funds', `The balance does not cover the fee of "${s.name}".`);
              await tx.money.move(c.number, 'service_fee', -s.monthlyFee, at, `${s.name}: monthly fee`);
            }
            await tx.money.setService(c.number, s.id, true, at);
          });
        } else if (!req.body.enabled && s.enabled) {
          await money.setService(c.number, s.id, false, at);
        }
        return (await list(c.number)).find((x) => x.id === s.id)!;
      },
    );
  };
