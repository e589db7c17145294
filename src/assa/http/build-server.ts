// The ASSA HTTP API (CONTRACTS.md): Fastify with TypeBox schemas on every route (the
// same schemas validate requests and make /api/v1/openapi.json), the contract's error
// shape, cookies, rate limits. Route plugins live in routes/; part 2 adds its own.
// Layers, outermost first: the server's pino logger with a request id per request,
// hardening (headers, Host list, one value per query parameter), metrics, rate limits,
// then the routes. /health and /metrics sit outside /api/v1.
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { addressList, LOOPBACK_CLIENTS } from '../security/address-list';
import { KdfBusyError } from '../security/password-hash';
import { observabilityRoutes, registerHttpMetrics } from '../observability/observability-routes';
import type { AssaContext } from './context';
import { fail, HttpError } from './errors';
import { StoreError } from '../store/open-database';
import { bindIdempotencyKeys } from './idempotency-binding';
import { authenticate } from './auth';
import { registerHardening, registerHashBudget } from './hardening';
import { registerRequestContext } from './request-context';
import { accountRoutes } from './routes/account-routes';
import { identityRoutes } from './routes/identity-routes';
import { detailsRoutes } from './routes/details-routes';
import { utilitiesRoutes } from './routes/utilities-routes';
import { groupRoutes } from './routes/group-routes';
import { helpRoutes } from './routes/help-routes';
import { invoiceRoutes } from './routes/invoice-routes';
import { moneyRoutes } from './routes/money-routes';
import { networkRoutes } from './routes/network-routes';
import { servicesRoutes } from './routes/services-routes';
import { tariffsRoutes } from './routes/tariffs-routes';
import { securityRoutes } from './routes/security-routes';
import { sessionRoutes } from './routes/session-routes';
import { operatorPlugin } from '../operator/operator-plugin';
import { consoleStatic } from '../operator/console-static';
import { corporateRegistrationRoutes } from './routes/corporate-registration-routes';
import { catalogueTextRoutes } from './routes/catalogue-text-routes';
import { portalStatic } from './portal-static';

/**
 * One access line per request instead of fastify's two ("incoming request", then "request
 * completed"): half the log writing on every request (issue 11). The line carries the
 * request as well, through its route's serializers (the recovery link's token stays out).
 */
class OneLineRequestLog extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ req, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

export interface BuildOptions {
  https?: { cert: string | Buffer; key: string | Buffer };
  trustProxy?: boolean | string[];
  /** Who may read /metrics (default loopback). */
  metricsClients?: readonly string[];
  /** The renderer build; its portal entry is served at / (none: API only). */
  webRoot?: string | null;
}

