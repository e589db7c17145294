// A-SVC-1..3: the catalogue with each service's state for this number; switching a paid
// one on charges its fee through the ledger; some need their terms accepted first.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { serviceList, switchService } from '../../services/subscription-service';
import { acceptTerms, termsOf } from '../../services/terms-service';
import { requireSectionOpen, requireSubscriber, requireTermsAccepted } from '../auth';
import type { AssaContext } from '../context';
import { sendMoneyAnswer } from '../money-answer-reply';
import { ErrorSchema } from './schemas';

const Service = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  monthlyFee: Type.Integer(),
  enabled: Type.Boolean(),
  /** On, but its fee of this month is not covered: not working until a payment covers it. */
  suspended: Type.Boolean(),
  paidThisMonth: Type.Boolean(),
  addsMegabytes: Type.Integer(),
  requiresTerms: Type.Boolean(),
  terms: Type.String(),
});

export const servicesRoutes =
  (ctx: AssaContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get('/api/v1/services', { schema: { summary: 'A-SVC-1: services and their state', querystring: Type.Object({ number: Type.Optional(Type.String({ pattern: '^\\d{9}$' })) }), response: { 200: Type.Array(Service), 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
      await requireSectionOpen(ctx, c, 'services');
      await requireTermsAccepted(ctx, c);
      return serviceList(ctx, ctx.store.db, c.number);
    });

    app.get('/api/v1/terms', { schema: { summary: 'A-SVC-3: the terms of use and whether they are accepted', response: { 200: Type.Object({ accepted: Type.Boolean(), text: Type.String() }), 401: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      return termsOf(ctx, c.number);
    });
    app.post('/api/v1/terms/accept', { schema: { summary: 'A-SVC-3: accept the terms of use (once)', response: { 200: Type.Object({ ok: Type.Boolean() }), 401: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await acceptTerms(ctx, c.number);
      return { ok: true };
    });

    app.put(
      '/api/v1/services/:id',
      {
        schema: {
          summary: 'A-SVC-2/3: switch a service on or off (a paid one: its fee once a month)',
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          querystring: Type.Object({ number: Type.Optional(Type.String({ pattern: '^\\d{9}$' })) }),
          body: Type.Object({ enabled: Type.Boolean(), acceptTerms: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
          response: { 200: Service, 400: ErrorSchema, 401: ErrorSchema, 402: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
        },
      },
      async (req, reply) => {
        const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
        await requireSectionOpen(ctx, c, 'services');
        await requireTermsAccepted(ctx, c);
        const a = await switchService(ctx, { number: c.number, serviceId: req.params.id, enabled: req.body.enabled, ...(req.body.acceptTerms !== undefined ? { acceptTerms: req.body.acceptTerms } : {}) });
        return sendMoneyAnswer(reply, a);
      },
    );
  };
