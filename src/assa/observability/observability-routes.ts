// GET /health (the database answers) and GET /metrics (Prometheus text), outside /api/v1
// and outside rate limits so that a probe never competes with subscribers; plus the hook
// that counts every answer by its route pattern (not the raw URL: no number or token
// ever becomes a label).
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { AssaContext } from '../context';
import type { AddressList } from '../security/address-list';
import type { AssaMetrics } from './metrics';

export function registerHttpMetrics(app: FastifyInstance, m: AssaMetrics): void {
  // A callback hook: it never waits (an async one costs a promise per request).
  app.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    m.httpRequests.inc({ method: req.method, route, status: String(reply.statusCode) });
    m.httpLatency.observe({ method: req.method, route }, reply.elapsedTime / 1000);
    done();
  });
}

export const observabilityRoutes =
  (ctx: AssaContext, metricsClients: AddressList): FastifyPluginAsync =>
  async (app) => {
    app.get('/health', { config: { rateLimit: false }, schema: { hide: true } }, async (req, reply) => {
      try {
        // A primary-key lookup: the cheapest query that proves the database answers.
        await ctx.store.tariff('');
        return { status: 'ok' };
      } catch (e) {
        req.log.error({ err: e }, 'health: the database does not answer');
        return reply.code(503).send({ status: 'unavailable', error: { code: 'database_unavailable', message: 'The database does not answer.' } });
      }
    });
    // Figures about the whole service are for the operator's monitoring host only.
    app.get('/metrics', { config: { rateLimit: false }, schema: { hide: true } }, async (req, reply) => {
      if (!metricsClients.has(req.socket.remoteAddress ?? '')) return reply.code(404).send({ error: { code: 'not_found', message: 'No such API path.' } });
      reply.header('content-type', ctx.metrics.registry.contentType);
      return ctx.metrics.registry.metrics();
    });
  };
