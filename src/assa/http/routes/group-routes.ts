// A-GRP-1: the group this number belongs to (services/group-service.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { groupOf } from '../../services/group-service';
import { requireSubscriber } from '../auth';
import type { AssaContext } from '../context';
import { fail } from '../errors';
import { ErrorSchema } from './schemas';

export const groupRoutes =
  (ctx: AssaContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get('/api/v1/group', { schema: { summary: 'A-GRP-1: the group this number belongs to', response: { 200: Type.Object({ id: Type.String(), name: Type.String(), curator: Type.String(), members: Type.Array(Type.Object({ number: Type.String(), role: Type.String() })) }), 401: ErrorSchema, 404: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      const g = await groupOf(ctx, c.number);
      if (!g) throw fail(404, 'no_group', 'This number is not in a group. Corporate groups are set up with the operator’s business department.');
      return g;
    });
  };
