// The security tables of issue 12 (migrations 100-102): Idempotency-Key claims bound to
// route and body, single-use recovery links, and the audit log of subscriber security
// events. Kysely builder only (no engine-specific SQL), so it runs on SQLite and PostgreSQL.
import type { Kysely, Selectable } from 'kysely';
import type { NodeLiveness } from './node-liveness';
import type { Db } from './open-database';

interface IdempotencyClaimsTable {
  number: string;
  key: string;
  route: string;
  body_hash: string;
  state: 'in_flight' | 'done';
  claimed_at: number;
  /** The node (node-liveness.ts) whose request runs or ran it; null for claims from before migration 104. */
  owner_node: string | null;
  /** How many times a dead owner's claim was taken over by a retry. */
  takeovers: number;
}
interface PasswordRecoveryTable {
  token_hash: string;
  number: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}
interface SecurityEventsTable {
  id: string;
  at: number;
  number: string | null;
  event: SecurityEventKind;
  ip: string | null;
  details: string;
}
interface SecurityDb {
  idempotency_claims: IdempotencyClaimsTable;
  password_recovery: PasswordRecoveryTable;
  security_events: SecurityEventsTable;
  web_sessions: { number: string; token_hash: string };
  data_sessions: { session_id: string; started_at: string; stopped_at: string | null };
}

export type SecurityEventKind =
  | 'login_ok'
  | 'login_failed'
  | 'login_locked'
  | 'unlock'
  | 'password_changed'
  | 'email_changed'
  | 'email_change_refused'
  | 'recovery_requested'
  | 'recovery_confirmed'
  | 'recovery_link_refused'
  | 'curator_added'
  | 'curator_removed';

export interface SecurityEvent {
  id: string;
  at: number;
  number: string | null;
  event: SecurityEventKind;
  ip: string | null;
  details: Record<string, unknown>;
}

/**
 * What a request with an Idempotency-Key may do: run (claimed; taken_over when the claim was
 * a dead node's), run to get the stored answer (replay), or neither.
 */
export type ClaimOutcome = 'claimed' | 'taken_over' | 'replay' | 'reused' | 'in_flight';

export class SecurityStore {
  private readonly k: Kysely<SecurityDb>;
  constructor(
    db: Db,
    private readonly node?: NodeLiveness,
  ) {
    this.k = db as unknown as Kysely<SecurityDb>;
  }

