// A-DATA-1 "left this month": the plan's package (tariffs.*_included) minus what the
// Kyiv month used — package minutes of priced calls (call_charges), megabytes of data
// sessions — plus what paid extras of this month add (extra traffic 5 GB: 5120 MB).
import { kyivMonthOf } from '../../shared/kyiv-time';
import type { AssaContext } from '../context';

/** A plan's package: what a Kyiv month includes. */
export interface PackagePlan {
  minutes_included: number;
  sms_included: number;
  megabytes_included: number;
}

/** `plan`, when the caller has read the tariff already, saves reading it again. */
export async function packagesLeft(ctx: AssaContext, number: string, tariffId: string, plan?: PackagePlan): Promise<{ minutesLeft: number; smsLeft: number; megabytesLeft: number }> {
  const now = ctx.clock.now();
  const t = plan ?? (await ctx.store.db.selectFrom('tariffs').select(['minutes_included', 'sms_included', 'megabytes_included']).where('id', '=', tariffId).executeTakeFirst());
  if (!t) return { minutesLeft: 0, smsLeft: 0, megabytesLeft: 0 };
  const m = kyivMonthOf(now);
  const use = await ctx.store.packageUse(number, m.start, m.next, m.month);
  return {
    minutesLeft: Math.max(0, t.minutes_included - use.packageMinutes),
    smsLeft: t.sms_included,
    megabytesLeft: Math.max(0, t.megabytes_included + use.extraMegabytes - Math.floor(use.bytes / 2 ** 20)),
  };
}
