// Queries of the smaller sections: details (A-DET-1/2), utilities (A-UTL), groups (A-GRP),
// the help desk (A-HLP-1).
import type { Db } from './open-database';

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
  constructor(readonly db: Db) {}

  /** A-DET-2 data sessions (from RADIUS accounting), keyset-paged by (started_at, id). */
  sessionDetails(number: string, from: string, to: string, after: string | null, limit: number): DetailRow[] {
    const rows = this.db
      .prepare('SELECT session_id, started_at, stopped_at, ip, in_bytes, out_bytes, seconds, stop_cause FROM data_sessions WHERE number = ? AND started_at >= ? AND started_at < ? AND (? IS NULL OR started_at || session_id > ?) ORDER BY started_at, session_id LIMIT ?')
      .all(number, from, to, after, after, limit) as Array<{ session_id: string; started_at: string; stopped_at: string | null; ip: string; in_bytes: number; out_bytes: number; seconds: number; stop_cause: string | null }>;
    return rows.map((r) => ({ id: r.session_id, startedAt: r.started_at, endedAt: r.stopped_at, ip: r.ip, inBytes: r.in_bytes, outBytes: r.out_bytes, seconds: r.seconds, stopCause: r.stop_cause }));
  }
  /** A-DET-1 calls. */
  callDetails(number: string, from: string, to: string, after: string | null, limit: number): DetailRow[] {
    const rows = this.db
      .prepare("SELECT id, peer, direction, started_at, seconds, cost_kopecks FROM call_records WHERE number = ? AND started_at >= ? AND started_at < ? AND (? IS NULL OR started_at || printf('%012d', id) > ?) ORDER BY started_at, id LIMIT ?")
      .all(number, from, to, after, after, limit) as Array<{ id: number; peer: string; direction: string; started_at: string; seconds: number; cost_kopecks: number }>;
    return rows.map((r) => ({ id: String(r.id), startedAt: r.started_at, endedAt: null, peer: r.peer, direction: r.direction, seconds: r.seconds, cost: r.cost_kopecks }));
  }
  missedCalls(number: string, limit = 50): Array<{ from: string; at: string }> {
    return (this.db.prepare("SELECT peer, started_at FROM call_records WHERE number = ? AND direction = 'missed' ORDER BY started_at DESC LIMIT ?").all(number, limit) as Array<{ peer: string; started_at: string }>).map((r) => ({ from: r.peer, at: r.started_at }));
  }
  addCall(c: { number: string; peer: string; direction: 'in' | 'out' | 'missed'; started_at: string; seconds: number; cost_kopecks: number }): void {
    this.db.prepare('INSERT INTO call_records (number, peer, direction, started_at, seconds, cost_kopecks) VALUES (@number, @peer, @direction, @started_at, @seconds, @cost_kopecks)').run(c);
  }

  blocked(owner: string): Array<{ number: string }> {
    return this.db.prepare('SELECT number FROM blocked_numbers WHERE owner = ? ORDER BY number').all(owner) as Array<{ number: string }>;
  }
  block(owner: string, number: string, at: string): void {
    this.db.prepare('INSERT OR IGNORE INTO blocked_numbers (owner, number, created_at) VALUES (?, ?, ?)').run(owner, number, at);
  }
  unblock(owner: string, number: string): boolean {
    return this.db.prepare('DELETE FROM blocked_numbers WHERE owner = ? AND number = ?').run(owner, number).changes > 0;
  }
  forwarding(owner: string): { kind: string; target: string; wait_seconds: number } | undefined {
    return this.db.prepare('SELECT kind, target, wait_seconds FROM forwarding WHERE owner = ?').get(owner) as { kind: string; target: string; wait_seconds: number } | undefined;
  }
  setForwarding(owner: string, f: { kind: string; target: string; waitSeconds: number } | null): void {
    if (!f) this.db.prepare('DELETE FROM forwarding WHERE owner = ?').run(owner);
    else this.db.prepare('INSERT INTO forwarding (owner, kind, target, wait_seconds) VALUES (?, ?, ?, ?) ON CONFLICT(owner) DO UPDATE SET kind = excluded.kind, target = excluded.target, wait_seconds = excluded.wait_seconds').run(owner, f.kind, f.target, f.waitSeconds);
  }
  setSipPassword(owner: string, hash: string, at: string): void {
    this.db.prepare('INSERT INTO sip_accounts (owner, password_hash, changed_at) VALUES (?, ?, ?) ON CONFLICT(owner) DO UPDATE SET password_hash = excluded.password_hash, changed_at = excluded.changed_at').run(owner, hash, at);
  }

  groupOf(number: string): { id: string; name: string; curator: string; members: Array<{ number: string }> } | null {
    const g = this.db.prepare('SELECT g.id, g.name, g.curator FROM groups g JOIN group_members m ON m.group_id = g.id WHERE m.number = ? OR g.curator = ? LIMIT 1').get(number, number) as { id: string; name: string; curator: string } | undefined;
    if (!g) return null;
    return { ...g, members: this.db.prepare('SELECT number FROM group_members WHERE group_id = ? ORDER BY number').all(g.id) as Array<{ number: string }> };
  }

  addTicket(t: { number: string; kind: 'question' | 'callback'; text: string; phone: string | null; created_at: string }): number {
    return Number(this.db.prepare('INSERT INTO tickets (number, kind, text, phone, created_at) VALUES (@number, @kind, @text, @phone, @created_at)').run(t).lastInsertRowid);
  }
  tickets(number: string): Array<{ id: number; kind: string; text: string; status: string; created_at: string; answers: Array<{ text: string; at: string }> }> {
    const list = this.db.prepare('SELECT id, kind, text, status, created_at FROM tickets WHERE number = ? ORDER BY id DESC').all(number) as Array<{ id: number; kind: string; text: string; status: string; created_at: string }>;
    // The help desk's answers (written on the operator's side, ticket_answers).
    const answers = this.db.prepare('SELECT a.ticket_id, a.text, a.at FROM ticket_answers a JOIN tickets t ON t.id = a.ticket_id WHERE t.number = ? ORDER BY a.id').all(number) as Array<{ ticket_id: number; text: string; at: string }>;
    return list.map((t) => ({ ...t, answers: answers.filter((a) => a.ticket_id === t.id).map((a) => ({ text: a.text, at: a.at })) }));
  }
}
