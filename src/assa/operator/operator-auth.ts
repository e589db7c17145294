// The operator's own session (issue 14): cookie `assa_operator_session` (HttpOnly,
// SameSite=Strict, Path=/api/v1/operator so it never travels to the subscribers' routes),
// its token stored only as sha256 in operator_sessions — a table the subscriber routes
// never read, as the operator routes never read web_sessions. CSRF by double submit
// (`assa_operator_csrf` cookie, `x-csrf-token` header), the same idle and absolute
// timeouts as subscribers, read from the server's clock (the demo clock moves them).
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fail } from '../http/errors';
import { sessionTouchDue } from '../http/auth';
import { sha256 } from '../security/tokens';
import type { OperatorRow, OperatorSessionRow } from '../store/operator-store';
import type { OperatorDeps } from './operator-deps';
import { may, type Permission } from './roles';

export const OPERATOR_SESSION_COOKIE = 'assa_operator_session';
export const OPERATOR_CSRF_COOKIE = 'assa_operator_csrf';
export const OPERATOR_API = '/api/v1/operator';
const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface OperatorCaller {
  login: string;
  role: OperatorRow['role'];
  mustChangePassword: boolean;
  session: OperatorSessionRow;
}

/** What a route asks of its caller, in its `config.operator`. */
export interface OperatorRouteRule {
  /** No session needed (logging in). */
  public?: boolean;
  /** Reachable with the one-time password still in place (changing it, logging out, whoami). */
  oneTimeOk?: boolean;
  permission?: Permission;
}

export async function currentOperator(d: OperatorDeps, req: FastifyRequest): Promise<OperatorCaller | null> {
  const token = req.cookies[OPERATOR_SESSION_COOKIE];
  if (!token) return null;
  const hash = sha256(token);
  const s = await d.ops.session(hash);
  if (!s) return null;
  const now = d.ctx.clock.now();
  if (now - s.last_seen_at > d.ctx.config.idleTimeoutMs || now - s.created_at > d.ctx.config.absoluteTimeoutMs) {
    await d.ops.deleteSession(hash);
    return null;
  }
  const op = await d.ops.operator(s.login);
  if (!op || op.disabled_at) return null;
  return { login: op.login, role: op.role, mustChangePassword: op.must_change_password === 1, session: s };
}

/** The preHandler of every operator route: session, CSRF, one-time password, role. */
export async function authorise(d: OperatorDeps, req: FastifyRequest, rule: OperatorRouteRule): Promise<OperatorCaller | null> {
  if (rule.public) return null;
  const c = await currentOperator(d, req);
  if (!c) throw fail(401, 'not_logged_in', 'Log in as an operator first; the session ended or never started.');
  if (!SAFE.has(req.method)) {
    const h = req.headers[CSRF_HEADER];
    if (typeof h !== 'string' || h !== c.session.csrf) throw fail(403, 'csrf_failed', 'The request did not carry this session’s CSRF token.');
  }
  if (sessionTouchDue(c.session.last_seen_at, d.ctx.clock.now())) await d.ops.touchSession(c.session.token_hash, d.ctx.clock.now());
  if (c.mustChangePassword && !rule.oneTimeOk) throw fail(403, 'password_change_required', 'Replace the one-time password first (PUT /api/v1/operator/password).');
  if (rule.permission && !may(c.role, rule.permission)) throw fail(403, 'forbidden_role', `The ${c.role} role may not do this.`, undefined, { permission: rule.permission });
  return c;
}

export function setOperatorCookies(d: OperatorDeps, reply: FastifyReply, token: string, csrf: string): void {
  const base = { sameSite: 'strict' as const, secure: d.ctx.config.secureCookies };
  reply.setCookie(OPERATOR_SESSION_COOKIE, token, { ...base, path: OPERATOR_API, httpOnly: true });
  // Readable by the console's script (double submit); worthless without the session cookie.
  reply.setCookie(OPERATOR_CSRF_COOKIE, csrf, { ...base, path: '/', httpOnly: false });
}

export function clearOperatorCookies(reply: FastifyReply): void {
  reply.clearCookie(OPERATOR_SESSION_COOKIE, { path: OPERATOR_API });
  reply.clearCookie(OPERATOR_CSRF_COOKIE, { path: '/' });
}