export async function buildAssaServer(ctx: AssaContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  // One Fastify type for both HTTP and HTTPS (the routes never see the difference).
  const serverOptions = {
    loggerInstance: ctx.log as FastifyBaseLogger,
    bodyLimit: 64 * 1024,
    genReqId: () => randomUUID(),
    // A client-chosen id would let anyone forge log correlation; we always draw our own.
    requestIdHeader: false,
    logController: new OneLineRequestLog(),
    ...(opts.https ? { https: opts.https } : {}),
    ...(opts.trustProxy !== undefined ? { trustProxy: opts.trustProxy } : {}),
  } as FastifyServerOptions;
  const app = Fastify(serverOptions).withTypeProvider<TypeBoxTypeProvider>();
  await registerHardening(app, ctx.config);
  registerHttpMetrics(app, ctx.metrics);
  registerHashBudget(app, ctx);
  registerRequestContext(app);
  await app.register(cookie);
  await app.register(rateLimit, {
    max: ctx.config.rateLimit.global,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, c) => ({ statusCode: 429, error: { code: 'rate_limited', message: `Too many requests; try again in ${Math.ceil(c.ttl / 1000)} s.` } }),
  });
  await app.register(swagger, { openapi: { openapi: '3.0.3', info: { title: 'ASSA — Automatic Subscriber Self-Service', version: '1' } } });

  app.setErrorHandler((thrown, req, reply) => {
    // A transaction that kept conflicting with concurrent ones (PostgreSQL, after its
    // retries) did nothing: the server is busy, not broken, and the client may simply retry
    // (a 5xx also frees its Idempotency-Key for that retry).
    const err = thrown instanceof StoreError && thrown.code === 'transaction_conflict' ? transactionConflict(req.log, thrown) : thrown;
    if (err instanceof KdfBusyError) {
      req.log.warn({ retryAfterS: err.retryAfterS }, 'password hash queue full');
      return reply.code(503).header('retry-after', String(err.retryAfterS)).send({ error: { code: err.code, message: err.message } });
    }
    if (err instanceof HttpError) {
      const retry = err.details?.retryAfterS;
      if (typeof retry === 'number') reply.header('retry-after', String(retry));
      return reply.code(err.status).send({ error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}), ...(err.details ? { details: err.details } : {}) } });
    }
    const e = err as { validation?: Array<{ instancePath?: string; params?: { missingProperty?: string } }>; statusCode?: number; message: string; code?: string };
    if (e.validation) {
      const v = e.validation[0];
      const field = (v?.params?.missingProperty ?? v?.instancePath?.replace(/^\//, '').split('/')[0]) || undefined;
      return reply.code(400).send({ error: { code: 'invalid_request', message: e.message, ...(field ? { field } : {}) } });
    }
    if (e.statusCode === 429) return reply.code(429).send(err);
    if (e.statusCode && e.statusCode < 500) return reply.code(e.statusCode).send({ error: { code: 'bad_request', message: e.message } });
    req.log.error({ err }, 'unhandled error, answered 500');
    return reply.code(500).send({ error: { code: 'internal', message: 'Something went wrong on the server.' } });
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: { code: 'not_found', message: 'No such API path.' } }));

  await app.register(observabilityRoutes(ctx, addressList(opts.metricsClients ?? LOOPBACK_CLIENTS, '--metrics-clients')));
  // The subscriber API: one encapsulated plugin whose onRequest hook authenticates every
  // route in it; a route opts out with `config: { public: true }`. The operator API is
  // its own plugin beside it (its own sessions), never inside.
  await app.register(async (api) => {
    api.addHook('onRequest', authenticate(ctx));
    bindIdempotencyKeys(api, ctx);
    await api.register(identityRoutes(ctx));
    await api.register(sessionRoutes(ctx));
    await api.register(accountRoutes(ctx));
    await api.register(securityRoutes(ctx));
    await api.register(networkRoutes(ctx));
    const money = ctx.store.money;
    await api.register(moneyRoutes(ctx, ctx.gateway ?? null));
    await api.register(tariffsRoutes(ctx, money));
    await api.register(servicesRoutes(ctx));
    await api.register(detailsRoutes(ctx));
    await api.register(utilitiesRoutes(ctx));
    await api.register(groupRoutes(ctx));
    await api.register(helpRoutes(ctx));
    await api.register(invoiceRoutes(ctx, money));
    await api.register(corporateRegistrationRoutes(ctx));
    await api.register(catalogueTextRoutes(ctx));
  });
  await app.register(operatorPlugin(ctx, ctx.demoClock ?? null));
  await app.register(consoleStatic());
  if (opts.webRoot) await app.register(portalStatic({ webRoot: opts.webRoot, log: (l) => ctx.log.warn(l) }));
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}

/** Seconds a client waits before retrying a request whose transaction kept conflicting (Retry-After). */
export const TRANSACTION_CONFLICT_RETRY_S = 1;

function transactionConflict(log: FastifyBaseLogger, e: StoreError) {
  log.warn({ reason: e.message }, 'transaction kept conflicting, answered 503');
  return fail(503, 'transaction_conflict', 'The server is busy with other operations on this number; nothing was done. Try again in a moment.', undefined, { retryAfterS: TRANSACTION_CONFLICT_RETRY_S });
}
