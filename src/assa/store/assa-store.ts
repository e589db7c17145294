// The typed query layer (Signal Desktop's sql/Interface is the model): routes and the
// network side call these methods and never write SQL themselves.
import type { Db } from './open-database';

export interface SubscriberRow {
  number: string;
  account_number: string;
  owner_name: string;
  status: 'active' | 'blocked' | 'suspended' | 'disconnected';
  tariff_id: string;
  balance_kopecks: number;
  corporate: number;
  connected_at: string;
}
export interface TariffRow {
  id: string;
  name: string;
  monthly_fee_kopecks: number;
  description: string;
  switch_cost_kopecks?: number;
}
export interface AccountRow {
  number: string;
  password_hash: string;
  email: string | null;
  failed_logins: number;
  locked_at: string | null;
  protected_sections: string;
  registered_at: string;
}
export interface WebSessionRow {
  token_hash: string;
  number: string;
  csrf: string;
  created_at: number;
  last_seen_at: number;
  runa_opened_at: number | null;
}
export interface RunaRow {
  number: string;
  code_hash: string;
  activated_at: number;
  expires_at: number;
  used_at: number | null;
}
export interface DataSessionRow {
  session_id: string;
  number: string;
  ip: string;
  started_at: string;
  updated_at: string;
  stopped_at: string | null;
  in_bytes: number;
  out_bytes: number;
  seconds: number;
  stop_cause: string | null;
}

export class AssaStore {
  constructor(readonly db: Db) {}

