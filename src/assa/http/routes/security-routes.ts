// A-SEC-3..7: login history, protected sections opened by a RUNA, password and e-mail
// change with a notice, recovery that reveals nothing, curators.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { normaliseNumber } from '../../../shared/phone-number';
import { passwordProblems } from '../../domain/password-rules';
import { sendNotice } from '../../services/notice';
import { useRuna } from '../../services/runa-service';
import { requireSectionOpen, requireSubscriber } from '../auth';
import type { AssaContext } from '../context';
import { fail } from '../errors';
import { ErrorSchema, Ok } from './schemas';

export const SECTIONS = ['services', 'tariff', 'utilities', 'transfer', 'security', 'payments', 'details'] as const;
const Sections = Type.Array(Type.Union(SECTIONS.map((s) => Type.Literal(s))), { maxItems: SECTIONS.length, uniqueItems: true });

/** A new password that meets A-REG-2, for recovery by e-mail. */
function generatedPassword(ctx: AssaContext): string {
  const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  const pick = (s: string) => s[ctx.rng.int(s.length)]!;
  return pick(letters) + pick(digits) + Array.from({ length: 8 }, () => pick(all)).join('');
}

export const securityRoutes =
  (ctx: AssaContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const notify = (to: string | null, subject: string, text: string) => {
      if (to) sendNotice(ctx, { kind: subject, to, subject, text });
    };

    app.get(
      '/api/v1/security/logins',
      { schema: { summary: 'A-SEC-3: every login attempt with time and IP', response: { 200: Type.Array(Type.Object({ at: Type.String(), ip: Type.String(), success: Type.Boolean(), reason: Type.Union([Type.String(), Type.Null()]) })), 401: ErrorSchema, 403: ErrorSchema } } },
      async (req) => {
        const c = await requireSubscriber(ctx, req);
        await requireSectionOpen(ctx, c, 'security');
        return (await ctx.store.loginHistory(c.number)).map((r) => ({ at: r.at, ip: r.ip, success: r.success === 1, reason: r.reason }));
      },
    );

    app.get('/api/v1/security/protected', { schema: { summary: 'A-SEC-4: protected sections', response: { 200: Type.Object({ sections: Type.Array(Type.String()), openUntil: Type.Union([Type.String(), Type.Null()]) }), 401: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      const acc = (await ctx.store.account(c.number))!;
      const opened = c.session.runa_opened_at;
      const until = opened !== null && ctx.clock.now() - opened < 10 * 60_000 ? new Date(opened + 10 * 60_000).toISOString() : null;
      return { sections: JSON.parse(acc.protected_sections) as string[], openUntil: until };
    });

    app.put('/api/v1/security/protected', { schema: { summary: 'A-SEC-4: choose the protected sections', body: Type.Object({ sections: Sections }, { additionalProperties: false }), response: { 200: Ok, 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await requireSectionOpen(ctx, c, 'security');
      await ctx.store.setProtectedSections(c.number, req.body.sections);
      return { ok: true };
    });

    app.post('/api/v1/security/protected/unlock', { schema: { summary: 'A-SEC-4/A-RUNA-4: open protected sections with a RUNA', body: Type.Object({ runa: Type.String({ maxLength: 16 }) }, { additionalProperties: false }), response: { 200: Ok, 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      if (!(await useRuna(ctx, c.number, req.body.runa))) throw fail(403, 'runa_invalid', 'That RUNA is not valid: activate a new one (10 minutes, one use).', 'runa');
      await ctx.store.openProtected(c.session.token_hash, ctx.clock.now());
      return { ok: true };
    });

    // A-RUNA-3: leaving the protected sections closes them at once; re-entering needs a new RUNA.
    app.delete('/api/v1/security/protected/unlock', { schema: { summary: 'A-RUNA-3: leave the protected sections (closes them for this session)', response: { 200: Ok, 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      await ctx.store.openProtected(c.session.token_hash, null);
      return { ok: true };
    });

    app.put(
      '/api/v1/security/password',
      { config: { hashes: true }, schema: { summary: 'A-SEC-5: change the password (the old one required)', body: Type.Object({ oldPassword: Type.String({ maxLength: 64 }), newPassword: Type.String({ maxLength: 64 }) }, { additionalProperties: false }), response: { 200: Ok, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema } } },
      async (req) => {
        const c = await requireSubscriber(ctx, req);
        await requireSectionOpen(ctx, c, 'security');
        const acc = (await ctx.store.account(c.number))!;
        if (!(await ctx.hasher.verify(req.body.oldPassword, acc.password_hash))) throw fail(403, 'bad_credentials', 'The current password is wrong.', 'oldPassword');
        const problems = passwordProblems(req.body.newPassword, c.number);
        if (problems.length) throw fail(400, 'weak_password', problems.map((p) => p.message).join(' '), 'newPassword', { rules: problems.map((p) => p.rule) });
        await ctx.store.setPassword(c.number, await ctx.hasher.hash(req.body.newPassword));
        notify(acc.email, 'Your ASSA password was changed', `The password of ${c.number} was changed at ${new Date(ctx.clock.now()).toISOString()} from ${req.ip}. If it was not you, unlock with a RUNA and set a new one.`);
        return { ok: true };
      },
    );

    app.put(
      '/api/v1/security/email',
      { schema: { summary: 'A-SEC-5: change the e-mail (notice to the old and the new address)', body: Type.Object({ email: Type.String({ maxLength: 254 }) }, { additionalProperties: false }), response: { 200: Ok, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema } } },
      async (req) => {
        const c = await requireSubscriber(ctx, req);
        await requireSectionOpen(ctx, c, 'security');
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(req.body.email)) throw fail(400, 'invalid_email', 'That is not an e-mail address.', 'email');
        const old = (await ctx.store.account(c.number))!.email;
        await ctx.store.setEmail(c.number, req.body.email);
        const text = `The e-mail of the ASSA account ${c.number} was changed to ${req.body.email}.`;
        notify(old, 'Your ASSA e-mail was changed', text);
        notify(req.body.email, 'Your ASSA e-mail was changed', text);
        return { ok: true };
      },
    );

    app.post(
      '/api/v1/password-recovery',
      {
        config: { public: true, hashes: true, rateLimit: { max: ctx.config.rateLimit.login, timeWindow: '1 minute' } },
        schema: { summary: 'A-SEC-6: a new password to the registered e-mail; the answer reveals nothing', body: Type.Object({ number: Type.String({ maxLength: 32 }), email: Type.String({ maxLength: 254 }) }, { additionalProperties: false }), response: { 202: Type.Object({ message: Type.String() }) } },
      },
      async (req, reply) => {
        const n = normaliseNumber(req.body.number);
        const acc = n.ok ? await ctx.store.account(n.number) : undefined;
        const match = !!acc?.email && acc.email.toLowerCase() === req.body.email.trim().toLowerCase();
        const password = generatedPassword(ctx);
        // Hash either way so a match and a miss take the same time.
        const hash = await ctx.hasher.hash(password);
        if (match && acc && n.ok) {
          await ctx.store.setPassword(n.number, hash);
          await ctx.store.deleteSessionsOf(n.number);
          notify(acc.email, 'Your new ASSA password', `A new password for ${n.number}: ${password}\nChange it after logging in.`);
        }
        reply.code(202);
        return { message: 'If the number and e-mail match a registered account, a new password has been sent to that e-mail.' };
      },
    );

    app.get('/api/v1/security/curators', { schema: { summary: 'A-SEC-7: my curators and the numbers I curate', response: { 200: Type.Object({ curators: Type.Array(Type.Object({ number: Type.String(), level: Type.String(), since: Type.String() })), curating: Type.Array(Type.Object({ number: Type.String(), level: Type.String() })) }), 401: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      return {
        curators: (await ctx.store.curatorsOf(c.number)).map((r) => ({ number: r.curator, level: r.level, since: r.created_at })),
        curating: (await ctx.store.curatedBy(c.number)).map((r) => ({ number: r.owner, level: r.level })),
      };
    });

    app.post(
      '/api/v1/security/curators',
      { schema: { summary: 'A-SEC-7: name a curator (view or manage)', body: Type.Object({ number: Type.String({ maxLength: 32 }), level: Type.Union([Type.Literal('view'), Type.Literal('manage')]) }, { additionalProperties: false }), response: { 200: Ok, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema } } },
      async (req) => {
        const c = await requireSubscriber(ctx, req);
        await requireSectionOpen(ctx, c, 'security');
        const n = normaliseNumber(req.body.number);
        if (!n.ok) throw fail(400, 'invalid_number', 'Enter the curator’s number as 0441234567.', 'number');
        if (n.number === c.number) throw fail(400, 'self_curator', 'You cannot be your own curator.', 'number');
        if (!(await ctx.store.subscriber(n.number))) throw fail(404, 'unknown_number', 'That number is not a subscriber.', 'number');
        await ctx.store.setCurator(c.number, n.number, req.body.level, new Date(ctx.clock.now()).toISOString());
        return { ok: true };
      },
    );

    app.delete(
      '/api/v1/security/curators/:curator',
      { schema: { summary: 'A-SEC-7: revoke a curator at once', params: Type.Object({ curator: Type.String({ pattern: '^\\d{9}$' }) }), response: { 200: Ok, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema } } },
      async (req) => {
        const c = await requireSubscriber(ctx, req);
        await requireSectionOpen(ctx, c, 'security');
        if (!(await ctx.store.removeCurator(c.number, req.params.curator))) throw fail(404, 'not_a_curator', 'That number is not your curator.');
        return { ok: true };
      },
    );
  };
