// A-DET-1..3 totals for the whole period (not one page): count, seconds, bytes and cost.
// A data session costs nothing beyond the plan's fee: the plans include their data (over
// the package the network slows the link down, it charges nothing), so its cost is 0.
import { sql } from 'kysely';
import type { AssaContext } from '../context';

export interface PeriodTotals {
  count: number;
  seconds: number;
  inBytes: number;
  outBytes: number;
  cost: number;
}

export async function periodTotals(db: AssaContext['store']['db'], number: string, kind: 'sessions' | 'calls', from: string, to: string): Promise<PeriodTotals> {
  if (kind === 'calls') {
    const r = await db.selectFrom('call_records').select([sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(seconds), 0)`.as('s'), sql<number>`coalesce(sum(cost_kopecks), 0)`.as('c')]).where('number', '=', number).where('started_at', '>=', from).where('started_at', '<', to).executeTakeFirstOrThrow();
    return { count: Number(r.n), seconds: Number(r.s), inBytes: 0, outBytes: 0, cost: Number(r.c) };
  }
  const r = await db.selectFrom('data_sessions').select([sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(seconds), 0)`.as('s'), sql<number>`coalesce(sum(in_bytes), 0)`.as('i'), sql<number>`coalesce(sum(out_bytes), 0)`.as('o')]).where('number', '=', number).where('started_at', '>=', from).where('started_at', '<', to).executeTakeFirstOrThrow();
  return { count: Number(r.n), seconds: Number(r.s), inBytes: Number(r.i), outBytes: Number(r.o), cost: 0 };
}