  // ---- subscribers and tariffs ----
  subscriber(number: string): SubscriberRow | undefined {
    return this.db.prepare('SELECT * FROM subscribers WHERE number = ?').get(number) as SubscriberRow | undefined;
  }
  tariff(id: string): TariffRow | undefined {
    return this.db.prepare('SELECT * FROM tariffs WHERE id = ?').get(id) as TariffRow | undefined;
  }
  upsertTariff(t: TariffRow): void {
    this.db.prepare('INSERT INTO tariffs (id, name, monthly_fee_kopecks, description) VALUES (@id, @name, @monthly_fee_kopecks, @description) ON CONFLICT(id) DO UPDATE SET name = excluded.name, monthly_fee_kopecks = excluded.monthly_fee_kopecks, description = excluded.description').run(t);
  }
  insertSubscriber(s: SubscriberRow): void {
    this.db.prepare('INSERT INTO subscribers (number, account_number, owner_name, status, tariff_id, balance_kopecks, corporate, connected_at) VALUES (@number, @account_number, @owner_name, @status, @tariff_id, @balance_kopecks, @corporate, @connected_at)').run(s);
  }
  subscriberCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM subscribers').get() as { n: number }).n;
  }

  // ---- accounts ----
  account(number: string): AccountRow | undefined {
    return this.db.prepare('SELECT * FROM accounts WHERE number = ?').get(number) as AccountRow | undefined;
  }
  createAccount(number: string, passwordHash: string, email: string | null, at: string): void {
    this.db.prepare('INSERT INTO accounts (number, password_hash, email, registered_at) VALUES (?, ?, ?, ?)').run(number, passwordHash, email, at);
  }
  setPassword(number: string, hash: string): void {
    this.db.prepare('UPDATE accounts SET password_hash = ?, failed_logins = 0, locked_at = NULL WHERE number = ?').run(hash, number);
  }
  setEmail(number: string, email: string | null): void {
    this.db.prepare('UPDATE accounts SET email = ? WHERE number = ?').run(email, number);
  }
  /** One more wrong password; returns the new count. */
  failLogin(number: string): number {
    return (this.db.prepare('UPDATE accounts SET failed_logins = failed_logins + 1 WHERE number = ? RETURNING failed_logins').get(number) as { failed_logins: number }).failed_logins;
  }
  lock(number: string, at: string): void {
    this.db.prepare('UPDATE accounts SET locked_at = ? WHERE number = ?').run(at, number);
  }
  loginSucceeded(number: string): void {
    this.db.prepare('UPDATE accounts SET failed_logins = 0 WHERE number = ?').run(number);
  }
  setProtectedSections(number: string, sections: string[]): void {
    this.db.prepare('UPDATE accounts SET protected_sections = ? WHERE number = ?').run(JSON.stringify(sections), number);
  }

  // ---- web sessions (A-SEC-1) ----
  createSession(s: WebSessionRow): void {
    this.db.prepare('INSERT INTO web_sessions (token_hash, number, csrf, created_at, last_seen_at, runa_opened_at) VALUES (@token_hash, @number, @csrf, @created_at, @last_seen_at, @runa_opened_at)').run(s);
  }
  session(tokenHash: string): WebSessionRow | undefined {
    return this.db.prepare('SELECT * FROM web_sessions WHERE token_hash = ?').get(tokenHash) as WebSessionRow | undefined;
  }
  touchSession(tokenHash: string, at: number): void {
    this.db.prepare('UPDATE web_sessions SET last_seen_at = ? WHERE token_hash = ?').run(at, tokenHash);
  }
  openProtected(tokenHash: string, at: number | null): void {
    this.db.prepare('UPDATE web_sessions SET runa_opened_at = ? WHERE token_hash = ?').run(at, tokenHash);
  }
  deleteSession(tokenHash: string): void {
    this.db.prepare('DELETE FROM web_sessions WHERE token_hash = ?').run(tokenHash);
  }
  deleteSessionsOf(number: string): void {
    this.db.prepare('DELETE FROM web_sessions WHERE number = ?').run(number);
  }

  // ---- RUNA (A-RUNA-3) ----
  putRuna(r: RunaRow): void {
    this.db.prepare('INSERT INTO runa_codes (number, code_hash, activated_at, expires_at, used_at) VALUES (@number, @code_hash, @activated_at, @expires_at, NULL) ON CONFLICT(number) DO UPDATE SET code_hash = excluded.code_hash, activated_at = excluded.activated_at, expires_at = excluded.expires_at, used_at = NULL, failed_attempts = 0').run(r);
  }
  runa(number: string): RunaRow | undefined {
    return this.db.prepare('SELECT * FROM runa_codes WHERE number = ?').get(number) as RunaRow | undefined;
  }
  useRuna(number: string, at: number): void {
    this.db.prepare('UPDATE runa_codes SET used_at = ? WHERE number = ?').run(at, number);
  }
  /** Counts a wrong guess against the live RUNA; at `max` the code is spent. Returns the count. */
  runaGuessFailed(number: string, at: number, max: number): number {
    this.db.prepare('UPDATE runa_codes SET failed_attempts = failed_attempts + 1 WHERE number = ?').run(number);
    const n = (this.db.prepare('SELECT failed_attempts AS n FROM runa_codes WHERE number = ?').get(number) as { n: number }).n;
    if (n >= max) this.useRuna(number, at);
    return n;
  }
  recordRunaActivation(number: string, at: number): number {
    this.db.prepare('INSERT INTO runa_activations (number, at) VALUES (?, ?)').run(number, at);
    return (this.db.prepare('SELECT count(*) AS n FROM runa_activations WHERE number = ? AND at > ?').get(number, at - 10 * 60_000) as { n: number }).n;
  }

  // ---- login history (A-SEC-3) ----
  recordLogin(number: string, at: string, ip: string, success: boolean, reason: string | null): void {
    this.db.prepare('INSERT INTO login_history (number, at, ip, success, reason) VALUES (?, ?, ?, ?, ?)').run(number, at, ip, success ? 1 : 0, reason);
  }
  loginHistory(number: string, limit = 100): Array<{ at: string; ip: string; success: number; reason: string | null }> {
    return this.db.prepare('SELECT at, ip, success, reason FROM login_history WHERE number = ? ORDER BY id DESC LIMIT ?').all(number, limit) as Array<{ at: string; ip: string; success: number; reason: string | null }>;
  }

  // ---- curators (A-SEC-7) ----
  curatorLevel(owner: string, curator: string): 'view' | 'manage' | null {
    return ((this.db.prepare('SELECT level FROM curators WHERE owner = ? AND curator = ?').get(owner, curator) as { level: 'view' | 'manage' } | undefined)?.level) ?? null;
  }
  setCurator(owner: string, curator: string, level: 'view' | 'manage', at: string): void {
    this.db.prepare('INSERT INTO curators (owner, curator, level, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(owner, curator) DO UPDATE SET level = excluded.level').run(owner, curator, level, at);
  }
  removeCurator(owner: string, curator: string): boolean {
    return this.db.prepare('DELETE FROM curators WHERE owner = ? AND curator = ?').run(owner, curator).changes > 0;
  }
  curatorsOf(owner: string): Array<{ curator: string; level: string; created_at: string }> {
    return this.db.prepare('SELECT curator, level, created_at FROM curators WHERE owner = ? ORDER BY curator').all(owner) as Array<{ curator: string; level: string; created_at: string }>;
  }
  curatedBy(curator: string): Array<{ owner: string; level: string }> {
    return this.db.prepare('SELECT owner, level FROM curators WHERE curator = ? ORDER BY owner').all(curator) as Array<{ owner: string; level: string }>;
  }

  /** A-GRP-1: the curator of a group sees and manages its numbers. */
  isGroupCurator(curator: string, member: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM groups g JOIN group_members m ON m.group_id = g.id WHERE g.curator = ? AND m.number = ?').get(curator, member);
  }
  acceptTerms(number: string, at: string): void {
    this.db.prepare('UPDATE accounts SET terms_accepted_at = coalesce(terms_accepted_at, ?) WHERE number = ?').run(at, number);
  }

  // ---- data sessions (A-NET-1, A-NUM-3, A-DET-2) ----
  activeSessionByIp(ip: string): DataSessionRow | undefined {
    return this.db.prepare('SELECT * FROM data_sessions WHERE ip = ? AND stopped_at IS NULL ORDER BY started_at DESC LIMIT 1').get(ip) as DataSessionRow | undefined;
  }
  upsertDataSession(s: Omit<DataSessionRow, 'stopped_at' | 'stop_cause'> & { stopped_at?: string | null; stop_cause?: string | null }): void {
    this.db
      .prepare(
        `INSERT INTO data_sessions (session_id, number, ip, started_at, updated_at, stopped_at, in_bytes, out_bytes, seconds, stop_cause)
         VALUES (@session_id, @number, @ip, @started_at, @updated_at, @stopped_at, @in_bytes, @out_bytes, @seconds, @stop_cause)
         ON CONFLICT(session_id) DO UPDATE SET updated_at = excluded.updated_at, stopped_at = COALESCE(excluded.stopped_at, data_sessions.stopped_at),
           in_bytes = max(data_sessions.in_bytes, excluded.in_bytes), out_bytes = max(data_sessions.out_bytes, excluded.out_bytes),
           seconds = max(data_sessions.seconds, excluded.seconds), stop_cause = COALESCE(excluded.stop_cause, data_sessions.stop_cause)`,
      )
      .run({ stopped_at: null, stop_cause: null, ...s });
  }
  /** A new session on an address ends any earlier one still open there (a missed Stop). */
  closeStaleOnIp(ip: string, exceptSession: string, at: string): void {
    this.db.prepare("UPDATE data_sessions SET stopped_at = ?, stop_cause = 'Stale' WHERE ip = ? AND stopped_at IS NULL AND session_id <> ?").run(at, ip, exceptSession);
  }
  dataSessions(number: string, from: string, to: string): DataSessionRow[] {
    return this.db.prepare('SELECT * FROM data_sessions WHERE number = ? AND started_at >= ? AND started_at < ? ORDER BY started_at').all(number, from, to) as DataSessionRow[];
  }
  /** A-DATA-1 package balances: bytes moved and outgoing call seconds in [from, to). */
  usageBetween(number: string, from: string, to: string): { bytes: number; callSeconds: number } {
    const b = this.db.prepare('SELECT coalesce(sum(in_bytes + out_bytes), 0) AS b FROM data_sessions WHERE number = ? AND started_at >= ? AND started_at < ?').get(number, from, to) as { b: number };
    const s = this.db.prepare("SELECT coalesce(sum(seconds), 0) AS s FROM call_records WHERE number = ? AND direction = 'out' AND started_at >= ? AND started_at < ?").get(number, from, to) as { s: number };
    return { bytes: b.b, callSeconds: s.s };
  }
}
