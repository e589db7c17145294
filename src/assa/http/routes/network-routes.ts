// A-NET-2: the operator network's door for short number 2772 (SMS and dialled codes),
// authenticated by a shared secret; the reply goes back to the subscriber (A-RUNA-2).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { timingSafeEqual } from 'node:crypto';
import { NETWORK_EVENTS_PATH, NETWORK_SECRET_HEADER, type NetworkEvent } from '../../../shared/network-contract';
import { handleNetworkEvent } from '../../services/runa-service';
import type { AssaContext } from '../context';
import { fail } from '../errors';
import { ErrorSchema } from './schemas';

const EventSchema = Type.Union([
  Type.Object({ type: Type.Literal('sms'), number: Type.String({ maxLength: 32 }), to: Type.Literal('2772'), text: Type.String({ maxLength: 1000 }), at: Type.String() }),
  Type.Object({ type: Type.Literal('dial'), number: Type.String({ maxLength: 32 }), digits: Type.String({ maxLength: 64 }), at: Type.String() }),
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
          summary: 'A-NET-2: a 2772 SMS or dialled code from the network',
          headers: Type.Object({ [NETWORK_SECRET_HEADER]: Type.Optional(Type.String()) }),
          body: EventSchema,
          response: { 200: Type.Object({ reply: Type.Unknown() }), 401: ErrorSchema },
        },
      },
      async (req) => {
        const got = Buffer.from(String(req.headers[NETWORK_SECRET_HEADER] ?? ''));
        const want = Buffer.from(ctx.config.networkSecret);
        if (got.length !== want.length || !timingSafeEqual(got, want)) throw fail(401, 'bad_network_secret', 'The network secret is wrong.');
        return { reply: await handleNetworkEvent(ctx, req.body as NetworkEvent) };
      },
    );
  };
