// Who is asking (A-SEC-1, A-SEC-7), in two steps:
// - authentication is a hook (`authenticate`) on the encapsulated subscriber plugin: the
//   session cookie (HttpOnly, SameSite=Strict, token stored hashed) with idle and absolute
//   timeouts, and the CSRF token echoed in a header on every state-changing request. Every
//   route registered in that plugin is protected unless it opts out with
//   `config: { public: true }` — a new route cannot forget it.
// - authorisation is `requireSubscriber(ctx, req, opts)` in the handler: which number the
//   request acts on (`?number=` for a curator, A-SEC-7/A-GRP-1) and at which level.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebSessionRow } from '../store/assa-store';
import { sha256 } from '../security/tokens';
import { sectionClosed } from '../services/protected-sections';
import { termsAccepted } from '../services/terms-service';
import type { AssaContext } from './context';
import { fail } from './errors';

export const SESSION_COOKIE = 'assa_session';
export const CSRF_COOKIE = 'assa_csrf';
/** Over HTTPS the cookies carry the __Host- prefix: Secure, Path=/, no Domain, so a sibling subdomain cannot plant one. */
const HOST_PREFIX = '__Host-';
export const sessionCookieName = (ctx: AssaContext) => (ctx.config.secureCookies ? HOST_PREFIX : '') + SESSION_COOKIE;
export const csrfCookieName = (ctx: AssaContext) => (ctx.config.secureCookies ? HOST_PREFIX : '') + CSRF_COOKIE;
export const CSRF_HEADER = 'x-csrf-token';
/**
 * A session's last_seen_at is written at most once a minute: a read costs no write (on
 * SQLite no fsync) and any node may serve the next request from the database. The idle
 * timeout is measured from the stored value, so a session may end up to this much before
 * idleTimeoutMs after its last request, never after.
 */
export const SESSION_TOUCH_MS = 60_000;
export const sessionTouchDue = (lastSeenAt: number, now: number): boolean => now - lastSeenAt >= SESSION_TOUCH_MS;

export interface Caller {
  /** The logged-in number. */
  self: string;
  /** The number the request acts on (self, or one this caller curates). */
  number: string;
  actingAs: 'self' | 'curator-view' | 'curator-manage';
  session: WebSessionRow;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Opts a route of the subscriber plugin out of authentication (login, registration, recovery, ...). */
    public?: boolean;
  }
  interface FastifyRequest {
    /** Set by `authenticate` for every non-public subscriber route. */
    subscriberSession?: WebSessionRow;
  }
}

/** The subscriber plugin's onRequest hook: 401 without a live session, 403 on a write without its CSRF token. */
export function authenticate(ctx: AssaContext) {
  return async (req: FastifyRequest): Promise<void> => {
    if (req.routeOptions.config.public) return;
    const s = await currentSession(ctx, req);
    if (!s) throw fail(401, 'not_logged_in', 'Log in first; the session ended or never started.');
    if (!SAFE.has(req.method)) {
      const h = req.headers[CSRF_HEADER];
      if (typeof h !== 'string' || h !== s.csrf) throw fail(403, 'csrf_failed', 'The request did not carry this session’s CSRF token.');
    }
    if (sessionTouchDue(s.last_seen_at, ctx.clock.now())) await ctx.store.touchSession(s.token_hash, ctx.clock.now());
    req.subscriberSession = s;
  };
}

export async function currentSession(ctx: AssaContext, req: FastifyRequest): Promise<WebSessionRow | null> {
  const token = req.cookies[sessionCookieName(ctx)];
  if (!token) return null;
  const hash = sha256(token);
  const s = await ctx.store.session(hash);
  if (!s) return null;
  const now = ctx.clock.now();
  if (now - s.last_seen_at > ctx.config.idleTimeoutMs || now - s.created_at > ctx.config.absoluteTimeoutMs) {
    await ctx.store.deleteSession(hash);
    return null;
  }
  return s;
}

/** The caller this route acts for: the authenticated session's number, or with `?number=` one it curates (A-SEC-7, A-GRP-1) when the route allows curators. */
export async function requireSubscriber(ctx: AssaContext, req: FastifyRequest, opts: { curatorAllowed?: boolean } = {}): Promise<Caller> {
  const s = req.subscriberSession;
  // Only reachable from a route that opted out of authentication and still asks for a caller.
  if (!s) throw fail(401, 'not_logged_in', 'Log in first; the session ended or never started.');
  const target = (req.query as { number?: string } | undefined)?.number;
  if (!target || target === s.number) return { self: s.number, number: s.number, actingAs: 'self', session: s };
  if (!opts.curatorAllowed) throw fail(403, 'forbidden', 'This can only be done for your own number.');
  const level = (await ctx.store.curatorLevel(target, s.number)) ?? ((await ctx.store.isGroupCurator(s.number, target)) ? 'manage' : null);
  if (!level) throw fail(403, 'forbidden', 'You are not a curator of that number.');
  if (level === 'view' && !SAFE.has(req.method)) throw fail(403, 'curator_view_only', 'Your curator access to that number is view only.');
  return { self: s.number, number: target, actingAs: level === 'view' ? 'curator-view' : 'curator-manage', session: s };
}

/** A-SEC-4: a section the owner protected needs a RUNA activated within 10 minutes for this session (services/protected-sections.ts). */
export async function requireSectionOpen(ctx: AssaContext, caller: Caller, section: string): Promise<void> {
  if (await sectionClosed(ctx, caller.number, caller.session, section)) {
    throw fail(403, 'section_protected', 'This section is protected: activate a RUNA from your phone or modem and enter it to open it.', undefined, { section });
  }
}

/** A-SVC-3: Services and Change package open once the terms of use are accepted. */
export async function requireTermsAccepted(ctx: AssaContext, caller: Caller): Promise<void> {
  if (!(await termsAccepted(ctx, caller.number))) throw fail(403, 'terms_required', 'Accept the terms of use once to open Services and Change package.');
}

export function setSessionCookies(ctx: AssaContext, reply: FastifyReply, token: string, csrf: string): void {
  const base = { path: '/', sameSite: 'strict' as const, secure: ctx.config.secureCookies };
  reply.setCookie(sessionCookieName(ctx), token, { ...base, httpOnly: true });
  // Readable by the page (double-submit): it proves the request came from our own origin.
  reply.setCookie(csrfCookieName(ctx), csrf, { ...base, httpOnly: false });
}

export function clearSessionCookies(ctx: AssaContext, reply: FastifyReply): void {
  const base = { path: '/', sameSite: 'strict' as const, secure: ctx.config.secureCookies };
  reply.clearCookie(sessionCookieName(ctx), base);
  reply.clearCookie(csrfCookieName(ctx), base);
}
