// A-DATA-1 (the core of it; part 2 adds packages, services, bonuses, forecast): the
// account by number, for the owner or a curator.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { feeForecast } from '../../../shared/fee-forecast';
import { packagesLeft } from '../../services/package-service';
import { requireSubscriber } from '../auth';
import type { AssaContext } from '../context';
import { fail } from '../errors';
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

export const loyaltyLevel = (months: number) => (months >= 36 ? 'gold' : months >= 12 ? 'silver' : 'bronze');

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
        // Subscriber, plan and login account in one statement (the busiest authenticated read).
        const v = await ctx.store.accountView(c.number);
        if (!v) throw fail(404, 'unknown_number', 'No such subscriber.');
        const now = ctx.clock.now();
        const tenure = Math.max(0, Math.floor((now - Date.parse(v.connected_at)) / (30.44 * 86_400_000)));
        const [services, packages] = await Promise.all([ctx.store.money.enabledServices(c.number), packagesLeft(ctx, v.number, v.tariff_id, v)]);
        const f = feeForecast(v.balance_kopecks, v.monthly_fee_kopecks, now);
        return {
          number: v.number,
          accountNumber: v.account_number,
          ownerName: v.owner_name,
          status: v.status,
          balance: v.balance_kopecks,
          currency: 'UAH' as const,
          tariff: { id: v.tariff_id, name: v.tariff_name, monthlyFee: v.monthly_fee_kopecks },
          email: v.email ?? null,
          connectedAt: v.connected_at,
          registeredAt: v.registered_at ?? null,
          actingAs: c.actingAs,
          forecast: { nextFeeDate: f.nextFeeDay, feeKopecks: v.monthly_fee_kopecks, shortKopecks: f.shortKopecks, daysToFee: f.daysToFee },
          services,
          tenureMonths: tenure,
          loyaltyLevel: loyaltyLevel(tenure),
          bonusKopecks: v.bonus_kopecks ?? 0,
          packages,
        };
      },
    );
  };
