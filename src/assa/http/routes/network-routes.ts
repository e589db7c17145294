// A-NET-2: the operator network's door for short number 2772 (SMS and dialled codes),
// authenticated by a shared secret; the reply goes back to the subscriber (A-RUNA-2).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { timingSafeEqual } from 'node:crypto';
import { NETWORK_EVENTS_PATH, NETWORK_SECRET_HEADER, type CallEvent, type NetworkEvent } from '../../../shared/network-contract';
import { recordCall } from '../../services/call-service';
import { handleNetworkEvent } from '../../services/runa-service';
import type { AssaContext } from '../context';
import { fail } from '../errors';
import { ErrorSchema } from './schemas';

const EventSchema = Type.Union([
  Type.Object({ type: Type.Literal('sms'), number: Type.String({ maxLength: 32 }), to: Type.Literal('2772'), text: Type.String({ maxLength: 1000 }), at: Type.String() }),
  Type.Object({ type: Type.Literal('dial'), number: Type.String({ maxLength: 32 }), digits: Type.String({ maxLength: 64 }), at: Type.String() }),
  // A-NET-3: a finished call (CallEvent); answered { recorded, cost, packageMinutes }.
  Type.Object({ type: Type.Literal('call'), callId: Type.String({ minLength: 1, maxLength: 100 }), number: Type.String({ maxLength: 32 }), peer: Type.String({ maxLength: 64 }), direction: Type.Union([Type.Literal('out'), Type.Literal('in'), Type.Literal('missed')]), startedAt: Type.String({ format: 'date-time' }), seconds: Type.Integer({ minimum: 0, maximum: 86_400 }), at: Type.String() }),
]);

export const networkRoutes =
  (ctx: AssaContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      NETWORK_EVENTS_PATH,
      {
        // The operator network's door: its own shared secret, not a subscriber session.
        config: { public: true, rateLimit: false },
        schema: {
          summary: 'A-NET-2/3: a 2772 SMS or dialled code, or a finished call, from the network',
          headers: Type.Object({ [NETWORK_SECRET_HEADER]: Type.Optional(Type.String()) }),
          body: EventSchema,
          response: { 200: Type.Union([Type.Object({ reply: Type.Unknown() }), Type.Object({ recorded: Type.Boolean(), cost: Type.Integer(), packageMinutes: Type.Integer() })]), 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema },
        },
      },
      async (req, reply) => {
        const got = Buffer.from(String(req.headers[NETWORK_SECRET_HEADER] ?? ''));
        const want = Buffer.from(ctx.config.networkSecret);
        if (got.length !== want.length || !timingSafeEqual(got, want)) throw fail(401, 'bad_network_secret', 'The network secret is wrong.');
        if (req.body.type === 'call') {
          const r = await recordCall(ctx, req.body as CallEvent);
          reply.code(r.status as 200);
          return r.body as never;
        }
        return { reply: await handleNetworkEvent(ctx, req.body as NetworkEvent) };
      },
    );
  };
