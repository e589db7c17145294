// A-NET-3 → A-DET-1: a finished call from the network becomes a call record, priced by
// the plan: package minutes first, then money through the ledger. The network's call id
// makes a repeated report the same call (priced once). A prepaid network ends a call
// when the money ends, so at most the balance is taken.
import type { CallEvent, CallEventResponse } from '../../shared/network-contract';
import { toNationalOrNull } from '../../shared/phone-number';
import { kyivMonth, kyivMonthBounds } from '../../shared/kyiv-time';
import { priceCall } from '../domain/call-pricing';
import type { AssaContext } from '../context';
import { MoneyStore } from '../store/money-store';
import { sql } from 'kysely';

export async function packageMinutesUsed(db: AssaContext['store']['db'], number: string, at: number): Promise<number> {
  const [from, to] = kyivMonthBounds(at);
  const r = await db.selectFrom('call_charges').select(sql<number>`coalesce(sum(package_minutes), 0)`.as('m')).where('number', '=', number).where('at', '>=', from).where('at', '<', to).executeTakeFirstOrThrow();
  return Number(r.m);
}

export async function recordCall(ctx: AssaContext, e: CallEvent): Promise<{ status: number; body: CallEventResponse | { error: { code: string; message: string } } }> {
  const number = toNationalOrNull(e.number);
  const started = Date.parse(e.startedAt);
  if (!number || !Number.isFinite(started) || !Number.isInteger(e.seconds) || e.seconds < 0 || !e.callId) return { status: 400, body: { error: { code: 'invalid_call', message: 'A call needs the number, a start time, whole seconds and the call id.' } } };
  const peer = toNationalOrNull(e.peer) ?? e.peer.replace(/[^\d+*#]/g, '').slice(0, 32);
  return ctx.store.transaction(async (tx) => {
    const seen = await tx.db.selectFrom('call_charges').selectAll().where('call_id', '=', e.callId).executeTakeFirst();
    if (seen) return { status: 200, body: { recorded: false, cost: seen.cost_kopecks, packageMinutes: seen.package_minutes } };
    const sub = await tx.subscriber(number);
    if (!sub) return { status: 404, body: { error: { code: 'unknown_number', message: 'That number is not a subscriber of the network.' } } };
    const t = (await tx.db.selectFrom('tariffs').select(['minutes_included', 'call_minute_kopecks']).where('id', '=', sub.tariff_id).executeTakeFirst()) ?? { minutes_included: 0, call_minute_kopecks: 0 };
    // The month is the call's (Kyiv), not the report's: a call at 23:59 on the 31st uses January's minutes.
    const used = await packageMinutesUsed(tx.db, number, started);
    const price = priceCall({ direction: e.direction, seconds: e.seconds }, t.minutes_included - used, t.call_minute_kopecks);
    const money = new MoneyStore(tx.db);
    const cost = Math.min(price.cost, Math.max(0, await money.balance(number)));
    const startedAt = new Date(started).toISOString();
    await tx.db.insertInto('call_records').values({ number, peer, direction: e.direction, started_at: startedAt, seconds: e.direction === 'missed' ? 0 : e.seconds, cost_kopecks: cost }).execute();
    await tx.db.insertInto('call_charges').values({ call_id: e.callId, number, package_minutes: price.packageMinutes, paid_minutes: price.paidMinutes, cost_kopecks: cost, at: startedAt }).execute();
    if (cost > 0) await money.move(number, 'call', -cost, new Date(ctx.clock.now()).toISOString(), `Call to ${peer}, ${price.paidMinutes} min (${kyivMonth(started)})`, `call:${e.callId}`);
    return { status: 200, body: { recorded: true, cost, packageMinutes: price.packageMinutes } };
  });
}
