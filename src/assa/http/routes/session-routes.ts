// A-SEC-1/2: log in (session cookie rotated at every login), log out, and the one-step
// unlock of a locked login with a RUNA and a new password.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { normaliseNumber } from '../../../shared/phone-number';
import { endSession, login, unlockWithRuna } from '../../services/login-service';
import { sha256 } from '../../security/tokens';
import { clearSessionCookies, currentSession, sessionCookieName, setSessionCookies } from '../auth';
import type { AssaContext } from '../context';
import { fail } from '../errors';
import { ErrorSchema, Ok } from './schemas';

export const sessionRoutes =
  (ctx: AssaContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/api/v1/sessions',
      {
        // Per number, whichever address the attempts come from (the global limit is per address).
        config: {
          public: true,
          hashes: true,
          rateLimit: {
            max: ctx.config.rateLimit.login,
            timeWindow: '1 minute',
            hook: 'preHandler',
            keyGenerator: (req) => {
              const n = normaliseNumber(String((req.body as { number?: unknown } | undefined)?.number ?? ''));
              return `login:${n.ok ? n.number : req.ip}`;
            },
          },
        },
        schema: {
          summary: 'A-SEC-1: log in; sets the HttpOnly session cookie and the CSRF cookie',
          body: Type.Object({ number: Type.String({ maxLength: 32 }), password: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
          response: { 200: Type.Object({ number: Type.String(), csrfToken: Type.String() }), 400: ErrorSchema, 401: ErrorSchema, 423: ErrorSchema },
        },
      },
      async (req, reply) => {
        const n = normaliseNumber(req.body.number);
        if (!n.ok) throw fail(400, 'invalid_number', 'Enter the number as 0441234567 or 441234567.', 'number');
        // A new login replaces whatever session this browser had (no fixation).
        const old = req.cookies[sessionCookieName(ctx)];
        if (old) await endSession(ctx, sha256(old));
        const { token, csrf } = await login(ctx, n.number, req.body.password, req.ip);
        setSessionCookies(ctx, reply, token, csrf);
        return { number: n.number, csrfToken: csrf };
      },
    );

    app.delete('/api/v1/sessions/current', { config: { public: true }, schema: { summary: 'Log out (acts on this browser’s own cookie; 204 without one too)', response: { 204: Type.Null() } } }, async (req, reply) => {
      const s = await currentSession(ctx, req);
      if (s) await endSession(ctx, s.token_hash);
      clearSessionCookies(ctx, reply);
      reply.code(204);
      return null;
    });

    app.post(
      '/api/v1/sessions/unlock',
      {
        config: { public: true, hashes: true, rateLimit: { max: ctx.config.rateLimit.login, timeWindow: '1 minute' } },
        schema: {
          summary: 'A-SEC-2: unlock a locked login with a RUNA and a new password',
          body: Type.Object({ number: Type.String({ maxLength: 32 }), runa: Type.String({ maxLength: 16 }), newPassword: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
          response: { 200: Ok, 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
        },
      },
      async (req) => {
        const n = normaliseNumber(req.body.number);
        if (!n.ok) throw fail(400, 'invalid_number', 'Enter the number as 0441234567 or 441234567.', 'number');
        await unlockWithRuna(ctx, n.number, req.body.runa, req.body.newPassword, req.ip);
        return { ok: true };
      },
    );
  };
