// A-DET-1..3 details (keyset paging, CSV), A-UTL utilities (missed calls, forwarding,
// SIP password, blocked numbers), A-GRP the group, A-HLP-1 help desk tickets and call-backs.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { kyivDateTime } from '../../../shared/kyiv-time';
import { normaliseNumber } from '../../../shared/phone-number';
import { passwordProblems } from '../../domain/password-rules';
import type { ExtrasStore } from '../../store/details-utilities-group-help-store';
import { periodTotals } from '../../services/details-service';
import { FORWARDING_CONDITIONS, forwardingInEffect, forwardingRules, setForwarding } from '../../services/forwarding-service';
import type { MoneyAnswer } from '../../services/money-answer';
import { requireSectionOpen, requireSubscriber } from '../auth';
import type { AssaContext } from '../context';
import { fail } from '../errors';
import { ErrorSchema, Ok } from './schemas';

const Q = Type.Object({ kind: Type.Union([Type.Literal('sessions'), Type.Literal('calls')]), from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }), cursor: Type.Optional(Type.String({ maxLength: 200 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), number: Type.Optional(Type.String({ pattern: '^\\d{9}$' })) });
const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const extrasRoutes =
  (ctx: AssaContext, x: ExtrasStore): FastifyPluginAsyncTypebox =>
  async (app) => {
    const rows = async (number: string, q: { kind: 'sessions' | 'calls'; from: string; to: string; cursor?: string; limit?: number }) => {
      const from = new Date(q.from).toISOString();
      const to = new Date(q.to).toISOString();
      const limit = q.limit ?? 100;
      const list = q.kind === 'sessions' ? await x.sessionDetails(number, from, to, q.cursor ?? null, limit) : await x.callDetails(number, from, to, q.cursor ?? null, limit);
      const last = list[list.length - 1];
      const nextCursor = list.length === limit && last ? (q.kind === 'sessions' ? `${last.startedAt}${last.id}` : `${last.startedAt}${last.id.padStart(12, '0')}`) : null;
      return { list, nextCursor };
    };

    app.get('/api/v1/details', { schema: { summary: 'A-DET-1/2: calls or data sessions of a period, keyset-paged, with totals', querystring: Q, response: { 200: Type.Object({ items: Type.Array(Type.Record(Type.String(), Type.Unknown())), nextCursor: Type.Union([Type.String(), Type.Null()]), totals: Type.Object({ count: Type.Integer(), seconds: Type.Integer(), inBytes: Type.Integer(), outBytes: Type.Integer(), cost: Type.Integer() }), periodTotals: Type.Object({ count: Type.Integer(), seconds: Type.Integer(), inBytes: Type.Integer(), outBytes: Type.Integer(), cost: Type.Integer() }) }), 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
      await requireSectionOpen(ctx, c, 'details');
      const { list, nextCursor } = await rows(c.number, req.query);
      // Sessions cost nothing beyond the plan (details-service.ts); calls carry their price.
      const items = list.map((r) => ({ ...r, cost: r.cost ?? 0 }));
      const totals = { count: items.length, seconds: items.reduce((a, r) => a + r.seconds, 0), inBytes: items.reduce((a, r) => a + (r.inBytes ?? 0), 0), outBytes: items.reduce((a, r) => a + (r.outBytes ?? 0), 0), cost: items.reduce((a, r) => a + r.cost, 0) };
      const periodTotalsOf = await periodTotals(ctx.store.db, c.number, req.query.kind, new Date(req.query.from).toISOString(), new Date(req.query.to).toISOString());
      return { items: items as unknown as Array<Record<string, unknown>>, nextCursor, totals, periodTotals: periodTotalsOf };
    });

    app.get('/api/v1/details.csv', { schema: { summary: 'A-DET-3: the same as CSV', querystring: Q } }, async (req, reply) => {
      const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
      await requireSectionOpen(ctx, c, 'details');
      const { list } = await rows(c.number, { ...req.query, limit: 500 });
      // People read the export: times in Kyiv (the header says so), as on screen; UTC stays inside.
      const head = req.query.kind === 'sessions' ? ['started (Kyiv)', 'ended (Kyiv)', 'ip', 'bytes_in', 'bytes_out', 'seconds', 'stop_cause'] : ['started (Kyiv)', 'peer', 'direction', 'seconds', 'cost_kopecks'];
      const kyiv = (t: string | null | undefined) => (t ? kyivDateTime(t) : '');
      const lines = list.map((r) => (req.query.kind === 'sessions' ? [kyiv(r.startedAt), kyiv(r.endedAt), r.ip, r.inBytes, r.outBytes, r.seconds, r.stopCause] : [kyiv(r.startedAt), r.peer, r.direction, r.seconds, r.cost]).map(csvCell).join(','));
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="details-${req.query.kind}.csv"`);
      return [head.join(','), ...lines].join('\n') + '\n';
    });

    app.get('/api/v1/utilities/missed-calls', { schema: { summary: 'A-UTL-1: who called', response: { 200: Type.Array(Type.Object({ from: Type.String(), at: Type.String() })), 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await requireSectionOpen(ctx, c, 'utilities');
      return await x.missedCalls(c.number);
    });
    app.get('/api/v1/utilities/blocked', { schema: { summary: 'A-UTL-4: blocked numbers', response: { 200: Type.Array(Type.Object({ number: Type.String() })), 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await requireSectionOpen(ctx, c, 'utilities');
      return await x.blocked(c.number);
    });
    app.post('/api/v1/utilities/blocked', { schema: { summary: 'A-UTL-4: block a number', body: Type.Object({ number: Type.String({ maxLength: 32 }) }, { additionalProperties: false }), response: { 200: Ok, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await requireSectionOpen(ctx, c, 'utilities');
      const n = normaliseNumber(req.body.number);
      if (!n.ok) throw fail(400, 'invalid_number', 'Enter the number to block as 0441234567.', 'number');
      await x.block(c.number, n.number, new Date(ctx.clock.now()).toISOString());
      return { ok: true };
    });
    app.delete('/api/v1/utilities/blocked/:number', { schema: { summary: 'A-UTL-4: unblock', params: Type.Object({ number: Type.String({ pattern: '^\\d{9}$' }) }), response: { 200: Ok, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await requireSectionOpen(ctx, c, 'utilities');
      if (!(await x.unblock(c.number, req.params.number))) throw fail(404, 'not_blocked', 'That number is not blocked.');
      return { ok: true };
    });
    // Forwarding goes through services/forwarding-service.ts, the one place its rules live
    // (its paid service on, never to the number itself, every condition at once). The
    // single-rule form is the screen's: setting it replaces all rules by that one.
    const Fwd = Type.Object({ kind: Type.Union(FORWARDING_CONDITIONS.map((k) => Type.Literal(k))), target: Type.String({ maxLength: 128 }), waitSeconds: Type.Optional(Type.Integer()) }, { additionalProperties: false });
    const FwdRules = Type.Object({ rules: Type.Array(Fwd, { maxItems: FORWARDING_CONDITIONS.length }) }, { additionalProperties: false });
    const FwdShown = Type.Object({ kind: Type.String(), target: Type.String(), waitSeconds: Type.Optional(Type.Integer()), inEffect: Type.Boolean() });
    const FwdErrors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema };
    const answer = (reply: { code(n: number): unknown }, a: MoneyAnswer) => {
      reply.code(a.status);
      return a.body as never;
    };
    app.get('/api/v1/utilities/forwarding/rules', { schema: { summary: 'A-UTL-2: every forwarding rule (inEffect: its paid service is on and paid)', response: { 200: Type.Object({ rules: Type.Array(FwdShown) }), 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await requireSectionOpen(ctx, c, 'utilities');
      return { rules: await forwardingInEffect(ctx.store.db, c.number) };
    });
    app.put('/api/v1/utilities/forwarding/rules', { schema: { summary: 'A-UTL-2: set every forwarding condition at once (an empty list turns forwarding off)', body: FwdRules, response: { 200: Type.Object({ rules: Type.Array(Type.Object({ kind: Type.String(), target: Type.String(), waitSeconds: Type.Optional(Type.Integer()) })) }), ...FwdErrors } } }, async (req, reply) => {
      const c = await requireSubscriber(ctx, req);
      await requireSectionOpen(ctx, c, 'utilities');
      return answer(reply, await setForwarding(ctx, c.number, req.body.rules));
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
      return a.status === 200 ? { ok: true } : answer(reply, a);
    });
    app.put('/api/v1/utilities/sip-password', { schema: { summary: 'A-UTL-3: the SIP password', body: Type.Object({ password: Type.String({ maxLength: 64 }) }, { additionalProperties: false }), response: { 200: Ok, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await requireSectionOpen(ctx, c, 'utilities');
      const p = passwordProblems(req.body.password, c.number);
      if (p.length) throw fail(400, 'weak_password', p.map((x2) => x2.message).join(' '), 'password');
      await x.setSipPassword(c.number, await ctx.hasher.hash(req.body.password), new Date(ctx.clock.now()).toISOString());
      return { ok: true };
    });

    app.get('/api/v1/group', { schema: { summary: 'A-GRP-1: the group this number belongs to', response: { 200: Type.Object({ id: Type.String(), name: Type.String(), curator: Type.String(), members: Type.Array(Type.Object({ number: Type.String(), role: Type.String() })) }), 401: ErrorSchema, 404: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      const g = await x.groupOf(c.number);
      if (!g) throw fail(404, 'no_group', 'This number is not in a group. Corporate groups are set up with the operator’s business department.');
      return { id: g.id, name: g.name, curator: g.curator, members: g.members.map((m) => ({ number: m.number, role: m.number === g.curator ? 'curator' : 'member' })) };
    });

    app.get('/api/v1/help/contacts', { config: { public: true }, schema: { summary: 'A-HLP-1: how to reach the operator', response: { 200: Type.Object({ hotline: Type.String(), fromMobile: Type.String(), email: Type.String(), hours: Type.String() }) } } }, async () => ({
      hotline: '0 800 300 900 (free)',
      fromMobile: '*900',
      email: 'help@assa.example',
      hours: 'every day, 8:00-22:00 Kyiv time',
    }));

    app.get('/api/v1/help/tickets', { schema: { summary: 'A-HLP-1: my questions and call-back orders', response: { 200: Type.Array(Type.Object({ id: Type.Integer(), kind: Type.String(), text: Type.String(), status: Type.String(), createdAt: Type.String(), answers: Type.Array(Type.Object({ text: Type.String(), at: Type.String() })) })), 401: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      return (await x.tickets(c.number)).map((t) => ({ id: t.id, kind: t.kind, text: t.text, status: t.status, createdAt: t.created_at, answers: t.answers }));
    });
    app.post('/api/v1/help/tickets', { schema: { summary: 'A-HLP-1: ask the help desk (the answer gets a ticket number)', body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }), response: { 200: Type.Object({ id: Type.Integer() }), 401: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      return { id: await x.addTicket({ number: c.number, kind: 'question', text: req.body.text, phone: null, created_at: new Date(ctx.clock.now()).toISOString() }) };
    });
    app.post('/api/v1/help/callbacks', { schema: { summary: 'A-HLP-1: order a call back', body: Type.Object({ phone: Type.String({ maxLength: 32 }), topic: Type.String({ maxLength: 500 }) }, { additionalProperties: false }), response: { 200: Type.Object({ id: Type.Integer() }), 400: ErrorSchema, 401: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      const n = normaliseNumber(req.body.phone);
      if (!n.ok) throw fail(400, 'invalid_number', 'Give a number to call back, e.g. 0441234567.', 'phone');
      return { id: await x.addTicket({ number: c.number, kind: 'callback', text: req.body.topic, phone: n.number, created_at: new Date(ctx.clock.now()).toISOString() }) };
    });
  };
