// A-NUM-3 "find my number", A-REG-1..5 registration, A-HLP-2 what cannot be done here.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { UNSUPPORTED_OPERATIONS } from '../../domain/unsupported-operations';
import { numberOnLink, registerNumber } from '../../services/registration-service';
import type { AssaContext } from '../context';
import { ErrorSchema } from './schemas';

export const identityRoutes =
  (ctx: AssaContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/whoami',
      { config: { public: true }, schema: { summary: 'A-NUM-3: the number of the data session this request came over', response: { 200: Type.Object({ number: Type.String() }), 404: ErrorSchema } } },
      async (req) => {
        return { number: await numberOnLink(ctx, req.ip) };
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
        const r = await registerNumber(ctx, req.body, req.ip);
        reply.code(201);
        return r;
      },
    );

    app.get(
      '/api/v1/help/unsupported',
      { config: { public: true }, schema: { summary: 'A-HLP-2: what cannot be done here, why, and where to go', response: { 200: Type.Array(Type.Object({ id: Type.String(), operation: Type.String(), reason: Type.String(), whereToGo: Type.String() })) } } },
      async () => [...UNSUPPORTED_OPERATIONS],
    );
  };