  // ---- Idempotency-Key (issue 12 finding 7; node-owned claims, issue 13) ----
  /**
   * Reserves (number, key) for `route` + `bodyHash` before the work starts, owned by this
   * node. The insert is the lock: of two concurrent requests only one inserts. A claim in
   * flight whose owner node is dead (its process was killed) is taken over at once
   * ('taken_over': the caller runs the request again, and the payment state machine and the
   * stored answers finish it without applying anything twice); one whose owner lives is
   * 'in_flight'. Only a claim older than `staleAfterMs` whose owner cannot be judged (no
   * owner recorded, another host) is taken over by age: the last safety net.
   */
  async claimIdempotencyKey(c: { number: string; key: string; route: string; bodyHash: string; now: number; staleAfterMs: number }): Promise<ClaimOutcome> {
    const owner = await this.ownerNode();
    const ins = await this.k
      .insertInto('idempotency_claims')
      .values({ number: c.number, key: c.key, route: c.route, body_hash: c.bodyHash, state: 'in_flight', claimed_at: c.now, owner_node: owner, takeovers: 0 })
      .onConflict((oc) => oc.columns(['number', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(ins.numInsertedOrUpdatedRows ?? 0) > 0) return 'claimed';
    const row = await this.k.selectFrom('idempotency_claims').selectAll().where('number', '=', c.number).where('key', '=', c.key).executeTakeFirst();
    if (!row) return this.claimIdempotencyKey(c); // released meanwhile: try again
    if (row.route !== c.route || row.body_hash !== c.bodyHash) return 'reused';
    if (row.state === 'done') return 'replay';
    const dead = !!row.owner_node && row.owner_node !== owner && !!this.node && !(await this.node.isAlive(row.owner_node));
    if (!dead && c.now - row.claimed_at <= c.staleAfterMs) return 'in_flight';
    // Compare-and-set on the old owner and claim time: of two takers only one wins.
    let take = this.k
      .updateTable('idempotency_claims')
      .set({ claimed_at: c.now, owner_node: owner, takeovers: row.takeovers + 1 })
      .where('number', '=', c.number)
      .where('key', '=', c.key)
      .where('state', '=', 'in_flight')
      .where('claimed_at', '=', row.claimed_at);
    take = row.owner_node === null ? take.where('owner_node', 'is', null) : take.where('owner_node', '=', row.owner_node);
    const taken = await take.executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0) return 'in_flight';
    return dead ? 'taken_over' : 'claimed';
  }
  /** The first request answered: later ones with the same key, route and body get its stored answer. Only the claim's owner finishes it (a claim taken over is the taker's). */
  async finishIdempotencyKey(number: string, key: string): Promise<void> {
    await this.k.updateTable('idempotency_claims').set({ state: 'done' }).where('number', '=', number).where('key', '=', key).where('owner_node', '=', await this.ownerNode()).execute();
  }
  /** The first request failed without an answer worth keeping (a 5xx): the key is free again, unless another node has taken the claim over meanwhile. */
  async releaseIdempotencyKey(number: string, key: string): Promise<void> {
    await this.k.deleteFrom('idempotency_claims').where('number', '=', number).where('key', '=', key).where('state', '=', 'in_flight').where('owner_node', '=', await this.ownerNode()).execute();
  }
  /** The owner recorded on this node's claims ('' for a store built without a node: no claim of it is ever judged dead). */
  private async ownerNode(): Promise<string> {
    return this.node ? this.node.id() : '';
  }

  // ---- recovery links (A-SEC-6) ----
  /** A new link replaces any earlier one of the number still waiting. */
  async putRecoveryLink(r: { tokenHash: string; number: string; now: number; expiresAt: number }): Promise<void> {
    await this.k.deleteFrom('password_recovery').where('number', '=', r.number).where('used_at', 'is', null).execute();
    await this.k.insertInto('password_recovery').values({ token_hash: r.tokenHash, number: r.number, created_at: r.now, expires_at: r.expiresAt, used_at: null }).execute();
  }
  /** Spends a live link and returns its number; undefined when unknown, used or expired. Single use even under a race. */
  async takeRecoveryLink(tokenHash: string, now: number): Promise<string | undefined> {
    const r = await this.k.selectFrom('password_recovery').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    if (!r || r.used_at !== null || now > r.expires_at) return undefined;
    const spent = await this.k.updateTable('password_recovery').set({ used_at: now }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
    return Number(spent.numUpdatedRows) > 0 ? r.number : undefined;
  }

  // ---- sessions ----
  /** A password change ends every other session of the number (ASVS 7.4.3); this one stays. */
  async endOtherSessions(number: string, keepTokenHash: string): Promise<number> {
    const r = await this.k.deleteFrom('web_sessions').where('number', '=', number).where('token_hash', '<>', keepTokenHash).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  // ---- RADIUS replay (issue 12 finding 10) ----
  /** Whether the NAS already told us of this Acct-Session-Id (a Start for it again is a retransmission or a replay). */
  async knownDataSession(sessionId: string): Promise<boolean> {
    return !!(await this.k.selectFrom('data_sessions').select('session_id').where('session_id', '=', sessionId).executeTakeFirst());
  }

  // ---- audit log ----
  async recordEvent(e: SecurityEvent): Promise<void> {
    await this.k.insertInto('security_events').values({ ...e, details: JSON.stringify(e.details) }).execute();
  }
  /** Newest first; by number and/or from a time, for the operator console and the tests. */
  async events(q: { number?: string; since?: number; limit?: number } = {}): Promise<SecurityEvent[]> {
    let s = this.k.selectFrom('security_events').selectAll();
    if (q.number) s = s.where('number', '=', q.number);
    if (q.since !== undefined) s = s.where('at', '>=', q.since);
    const rows: Selectable<SecurityEventsTable>[] = await s.orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit ?? 200).execute();
    return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
  }
}
