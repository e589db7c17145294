// Support: groups (A-GRP-1), the help desk queue (A-HLP-1), the audit log; QA: the demo clock.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { kyivMonth } from '../../../shared/kyiv-time';
import { ErrorSchema, Ok } from '../../http/routes/schemas';
import { OPERATOR_API } from '../operator-auth';
import type { OperatorDeps } from '../operator-deps';
import { isoNow } from '../operator-deps';
import { addMember, createGroup, groupView, removeMember } from '../services/groups-admin';
import { answer, queue } from '../services/helpdesk-admin';
import { monthStart } from '../services/money-admin';

export const deskRoutes =
  (d: OperatorDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(`${OPERATOR_API}/groups`, { config: { operator: { permission: 'groups.read' } }, schema: { summary: 'Operator: groups', response: { 200: Type.Any(), 201: Type.Any(), 401: ErrorSchema, 403: ErrorSchema } } }, async () => d.ops.groups());
    app.post(
      `${OPERATOR_API}/groups`,
      { config: { operator: { permission: 'groups.write' } }, schema: { summary: 'Operator: a group with its curator', body: Type.Object({ name: Type.String({ minLength: 2, maxLength: 120 }), curator: Type.String({ maxLength: 32 }) }, { additionalProperties: false }), response: { 200: Type.Any(), 201: Type.Any(), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema } } },
      async (req, reply) => {
        const g = await createGroup(d, req.operator!, req.ip, req.body.name, req.body.curator);
        reply.code(201);
        return g;
      },
    );
    app.get(`${OPERATOR_API}/groups/:id`, { config: { operator: { permission: 'groups.read' } }, schema: { summary: 'Operator: a group and its members', params: Type.Object({ id: Type.String({ maxLength: 64 }) }), response: { 200: Type.Any(), 201: Type.Any(), 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema } } }, async (req) => groupView(d, req.params.id));
    app.post(
      `${OPERATOR_API}/groups/:id/members`,
      { config: { operator: { permission: 'groups.write' } }, schema: { summary: 'Operator: add a number to a group', params: Type.Object({ id: Type.String({ maxLength: 64 }) }), body: Type.Object({ number: Type.String({ maxLength: 32 }) }, { additionalProperties: false }), response: { 200: Type.Any(), 201: Type.Any(), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema } } },
      async (req, reply) => {
        const g = await addMember(d, req.operator!, req.ip, req.params.id, req.body.number);
        reply.code(201);
        return g;
      },
    );
    app.delete(`${OPERATOR_API}/groups/:id/members/:number`, { config: { operator: { permission: 'groups.write' } }, schema: { summary: 'Operator: remove a number from a group', params: Type.Object({ id: Type.String({ maxLength: 64 }), number: Type.String({ pattern: '^\\d{9}$' }) }), response: { 200: Type.Any(), 201: Type.Any(), 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema } } }, async (req) =>
      removeMember(d, req.operator!, req.ip, req.params.id, req.params.number),
    );

    const Status = Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('answered')]));
    app.get(`${OPERATOR_API}/tickets`, { config: { operator: { permission: 'helpdesk.read' } }, schema: { summary: 'Operator: the help desk queue (questions)', querystring: Type.Object({ status: Status }), response: { 200: Type.Any(), 201: Type.Any(), 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => queue(d, { kind: 'question', ...(req.query.status ? { status: req.query.status } : {}) }));
    app.get(`${OPERATOR_API}/callbacks`, { config: { operator: { permission: 'helpdesk.read' } }, schema: { summary: 'Operator: the call-back orders', querystring: Type.Object({ status: Status }), response: { 200: Type.Any(), 201: Type.Any(), 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => queue(d, { kind: 'callback', ...(req.query.status ? { status: req.query.status } : {}) }));
    app.post(
      `${OPERATOR_API}/tickets/:id/answer`,
      { config: { operator: { permission: 'helpdesk.answer' } }, schema: { summary: 'Operator: answer a question or record a call-back (the subscriber reads it in Help)', params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 4000 }), close: Type.Optional(Type.Boolean()) }, { additionalProperties: false }), response: { 200: Type.Any(), 201: Type.Any(), 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema } } },
      async (req) => answer(d, req.operator!, req.ip, req.params.id, req.body.text, req.body.close ?? false),
    );

    app.get(`${OPERATOR_API}/audit`, { config: { operator: { permission: 'audit.read' } }, schema: { summary: 'Operator: the audit log of operator actions (newest first, paged by id)', querystring: Type.Object({ target: Type.Optional(Type.String({ maxLength: 100 })), operator: Type.Optional(Type.String({ maxLength: 64 })), before: Type.Optional(Type.Integer({ minimum: 1 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }), response: { 200: Type.Any(), 201: Type.Any(), 401: ErrorSchema, 403: ErrorSchema } } }, async (req) =>
      (await d.ops.auditLog({ ...req.query, limit: req.query.limit ?? 100 })).map((a) => ({ id: a.id, at: a.at, operator: a.operator, action: a.action, target: a.target, details: JSON.parse(a.details) as unknown, ip: a.ip })),
    );

    // Only a --demo server has a clock to move: without it this route does not exist (404).
    const clock = d.demoClock;
    if (clock) {
      app.put(
        `${OPERATOR_API}/clock`,
        { config: { operator: { permission: 'clock.set' } }, schema: { summary: 'Operator (--demo only): move the server’s clock (billing, RUNA expiry, session timeouts follow)', body: Type.Object({ now: Type.String({ format: 'date-time' }) }, { additionalProperties: false }), response: { 200: Type.Object({ now: Type.String(), monthStart: Type.Union([Type.Object({ month: Type.String(), charged: Type.Integer(), blocked: Type.Integer(), alreadyRan: Type.Boolean() }), Type.Null()]) }), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema } } },
        async (req) => {
          const c = req.operator!;
          const before = isoNow(d);
          const t0 = d.ctx.clock.now();
          clock.set(Date.parse(req.body.now));
          // The QA operator's own session lives through the jump (its idle and absolute
          // times move with it); every other session meets the new time as it is.
          await d.ops.shiftSession(c.session.token_hash, d.ctx.clock.now() - t0);
          await d.ops.audit({ at: isoNow(d), operator: c.login, action: 'clock.set', target: null, details: { from: before, to: isoNow(d) }, ip: req.ip });
          // The billing tick follows at once, not at its next minute.
          const month = kyivMonth(d.ctx.clock.now());
          const ran = (await d.ops.billingRuns()).some((r) => r.month === month);
          return { now: isoNow(d), monthStart: ran ? null : await monthStart(d, c, req.ip, month) };
        },
      );
    }
    void Ok;
  };
