// A-SEC-3..7: login history, protected sections opened by a RUNA, password and e-mail
// change with a notice, recovery that reveals nothing, curators.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { normaliseNumber } from '../../../shared/phone-number';
import { addCurator, curatorsOverview, removeCurator } from '../../services/curator-service';
import { changeEmail, changePassword, confirmRecovery, RECOVERY_CONFIRM_PATH, requestRecovery } from '../../services/account-security';
import { loginHistory } from '../../services/login-service';
import { chooseProtectedSections, closeProtectedSections, openProtectedSections, protectedSections } from '../../services/protected-sections';
import { requireSectionOpen, requireSubscriber } from '../auth';
import type { AssaContext } from '../context';
import { HttpError } from '../errors';
import { ErrorSchema, Ok } from './schemas';

export const SECTIONS = ['services', 'tariff', 'utilities', 'transfer', 'security', 'payments', 'details'] as const;
const Sections = Type.Array(Type.Union(SECTIONS.map((s) => Type.Literal(s))), { maxItems: SECTIONS.length, uniqueItems: true });

const escapeHtml = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** The two small pages of the recovery link; no script, no outside resource (the CSP allows none). */
const recoveryPage = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

export const securityRoutes =
  (ctx: AssaContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/security/logins',
      { schema: { summary: 'A-SEC-3: every login attempt with time and IP', response: { 200: Type.Array(Type.Object({ at: Type.String(), ip: Type.String(), success: Type.Boolean(), reason: Type.Union([Type.String(), Type.Null()]) })), 401: ErrorSchema, 403: ErrorSchema } } },
      async (req) => {
        const c = await requireSubscriber(ctx, req);
        await requireSectionOpen(ctx, c, 'security');
        return loginHistory(ctx, c.number);
      },
    );

    app.get('/api/v1/security/protected', { schema: { summary: 'A-SEC-4: protected sections', response: { 200: Type.Object({ sections: Type.Array(Type.String()), openUntil: Type.Union([Type.String(), Type.Null()]) }), 401: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      return protectedSections(ctx, c.number, c.session);
    });

    app.put('/api/v1/security/protected', { schema: { summary: 'A-SEC-4: choose the protected sections', body: Type.Object({ sections: Sections }, { additionalProperties: false }), response: { 200: Ok, 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await requireSectionOpen(ctx, c, 'security');
      await chooseProtectedSections(ctx, c.number, req.body.sections);
      return { ok: true };
    });

    app.post('/api/v1/security/protected/unlock', { schema: { summary: 'A-SEC-4/A-RUNA-4: open protected sections with a RUNA', body: Type.Object({ runa: Type.String({ maxLength: 16 }) }, { additionalProperties: false }), response: { 200: Ok, 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await openProtectedSections(ctx, c.number, c.session, req.body.runa);
      return { ok: true };
    });

    // A-RUNA-3: leaving the protected sections closes them at once; re-entering needs a new RUNA.
    app.delete('/api/v1/security/protected/unlock', { schema: { summary: 'A-RUNA-3: leave the protected sections (closes them for this session)', response: { 200: Ok, 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await closeProtectedSections(ctx, c.session);
      return { ok: true };
    });

    app.put(
      '/api/v1/security/password',
      { config: { hashes: true }, schema: { summary: 'A-SEC-5: change the password (the old one required); every other session of the number ends', body: Type.Object({ oldPassword: Type.String({ maxLength: 64 }), newPassword: Type.String({ maxLength: 64 }) }, { additionalProperties: false }), response: { 200: Type.Object({ ok: Type.Literal(true), endedSessions: Type.Integer() }), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema } } },
      async (req) => {
        const c = await requireSubscriber(ctx, req);
        await requireSectionOpen(ctx, c, 'security');
        const { endedSessions } = await changePassword(ctx, { number: c.number, sessionTokenHash: c.session.token_hash, oldPassword: req.body.oldPassword, newPassword: req.body.newPassword, ip: req.ip });
        return { ok: true as const, endedSessions };
      },
    );

    app.put(
      '/api/v1/security/email',
      { config: { hashes: true }, schema: { summary: 'A-SEC-5: change the e-mail with the current password (notice to the old and the new address)', body: Type.Object({ email: Type.String({ maxLength: 254 }), password: Type.String({ maxLength: 64 }) }, { additionalProperties: false }), response: { 200: Ok, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema } } },
      async (req) => {
        const c = await requireSubscriber(ctx, req);
        await requireSectionOpen(ctx, c, 'security');
        await changeEmail(ctx, { number: c.number, password: req.body.password, email: req.body.email, ip: req.ip });
        return { ok: true };
      },
    );

    app.post(
      '/api/v1/password-recovery',
      {
        config: { public: true, hashes: true, rateLimit: { max: ctx.config.rateLimit.login, timeWindow: '1 minute' } },
        schema: { summary: 'A-SEC-6: a single-use link to the registered e-mail; nothing changes until it is followed; the answer reveals nothing', body: Type.Object({ number: Type.String({ maxLength: 32 }), email: Type.String({ maxLength: 254 }) }, { additionalProperties: false }), response: { 202: Type.Object({ message: Type.String() }) } },
      },
      async (req, reply) => {
        const n = normaliseNumber(req.body.number);
        requestRecovery(ctx, { number: n.ok ? n.number : null, email: req.body.email, ip: req.ip, origin: `${req.protocol}://${req.host}` });
        reply.code(202);
        return { message: 'If the number and e-mail match a registered account, a link to set a new password has been sent to that e-mail. Until it is followed the current password keeps working.' };
      },
    );

    // The mailed link opens a page with one button (a GET changes nothing: mail scanners
    // follow links); the button posts the token, as an API client may post it as JSON.
    const hideToken = { req: (r: { method: string; url: string }) => ({ method: r.method, url: r.url.replace(/token=[^&]*/g, 'token=[redacted]') }) };
    app.get(
      RECOVERY_CONFIRM_PATH,
      { config: { public: true }, logSerializers: hideToken, schema: { summary: 'A-SEC-6: the page the mailed link opens (a button that confirms; nothing changes here)', querystring: Type.Object({ token: Type.String({ maxLength: 200 }) }), produces: ['text/html'] } },
      async (req, reply) => {
        reply.type('text/html; charset=utf-8');
        return recoveryPage('Set a new ASSA password', `<p>Press the button to get a new password by e-mail. Your current password stops working then.</p><form method="post" action="${RECOVERY_CONFIRM_PATH}"><input type="hidden" name="token" value="${escapeHtml(req.query.token)}"><button type="submit">Send me a new password</button></form>`);
      },
    );
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    app.post(
      RECOVERY_CONFIRM_PATH,
      {
        config: { public: true, hashes: true },
        schema: { summary: 'A-SEC-6: confirm a recovery link (JSON or the page’s form): a new password is set and mailed, every session ends', body: Type.Object({ token: Type.String({ maxLength: 200 }) }, { additionalProperties: false }), response: { 200: Type.Object({ ok: Type.Literal(true), message: Type.String() }), 400: ErrorSchema } },
      },
      async (req, reply) => {
        const fromPage = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
        try {
          await confirmRecovery(ctx, { token: req.body.token, ip: req.ip });
        } catch (e) {
          if (!fromPage || !(e instanceof HttpError)) throw e;
          // The page's own answer is HTML (a person reads it), the JSON schema is for API clients.
          return reply.code(e.status as 400).type('text/html; charset=utf-8').send(recoveryPage('This link does not work', `<p>${escapeHtml(e.message)}</p>`) as never);
        }
        const message = 'A new password has been sent to your e-mail. Log in with it and change it.';
        if (fromPage) {
          return reply.type('text/html; charset=utf-8').send(recoveryPage('New password sent', `<p>${message}</p>`) as never);
        }
        return { ok: true as const, message };
      },
    );

    app.get('/api/v1/security/curators', { schema: { summary: 'A-SEC-7: my curators and the numbers I curate', response: { 200: Type.Object({ curators: Type.Array(Type.Object({ number: Type.String(), level: Type.String(), since: Type.String() })), curating: Type.Array(Type.Object({ number: Type.String(), level: Type.String() })) }), 401: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      return curatorsOverview(ctx, c.number);
    });

    app.post(
      '/api/v1/security/curators',
      { schema: { summary: 'A-SEC-7: name a curator (view or manage)', body: Type.Object({ number: Type.String({ maxLength: 32 }), level: Type.Union([Type.Literal('view'), Type.Literal('manage')]) }, { additionalProperties: false }), response: { 200: Ok, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema } } },
      async (req) => {
        const c = await requireSubscriber(ctx, req);
        await requireSectionOpen(ctx, c, 'security');
        return addCurator(ctx, c.number, req.body.number, req.body.level, req.ip);
      },
    );

    app.delete(
      '/api/v1/security/curators/:curator',
      { schema: { summary: 'A-SEC-7: revoke a curator at once', params: Type.Object({ curator: Type.String({ pattern: '^\\d{9}$' }) }), response: { 200: Ok, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema } } },
      async (req) => {
        const c = await requireSubscriber(ctx, req);
        await requireSectionOpen(ctx, c, 'security');
        return removeCurator(ctx, c.number, req.params.curator, req.ip);
      },
    );
  };
