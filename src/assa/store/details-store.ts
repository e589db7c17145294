// Queries of the details section (A-DET-1/2): calls and data sessions, keyset-paged.
import { sql } from 'kysely';
import type { Db, EngineKind } from './open-database';

export interface DetailRow {
  id: string;
  startedAt: string;
  endedAt: string | null;
  ip?: string;
  inBytes?: number;
  outBytes?: number;
  seconds: number;
  stopCause?: string | null;
  peer?: string;
  direction?: string;
  cost?: number;
}

export class DetailsStore {
  constructor(
    readonly db: Db,
    /** The calls' cursor is written per dialect (`callDetails`). */
    readonly kind: EngineKind = 'sqlite',
  ) {}

  /** A-DET-2 data sessions (from RADIUS accounting), keyset-paged by (started_at, id). */
  async sessionDetails(number: string, from: string, to: string, after: string | null, limit: number): Promise<DetailRow[]> {
    let q = this.db
      .selectFrom('data_sessions')
      .select(['session_id', 'started_at', 'stopped_at', 'ip', 'in_bytes', 'out_bytes', 'seconds', 'stop_cause'])
      .where('number', '=', number)
      .where('started_at', '>=', from)
      .where('started_at', '<', to);
    if (after !== null) q = q.where(sql<string>`started_at || session_id`, '>', after);
    const rows = await q.orderBy('started_at').orderBy('session_id').limit(limit).execute();
    return rows.map((r) => ({ id: r.session_id, startedAt: r.started_at, endedAt: r.stopped_at, ip: r.ip, inBytes: r.in_bytes, outBytes: r.out_bytes, seconds: r.seconds, stopCause: r.stop_cause }));
  }
  /** A-DET-1 calls; the cursor is started_at followed by the id zero-padded to 12 digits. */
  async callDetails(number: string, from: string, to: string, after: string | null, limit: number): Promise<DetailRow[]> {
    let q = this.db
      .selectFrom('call_records')
      .select(['id', 'peer', 'direction', 'started_at', 'seconds', 'cost_kopecks'])
      .where('number', '=', number)
      .where('started_at', '>=', from)
      .where('started_at', '<', to);
    const padded = this.kind === 'postgres' ? sql<string>`started_at || lpad(id::text, 12, '0')` : sql<string>`started_at || printf('%012d', id)`;
    if (after !== null) q = q.where(padded, '>', after);
    const rows = await q.orderBy('started_at').orderBy('id').limit(limit).execute();
    return rows.map((r) => ({ id: String(r.id), startedAt: r.started_at, endedAt: null, peer: r.peer, direction: r.direction, seconds: r.seconds, cost: r.cost_kopecks }));
  }
}
