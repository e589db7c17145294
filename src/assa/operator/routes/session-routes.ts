// Operator log in / log out / who am I / replace the password (the one-time one first).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorSchema, Ok } from '../../http/routes/schemas';
import { sha256 } from '../../security/tokens';
import { clearOperatorCookies, currentOperator, OPERATOR_API, OPERATOR_SESSION_COOKIE, setOperatorCookies } from '../operator-auth';
import type { OperatorDeps } from '../operator-deps';
import { ROLES } from '../roles';
import { changeOperatorPassword, operatorLogin } from '../services/operator-accounts';

const Me = Type.Object({ login: Type.String(), role: Type.String(), mustChangePassword: Type.Boolean(), csrfToken: Type.String(), demoClock: Type.Boolean(), now: Type.String() });

export const operatorSessionRoutes =
  (d: OperatorDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      `${OPERATOR_API}/sessions`,
      {
        config: { operator: { public: true }, rateLimit: { max: d.ctx.config.rateLimit.login, timeWindow: '1 minute' } },
        schema: {
          summary: 'Operator: log in (cookie assa_operator_session, CSRF cookie assa_operator_csrf)',
          body: Type.Object({ login: Type.String({ maxLength: 64 }), password: Type.String({ maxLength: 256 }) }, { additionalProperties: false }),
          response: { 200: Type.Object({ login: Type.String(), role: Type.Union(ROLES.map((r) => Type.Literal(r))), mustChangePassword: Type.Boolean(), csrfToken: Type.String() }), 400: ErrorSchema, 401: ErrorSchema, 423: ErrorSchema },
        },
      },
      async (req, reply) => {
        const old = req.cookies[OPERATOR_SESSION_COOKIE];
        if (old) await d.ops.deleteSession(sha256(old));
        const login = req.body.login.trim().toLowerCase();
        const r = await operatorLogin(d, login, req.body.password, req.ip);
        setOperatorCookies(d, reply, r.token, r.csrf);
        return { login, role: r.role, mustChangePassword: r.mustChangePassword, csrfToken: r.csrf };
      },
    );

    app.delete(`${OPERATOR_API}/sessions/current`, { config: { operator: { public: true } }, schema: { summary: 'Operator: log out', response: { 200: Type.Any(), 201: Type.Any(), 204: Type.Null() } } }, async (req, reply) => {
      const c = await currentOperator(d, req);
      if (c) {
        await d.ops.deleteSession(c.session.token_hash);
        await d.ops.audit({ at: new Date(d.ctx.clock.now()).toISOString(), operator: c.login, action: 'logout', target: `operator:${c.login}`, ip: req.ip });
      }
      clearOperatorCookies(reply);
      reply.code(204);
      return null;
    });

    app.get(`${OPERATOR_API}/me`, { config: { operator: { oneTimeOk: true } }, schema: { summary: 'Operator: who is logged in, and the CSRF token of this session', response: { 200: Me, 401: ErrorSchema } } }, async (req) => {
      const c = req.operator!;
      return { login: c.login, role: c.role, mustChangePassword: c.mustChangePassword, csrfToken: c.session.csrf, demoClock: d.demoClock !== null, now: new Date(d.ctx.clock.now()).toISOString() };
    });

    app.put(
      `${OPERATOR_API}/password`,
      {
        config: { operator: { oneTimeOk: true }, rateLimit: { max: d.ctx.config.rateLimit.login, timeWindow: '1 minute' } },
        schema: {
          summary: 'Operator: replace the password (the one-time password at first login); other sessions end',
          body: Type.Object({ oldPassword: Type.String({ maxLength: 256 }), newPassword: Type.String({ maxLength: 256 }) }, { additionalProperties: false }),
          response: { 200: Ok, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema },
        },
      },
      async (req) => {
        const c = req.operator!;
        await changeOperatorPassword(d, c.login, req.body.oldPassword, req.body.newPassword, c.session.token_hash, req.ip);
        return { ok: true };
      },
    );
  };
