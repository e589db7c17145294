// A-DET-1..3 details: calls or data sessions of a period, keyset-paged with totals
// (services/details-service.ts), and the same as CSV.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { kyivDateTime } from '../../../shared/kyiv-time';
import { detailRows, detailsPage } from '../../services/details-service';
import { requireSectionOpen, requireSubscriber } from '../auth';
import type { AssaContext } from '../context';
import { ErrorSchema } from './schemas';

const Q = Type.Object({ kind: Type.Union([Type.Literal('sessions'), Type.Literal('calls')]), from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }), cursor: Type.Optional(Type.String({ maxLength: 200 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), number: Type.Optional(Type.String({ pattern: '^\\d{9}$' })) });
const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const detailsRoutes =
  (ctx: AssaContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get('/api/v1/details', { schema: { summary: 'A-DET-1/2: calls or data sessions of a period, keyset-paged, with totals', querystring: Q, response: { 200: Type.Object({ items: Type.Array(Type.Record(Type.String(), Type.Unknown())), nextCursor: Type.Union([Type.String(), Type.Null()]), totals: Type.Object({ count: Type.Integer(), seconds: Type.Integer(), inBytes: Type.Integer(), outBytes: Type.Integer(), cost: Type.Integer() }), periodTotals: Type.Object({ count: Type.Integer(), seconds: Type.Integer(), inBytes: Type.Integer(), outBytes: Type.Integer(), cost: Type.Integer() }) }), 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
      await requireSectionOpen(ctx, c, 'details');
      const page = await detailsPage(ctx, c.number, req.query);
      return { ...page, items: page.items as unknown as Array<Record<string, unknown>> };
    });

    app.get('/api/v1/details.csv', { schema: { summary: 'A-DET-3: the same as CSV', querystring: Q } }, async (req, reply) => {
      const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
      await requireSectionOpen(ctx, c, 'details');
      const { list } = await detailRows(ctx, c.number, { ...req.query, limit: 500 });
      // People read the export: times in Kyiv (the header says so), as on screen; UTC stays inside.
      const head = req.query.kind === 'sessions' ? ['started (Kyiv)', 'ended (Kyiv)', 'ip', 'bytes_in', 'bytes_out', 'seconds', 'stop_cause'] : ['started (Kyiv)', 'peer', 'direction', 'seconds', 'cost_kopecks'];
      const kyiv = (t: string | null | undefined) => (t ? kyivDateTime(t) : '');
      const lines = list.map((r) => (req.query.kind === 'sessions' ? [kyiv(r.startedAt), kyiv(r.endedAt), r.ip, r.inBytes, r.outBytes, r.seconds, r.stopCause] : [kyiv(r.startedAt), r.peer, r.direction, r.seconds, r.cost]).map(csvCell).join(','));
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="details-${req.query.kind}.csv"`);
      return [head.join(','), ...lines].join('\n') + '\n';
    });
  };
