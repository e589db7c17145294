// Defences every answer gets, before any route runs (issue 12, OWASP ASVS 5.0 V3/V4):
// security headers (helmet: nosniff, frame-ancestors 'none', a same-origin CSP, HSTS when
// served over HTTPS), `Cache-Control: no-store` on the API (account data never lands in a
// shared or browser cache), a Host allow-list (a DNS-rebinding page cannot talk to a
// loopback server, a forged Host cannot poison links), and one value per query parameter
// (a repeated `?number=` is a clear 400, never an array that a route mistakes for a string).
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AssaConfig, AssaContext } from './context';
import { clientKey } from '../security/fair-kdf-queue';
import { fail } from './errors';

/** A Host header allowed by the list: an entry with a port matches exactly, one without matches any port. */
export function hostAllowed(hostHeader: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  if (!hostHeader) return false;
  const h = hostHeader.trim().toLowerCase();
  const name = h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.replace(/:\d+$/, '');
  return allowed.some((a) => {
    const x = a.trim().toLowerCase();
    return x === h || x === name;
  });
}

/** helmet's options for this server: the same for every answer (no per-route options, no CSP nonces). */
const helmetOptions = (config: Pick<AssaConfig, 'secureCookies'>): FastifyHelmetOptions => ({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  // HSTS only means something over HTTPS; on plain loopback HTTP it would be noise.
  strictTransportSecurity: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  crossOriginResourcePolicy: { policy: 'same-origin' },
});

/**
 * The headers helmet sets with these options, worked out once at start: @fastify/helmet
 * rebuilds its middleware (and re-parses the CSP) on every request, which cost a GET
 * /account about as much as its database reads (issue 11). A throwaway server with
 * @fastify/helmet answers one request; what it added to a bare answer is the set.
 */
export async function securityHeaders(config: Pick<AssaConfig, 'secureCookies'>): Promise<Record<string, string>> {
  const answer = async (withHelmet: boolean) => {
    const probe = Fastify();
    if (withHelmet) await probe.register(helmet, helmetOptions(config));
    probe.get('/', async () => 'probe');
    const r = await probe.inject('/');
    await probe.close();
    return r.headers;
  };
  const [bare, helmeted] = await Promise.all([answer(false), answer(true)]);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(helmeted)) if (!(k in bare) && v !== undefined) headers[k] = String(v);
  return headers;
}

export async function registerHardening(app: FastifyInstance, config: Pick<AssaConfig, 'allowedHosts' | 'secureCookies'>): Promise<void> {
  const headers = await securityHeaders(config);
  // These hooks never wait, so they are callback hooks: an async one costs every request a
  // promise and its turn of the microtask queue (issue 11).
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(headers);
    reply.header('x-request-id', req.id);
    if (!hostAllowed(req.headers.host, config.allowedHosts)) {
      req.log.warn({ host: req.headers.host }, 'host not in the allowed list');
      return done(fail(421, 'host_not_allowed', 'This server does not answer for that host name.'));
    }
    for (const [k, v] of Object.entries((req.query ?? {}) as Record<string, unknown>)) {
      if (Array.isArray(v)) return done(fail(400, 'repeated_parameter', `The query parameter "${k}" may appear once.`, k));
    }
    done();
  });

  app.addHook('onSend', (req, reply, payload, done) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route computes a password hash: it draws on the caller address's hash budget. */
    hashes?: boolean;
  }
}

/** Routes marked `config: { hashes: true }` cost the caller's address one unit of its hash budget; an empty budget is 429 with Retry-After. */
export function registerHashBudget(app: FastifyInstance, ctx: Pick<AssaContext, 'throttle' | 'config'>): void {
  app.addHook('onRequest', (req, reply, done) => {
    if (!req.routeOptions.config.hashes) return done();
    const wait = ctx.throttle.check(`hash:${clientKey(req.ip)}`, ctx.config.hashBudget);
    if (wait) {
      reply.header('retry-after', String(wait));
      req.log.warn({ ip: req.ip, route: req.routeOptions.url }, 'hash budget of this address used up');
      return done(fail(429, 'rate_limited', `Too many password checks from this address; try again in ${wait} s.`, undefined, { retryAfterS: wait }));
    }
    done();
  });
}
