// Queries of the smaller sections: details (A-DET-1/2), utilities (A-UTL), groups (A-GRP),
// the help desk (A-HLP-1).
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

export class ExtrasStore {
  constructor(
    readonly db: Db,
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
  async missedCalls(number: string, limit = 50): Promise<Array<{ from: string; at: string }>> {
    const rows = await this.db.selectFrom('call_records').select(['peer', 'started_at']).where('number', '=', number).where('direction', '=', 'missed').orderBy('started_at', 'desc').limit(limit).execute();
    return rows.map((r) => ({ from: r.peer, at: r.started_at }));
  }
  async addCall(c: { number: string; peer: string; direction: 'in' | 'out' | 'missed'; started_at: string; seconds: number; cost_kopecks: number }): Promise<void> {
    await this.db.insertInto('call_records').values(c).execute();
  }

  blocked(owner: string): Promise<Array<{ number: string }>> {
    return this.db.selectFrom('blocked_numbers').select('number').where('owner', '=', owner).orderBy('number').execute();
  }
  async block(owner: string, number: string, at: string): Promise<void> {
    await this.db
      .insertInto('blocked_numbers')
      .values({ owner, number, created_at: at })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  async unblock(owner: string, number: string): Promise<boolean> {
    const r = await this.db.deleteFrom('blocked_numbers').where('owner', '=', owner).where('number', '=', number).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
  async setSipPassword(owner: string, hash: string, at: string): Promise<void> {
    await this.db
      .insertInto('sip_accounts')
      .values({ owner, password_hash: hash, changed_at: at })
      .onConflict((oc) => oc.column('owner').doUpdateSet((eb) => ({ password_hash: eb.ref('excluded.password_hash'), changed_at: eb.ref('excluded.changed_at') })))
      .execute();
  }

  async groupOf(number: string): Promise<{ id: string; name: string; curator: string; members: Array<{ number: string }> } | null> {
    const g = await this.db
      .selectFrom('groups as g')
      .innerJoin('group_members as m', 'm.group_id', 'g.id')
      .select(['g.id', 'g.name', 'g.curator'])
      .where((eb) => eb.or([eb('m.number', '=', number), eb('g.curator', '=', number)]))
      .limit(1)
      .executeTakeFirst();
    if (!g) return null;
    return { ...g, members: await this.db.selectFrom('group_members').select('number').where('group_id', '=', g.id).orderBy('number').execute() };
  }
  /** A group of numbers and its curator (A-GRP-1); operators create them. */
  async addGroup(id: string, name: string, curator: string, members: string[]): Promise<void> {
    await this.db.insertInto('groups').values({ id, name, curator }).execute();
    if (members.length) await this.db.insertInto('group_members').values(members.map((m) => ({ group_id: id, number: m }))).execute();
  }

  async addTicket(t: { number: string; kind: 'question' | 'callback'; text: string; phone: string | null; created_at: string }): Promise<number> {
    const r = await this.db.insertInto('tickets').values(t).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }
  async tickets(number: string): Promise<Array<{ id: number; kind: string; text: string; status: string; created_at: string; answers: Array<{ text: string; at: string }> }>> {
    const list = await this.db.selectFrom('tickets').select(['id', 'kind', 'text', 'status', 'created_at']).where('number', '=', number).orderBy('id', 'desc').execute();
    // The help desk's answers (written on the operator's side, ticket_answers).
    const answers = await this.db
      .selectFrom('ticket_answers as a')
      .innerJoin('tickets as t', 't.id', 'a.ticket_id')
      .select(['a.ticket_id', 'a.text', 'a.at'])
      .where('t.number', '=', number)
      .orderBy('a.id')
      .execute();
    return list.map((t) => ({ ...t, answers: answers.filter((a) => a.ticket_id === t.id).map((a) => ({ text: a.text, at: a.at })) }));
  }
}
