// Idempotency-Key at the HTTP level (issue 12 finding 7; the contract's 422
// `idempotency_key_reused`). Hooks on the subscriber plugin, before any handler runs:
// - a key is bound to its route and a hash of what the request asks (path parameters,
//   query, body): the same key with another route or body is 422, never a replay of an
//   answer to something else (and never the HTTP 500 a replay in the wrong shape gave);
// - a key is reserved (in flight) before the work starts: a duplicate sent while the first
//   is still running gets 409 `idempotency_in_flight` with Retry-After, so two concurrent
//   retries can never both charge. A finished key lets the handler replay its stored answer
//   (the money use cases keep those, src/assa/store/money-store.ts).
// A 5xx frees the key (nothing was answered that a retry must repeat). A reservation is
// owned by the node (the `assa server` process) that runs it: a retry of a key whose owner
// has died (kill -9, a crash) takes it over at once and runs again, and the money use cases
// finish the first attempt's work from its records (the payment state machine, the stored
// answers) without applying anything twice; a live owner's reservation stays 409. Only a
// reservation whose owner cannot be judged is taken over by age, after
// IDEMPOTENCY_CLAIM_STALE_MS (store/security-store.ts, store/node-liveness.ts).
import type { FastifyInstance, FastifyRequest, onSendAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { AssaContext } from '../context';
import { sha256 } from '../security/tokens';
import { fail } from './errors';

/** The last safety net: a request still "in flight" after this long, whose owner node cannot be judged alive or dead, died; its key may be claimed again. */
export const IDEMPOTENCY_CLAIM_STALE_MS = 2 * 60_000;

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim?: { number: string; key: string };
  }
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` are the same request. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as Record<string, unknown>)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export const requestHash = (req: Pick<FastifyRequest, 'params' | 'query' | 'body'>) => sha256(canonical({ params: req.params ?? {}, query: req.query ?? {}, body: req.body ?? null }));

export function bindIdempotencyKeys(api: FastifyInstance, ctx: Pick<AssaContext, 'store' | 'clock'>): void {
  const claim: preHandlerAsyncHookHandler = async (req, reply) => {
    const key = req.headers['idempotency-key'];
    const s = req.subscriberSession;
    // A missing or malformed key is the handler's to refuse (400 idempotency_key_required).
    if (SAFE.has(req.method) || !s || typeof key !== 'string' || key.length < 8 || key.length > 100) return;
    const outcome = await ctx.store.security.claimIdempotencyKey({
      number: s.number,
      key,
      route: `${req.method} ${req.routeOptions.url ?? req.url}`,
      bodyHash: requestHash(req),
      now: ctx.clock.now(),
      staleAfterMs: IDEMPOTENCY_CLAIM_STALE_MS,
    });
    if (outcome === 'reused') throw fail(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request (another route or body). Use a new key for a new request.');
    if (outcome === 'in_flight') {
      reply.header('retry-after', '1');
      throw fail(409, 'idempotency_in_flight', 'A request with this Idempotency-Key is still being processed. Retry in a moment to get its answer.');
    }
    if (outcome === 'taken_over') req.log.warn({ key }, 'Idempotency-Key claim of a dead node taken over: the request runs again and finishes what it began');
    if (outcome === 'claimed' || outcome === 'taken_over') req.idempotencyClaim = { number: s.number, key };
  };

  // onSend runs before the answer leaves, so a retry that follows the answer finds the key done.
  const finish: onSendAsyncHookHandler = async (req, reply, payload) => {
    const c = req.idempotencyClaim;
    if (!c) return payload;
    req.idempotencyClaim = undefined;
    if (reply.statusCode >= 500) await ctx.store.security.releaseIdempotencyKey(c.number, c.key);
    else await ctx.store.security.finishIdempotencyKey(c.number, c.key);
    return payload;
  };

  // Only a route that changes something can carry a key, so only those get the two hooks:
  // a read (GET /account, the busiest route) runs neither (issue 11). They come before the
  // route's own hooks, as a plugin-wide hook would.
  api.addHook('onRoute', (route) => {
    if ([route.method].flat().every((m) => SAFE.has(m))) return;
    route.preHandler = [claim, ...[route.preHandler ?? []].flat()] as typeof route.preHandler;
    route.onSend = [finish, ...[route.onSend ?? []].flat()] as typeof route.onSend;
  });
}
