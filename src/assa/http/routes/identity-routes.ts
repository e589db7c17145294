// A-NUM-3 "find my number", A-REG-1..5 registration, A-HLP-2 what cannot be done here.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { normaliseNumber } from '../../../shared/phone-number';
import { passwordProblems } from '../../domain/password-rules';
import { UNSUPPORTED_OPERATIONS } from '../../domain/unsupported-operations';
import { useRuna } from '../../services/runa-service';
import type { AssaContext } from '../context';
import { fail } from '../errors';
import { ErrorSchema } from './schemas';

export const identityRoutes =
  (ctx: AssaContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/whoami',
      { config: { public: true }, schema: { summary: 'A-NUM-3: the number of the data session this request came over', response: { 200: Type.Object({ number: Type.String() }), 404: ErrorSchema } } },
      async (req) => {
        const s = await ctx.store.activeSessionByIp(req.ip);
        if (!s) throw fail(404, 'not_on_subscriber_link', 'This request did not come over a subscriber’s data session, so the number cannot be told. Connect through your modem, or enter the number.');
        return { number: s.number };
      },
    );

    app.post(
      '/api/v1/registrations',
      {
        config: { public: true, hashes: true, rateLimit: { max: ctx.config.rateLimit.registration, timeWindow: '1 minute' } },
        schema: {
          summary: 'A-REG: register a number (own data session or a RUNA proves it)',
          body: Type.Object(
            {
              number: Type.String({ maxLength: 32 }),
              password: Type.String({ maxLength: 64 }),
              passwordAgain: Type.Optional(Type.String({ maxLength: 64 })),
              email: Type.Optional(Type.String({ maxLength: 254 })),
              runa: Type.Optional(Type.String({ maxLength: 16 })),
            },
            { additionalProperties: false },
          ),
          response: { 201: Type.Object({ number: Type.String(), registered: Type.Boolean(), provedBy: Type.String() }), 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
        },
      },
      async (req, reply) => {
        const b = req.body;
        const n = normaliseNumber(b.number);
        if (!n.ok) throw fail(400, 'invalid_number', 'Enter the number as 0441234567, +380441234567 or 441234567.', 'number');
        const number: string = n.number;
        if (b.passwordAgain !== undefined && b.passwordAgain !== b.password) throw fail(400, 'passwords_differ', 'The two passwords differ.', 'passwordAgain');
        const problems = passwordProblems(b.password, number);
        if (problems.length) throw fail(400, 'weak_password', problems.map((p) => p.message).join(' '), 'password', { rules: problems.map((p) => p.rule) });
        if (b.email !== undefined && b.email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(b.email)) throw fail(400, 'invalid_email', 'That is not an e-mail address.', 'email');
        // One hash whatever the answer: refusing a registered or unknown number takes as long as registering.
        const hash = await ctx.hasher.hash(b.password);
        const sub = await ctx.store.subscriber(number);
        if (!sub) throw fail(404, 'unknown_number', 'This number is not a subscriber of the network.', 'number');
        if (await ctx.store.account(number)) throw fail(409, 'already_registered', 'This number is already registered. Log in, or recover the password by number and e-mail.', 'number');
        if (sub.corporate) throw fail(403, 'corporate_number', 'A corporate number is registered by its group curator, not here (A-REG-5).', 'number');
        if (sub.status !== 'active') throw fail(403, 'number_not_active', `The number is ${sub.status === 'blocked' ? 'blocked for non-payment: top it up first' : sub.status}; only active numbers can register.`, 'number');
        const link = await ctx.store.activeSessionByIp(req.ip);
        const overOwnLink = link?.number === number;
        if (!overOwnLink && !(await useRuna(ctx, number, b.runa))) {
          throw fail(403, 'ownership_unproven', 'We could not confirm the number is yours. Either register over the number’s own data session (connect through the modem), or send an SMS with six digits of your choice to 2772 from that number and enter them as the RUNA within 10 minutes.', 'runa');
        }
        await ctx.store.transaction(async (tx) => {
          if (await tx.account(number)) throw fail(409, 'already_registered', 'This number is already registered.', 'number');
          await tx.createAccount(number, hash, b.email || null, new Date(ctx.clock.now()).toISOString());
        });
        reply.code(201);
        return { number, registered: true, provedBy: overOwnLink ? 'data-session' : 'runa' };
      },
    );

    app.get(
      '/api/v1/help/unsupported',
      { config: { public: true }, schema: { summary: 'A-HLP-2: what cannot be done here, why, and where to go', response: { 200: Type.Array(Type.Object({ id: Type.String(), operation: Type.String(), reason: Type.String(), whereToGo: Type.String() })) } } },
      async () => [...UNSUPPORTED_OPERATIONS],
    );
  };
