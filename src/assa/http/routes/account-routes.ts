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
        const sub = await ctx.store.subscriber(c.number);
        const tariff = sub ? await ctx.store.tariff(sub.tariff_id) : undefined;
        if (!sub || !tariff) throw fail(404, 'unknown_number', 'No such subscriber.');
        const acc = await ctx.store.account(c.number);
        const tenure = Math.max(0, Math.floor((ctx.clock.now() - Date.parse(sub.connected_at)) / (30.44 * 86_400_000)));
        return {
          number: sub.number,
          accountNumber: sub.account_number,
          ownerName: sub.owner_name,
          status: sub.status,
          balance: sub.balance_kopecks,
          currency: 'UAH' as const,
          tariff: { id: tariff.id, name: tariff.name, monthlyFee: tariff.monthly_fee_kopecks },
          email: acc?.email ?? null,
          connectedAt: sub.connected_at,
          registeredAt: acc?.registered_at ?? null,
          actingAs: c.actingAs,
          forecast: (() => {
            const f = feeForecast(sub.balance_kopecks, tariff.monthly_fee_kopecks, ctx.clock.now());
            return { nextFeeDate: f.nextFeeDay, feeKopecks: tariff.monthly_fee_kopecks, shortKopecks: f.shortKopecks, daysToFee: f.daysToFee };
          })(),
          services: (await ctx.store.money.services(c.number)).filter((s) => s.enabled === 1).map((s) => ({ id: s.id, name: s.name })),
          tenureMonths: tenure,
          loyaltyLevel: loyaltyLevel(tenure),
          bonusKopecks: (sub as { bonus_kopecks?: number }).bonus_kopecks ?? 0,
          packages: await packagesLeft(ctx, sub.number, tariff.id),
        };
      },
    );
  };
