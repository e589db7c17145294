// A-DATA-1: the account by number, for the owner or a curator (services/account-service.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { accountSummary } from '../../services/account-service';
import { requireSubscriber } from '../auth';
import type { AssaContext } from '../context';
import { ErrorSchema } from './schemas';

export const AccountSchema = Type.Object({
  number: Type.String(),
  accountNumber: Type.String(),
  ownerName: Type.String(),
  status: Type.String(),
  balance: Type.Integer(),
  currency: Type.Literal('UAH'),
  tariff: Type.Object({ id: Type.String(), name: Type.String(), monthlyFee: Type.Integer() }),
  email: Type.Union([Type.String(), Type.Null()]),
  connectedAt: Type.String(),
  registeredAt: Type.Union([Type.String(), Type.Null()]),
  actingAs: Type.String(),
  forecast: Type.Object({ nextFeeDate: Type.String(), feeKopecks: Type.Integer(), shortKopecks: Type.Integer(), daysToFee: Type.Integer() }),
  services: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  tenureMonths: Type.Integer(),
  loyaltyLevel: Type.String(),
  bonusKopecks: Type.Integer(),
  packages: Type.Object({ minutesLeft: Type.Integer(), smsLeft: Type.Integer(), megabytesLeft: Type.Integer() }),
});

export const accountRoutes =
  (ctx: AssaContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/account',
      {
        schema: {
          summary: 'A-DATA-1: data by number (own, or ?number= for a curator)',
          querystring: Type.Object({ number: Type.Optional(Type.String({ pattern: '^\\d{9}$' })) }),
          response: { 200: AccountSchema, 401: ErrorSchema, 403: ErrorSchema },
        },
      },
      async (req) => {
        const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
        return accountSummary(ctx, c.number, c.actingAs);
      },
    );
  };
