// A-UTL utilities: missed calls, blocked numbers, call forwarding and the SIP password
// (services/utilities-service.ts, services/forwarding-service.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FORWARDING_CONDITIONS, forwardingInEffect, forwardingRules, setForwarding } from '../../services/forwarding-service';
import { blockedNumbers, blockNumber, missedCalls, setSipPassword, unblockNumber } from '../../services/utilities-service';
import { requireSectionOpen, requireSubscriber } from '../auth';
import type { AssaContext } from '../context';
import { sendMoneyAnswer } from '../money-answer-reply';
import { fail } from '../errors';
import { ErrorSchema, Ok } from './schemas';

export const utilitiesRoutes =
  (ctx: AssaContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get('/api/v1/utilities/missed-calls', { schema: { summary: 'A-UTL-1: who called', response: { 200: Type.Array(Type.Object({ from: Type.String(), at: Type.String() })), 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await requireSectionOpen(ctx, c, 'utilities');
      return await missedCalls(ctx, c.number);
    });
    app.get('/api/v1/utilities/blocked', { schema: { summary: 'A-UTL-4: blocked numbers', response: { 200: Type.Array(Type.Object({ number: Type.String() })), 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await requireSectionOpen(ctx, c, 'utilities');
      return await blockedNumbers(ctx, c.number);
    });
    app.post('/api/v1/utilities/blocked', { schema: { summary: 'A-UTL-4: block a number', body: Type.Object({ number: Type.String({ maxLength: 32 }) }, { additionalProperties: false }), response: { 200: Ok, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await requireSectionOpen(ctx, c, 'utilities');
      await blockNumber(ctx, c.number, req.body.number);
      return { ok: true };
    });
    app.delete('/api/v1/utilities/blocked/:number', { schema: { summary: 'A-UTL-4: unblock', params: Type.Object({ number: Type.String({ pattern: '^\\d{9}$' }) }), response: { 200: Ok, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await requireSectionOpen(ctx, c, 'utilities');
      if (!(await unblockNumber(ctx, c.number, req.params.number))) throw fail(404, 'not_blocked', 'That number is not blocked.');
      return { ok: true };
    });
    // Forwarding goes through services/forwarding-service.ts, the one place its rules live
    // (its paid service on, never to the number itself, every condition at once). The
    // single-rule form is the screen's: setting it replaces all rules by that one.
    const Fwd = Type.Object({ kind: Type.Union(FORWARDING_CONDITIONS.map((k) => Type.Literal(k))), target: Type.String({ maxLength: 128 }), waitSeconds: Type.Optional(Type.Integer()) }, { additionalProperties: false });
    const FwdRules = Type.Object({ rules: Type.Array(Fwd, { maxItems: FORWARDING_CONDITIONS.length }) }, { additionalProperties: false });
    const FwdShown = Type.Object({ kind: Type.String(), target: Type.String(), waitSeconds: Type.Optional(Type.Integer()), inEffect: Type.Boolean() });
    const FwdErrors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema };
    app.get('/api/v1/utilities/forwarding/rules', { schema: { summary: 'A-UTL-2: every forwarding rule (inEffect: its paid service is on and paid)', response: { 200: Type.Object({ rules: Type.Array(FwdShown) }), 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await requireSectionOpen(ctx, c, 'utilities');
      return { rules: await forwardingInEffect(ctx.store.db, c.number) };
    });
    app.put('/api/v1/utilities/forwarding/rules', { schema: { summary: 'A-UTL-2: set every forwarding condition at once (an empty list turns forwarding off)', body: FwdRules, response: { 200: Type.Object({ rules: Type.Array(Type.Object({ kind: Type.String(), target: Type.String(), waitSeconds: Type.Optional(Type.Integer()) })) }), ...FwdErrors } } }, async (req, reply) => {
      const c = await requireSubscriber(ctx, req);
      await requireSectionOpen(ctx, c, 'utilities');
      return sendMoneyAnswer(reply, await setForwarding(ctx, c.number, req.body.rules));
    });
    app.get('/api/v1/utilities/forwarding', { schema: { summary: 'A-UTL-2: call forwarding, the first rule (all of them: /forwarding/rules)', response: { 200: Type.Union([Type.Object({ kind: Type.String(), target: Type.String(), waitSeconds: Type.Integer() }), Type.Null()]), 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await requireSectionOpen(ctx, c, 'utilities');
      // The screen's shape as before: waitSeconds always there (20 where the condition has none).
      const first = (await forwardingRules(ctx.store.db, c.number))[0];
      return first ? { kind: first.kind, target: first.target, waitSeconds: first.waitSeconds ?? 20 } : null;
    });
    app.put('/api/v1/utilities/forwarding', { schema: { summary: 'A-UTL-2: set one forwarding rule (replacing all) or clear forwarding (null)', body: Type.Union([Fwd, Type.Null()]), response: { 200: Ok, ...FwdErrors } } }, async (req, reply) => {
      const c = await requireSubscriber(ctx, req);
      await requireSectionOpen(ctx, c, 'utilities');
      const a = await setForwarding(ctx, c.number, req.body ? [req.body] : []);
      return a.status === 200 ? { ok: true } : sendMoneyAnswer(reply, a);
    });
    app.put('/api/v1/utilities/sip-password', { schema: { summary: 'A-UTL-3: the SIP password', body: Type.Object({ password: Type.String({ maxLength: 64 }) }, { additionalProperties: false }), response: { 200: Ok, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await requireSectionOpen(ctx, c, 'utilities');
      await setSipPassword(ctx, c.number, req.body.password);
      return { ok: true };
    });
  };
