// A-DET-1..3 details: the keyset-paged page of calls or data sessions, its totals and the
// totals for the whole period (not one page): count, seconds, bytes and cost.
// A data session costs nothing beyond the plan's fee: the plans include their data (over
// the package the network slows the link down, it charges nothing), so its cost is 0.
import { sql } from 'kysely';
import type { AssaContext } from '../context';
import type { DetailRow } from '../store/details-store';

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

export interface DetailsQuery {
  kind: 'sessions' | 'calls';
  from: string;
  to: string;
  cursor?: string;
  limit?: number;
}

/** One keyset page of calls or data sessions and the cursor of the next (null on the last page). */
export async function detailRows(ctx: AssaContext, number: string, q: DetailsQuery): Promise<{ list: DetailRow[]; nextCursor: string | null }> {
  const x = ctx.store.details;
  const from = new Date(q.from).toISOString();
  const to = new Date(q.to).toISOString();
  const limit = q.limit ?? 100;
  const list = q.kind === 'sessions' ? await x.sessionDetails(number, from, to, q.cursor ?? null, limit) : await x.callDetails(number, from, to, q.cursor ?? null, limit);
  const last = list[list.length - 1];
  const nextCursor = list.length === limit && last ? (q.kind === 'sessions' ? `${last.startedAt}${last.id}` : `${last.startedAt}${last.id.padStart(12, '0')}`) : null;
  return { list, nextCursor };
}

/** A-DET-1/2: a page of the period with the page's totals and the whole period's. */
export async function detailsPage(ctx: AssaContext, number: string, q: DetailsQuery) {
  const { list, nextCursor } = await detailRows(ctx, number, q);
  // Sessions cost nothing beyond the plan (see the top of this file); calls carry their price.
  const items = list.map((r) => ({ ...r, cost: r.cost ?? 0 }));
  const totals: PeriodTotals = { count: items.length, seconds: items.reduce((a, r) => a + r.seconds, 0), inBytes: items.reduce((a, r) => a + (r.inBytes ?? 0), 0), outBytes: items.reduce((a, r) => a + (r.outBytes ?? 0), 0), cost: items.reduce((a, r) => a + r.cost, 0) };
  const periodTotalsOf = await periodTotals(ctx.store.db, number, q.kind, new Date(q.from).toISOString(), new Date(q.to).toISOString());
  return { items, nextCursor, totals, periodTotals: periodTotalsOf };
}
