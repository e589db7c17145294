// A-REG-5 routes: the group curator registers a corporate member (first password or an
// e-mail invitation); the member accepts the invitation with a password.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { acceptInvitation, curatorInvites, curatorSetsPassword } from '../../services/corporate-registration';
import { requireSubscriber } from '../auth';
import type { AssaContext } from '../context';
import { ErrorSchema, Ok } from './schemas';

const Member = Type.Object({ number: Type.String({ pattern: '^\\d{9}$' }) });

export const corporateRegistrationRoutes =
  (ctx: AssaContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post('/api/v1/group/members/:number/registration', { schema: { summary: 'A-REG-5: the group curator sets the first password of a corporate member', params: Member, body: Type.Object({ password: Type.String({ maxLength: 64 }), email: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }), response: { 201: Type.Object({ number: Type.String(), registered: Type.Boolean() }), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema } } }, async (req, reply) => {
      const c = await requireSubscriber(ctx, req);
      await curatorSetsPassword(ctx, c.self, req.params.number, req.body.password, req.body.email ?? null);
      reply.code(201);
      return { number: req.params.number, registered: true };
    });
    app.post('/api/v1/group/members/:number/invitation', { schema: { summary: 'A-REG-5: the group curator invites a corporate member by e-mail (single use, 72 hours)', params: Member, body: Type.Object({ email: Type.String({ maxLength: 200 }) }, { additionalProperties: false }), response: { 201: Type.Object({ expiresAt: Type.String() }), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema } } }, async (req, reply) => {
      const c = await requireSubscriber(ctx, req);
      const r = await curatorInvites(ctx, c.self, req.params.number, req.body.email);
      reply.code(201);
      return r;
    });
    app.post('/api/v1/registrations/invitation', { config: { public: true, hashes: true, rateLimit: { max: ctx.config.rateLimit.registration, timeWindow: '1 minute' } }, schema: { summary: 'A-REG-5: a corporate member registers with the curator’s invitation', body: Type.Object({ token: Type.String({ maxLength: 100 }), password: Type.String({ maxLength: 64 }) }, { additionalProperties: false }), response: { 201: Type.Object({ number: Type.String(), registered: Type.Boolean() }), 400: ErrorSchema, 403: ErrorSchema, 409: ErrorSchema } } }, async (req, reply) => {
      const number = await acceptInvitation(ctx, req.body.token, req.body.password);
      reply.code(201);
      return { number, registered: true };
    });
    void Ok;
  };
