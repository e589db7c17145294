// A-DATA-1 "left this month": the plan's package (tariffs.*_included) minus what the
// Kyiv month used — package minutes of priced calls (call_charges), megabytes of data
// sessions — plus what paid extras of this month add (extra traffic 5 GB: 5120 MB).
import { sql } from 'kysely';
import { kyivMonth } from '../../shared/kyiv-time';
import type { AssaContext } from '../context';
import { packageMinutesUsed } from './call-service';
import { kyivMonthBounds } from './payment-service';

export async function packagesLeft(ctx: AssaContext, number: string, tariffId: string): Promise<{ minutesLeft: number; smsLeft: number; megabytesLeft: number }> {
  const db = ctx.store.db;
  const now = ctx.clock.now();
  const t = await db.selectFrom('tariffs').select(['minutes_included', 'sms_included', 'megabytes_included']).where('id', '=', tariffId).executeTakeFirst();
  if (!t) return { minutesLeft: 0, smsLeft: 0, megabytesLeft: 0 };
  const [from, to] = kyivMonthBounds(now);
  const bytes = await db.selectFrom('data_sessions').select(sql<number>`coalesce(sum(in_bytes + out_bytes), 0)`.as('b')).where('number', '=', number).where('started_at', '>=', from).where('started_at', '<', to).executeTakeFirstOrThrow();
  const extra = await db
    .selectFrom('service_charges as sc')
    .innerJoin('services as s', 's.id', 'sc.service_id')
    .select(sql<number>`coalesce(sum(s.adds_megabytes), 0)`.as('mb'))
    .where('sc.number', '=', number)
    .where('sc.month', '=', kyivMonth(now))
    .executeTakeFirstOrThrow();
  const minutes = await packageMinutesUsed(db, number, now);
  return {
    minutesLeft: Math.max(0, t.minutes_included - minutes),
    smsLeft: t.sms_included,
    megabytesLeft: Math.max(0, t.megabytes_included + Number(extra.mb) - Math.floor(Number(bytes.b) / 2 ** 20)),
  };
}
