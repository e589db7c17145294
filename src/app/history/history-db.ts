// D-TRAF-2: the app's local record of every data session, in SQLite (better-sqlite3),
// with a per-minute series. Each minute row carries its Kyiv day and month, computed when
// written, so daily and monthly totals are plain GROUP BYs that agree with the calendar
// the user sees. Callers never write SQL: this file is the whole interface.
import Database from 'better-sqlite3';
import { kyivDay, kyivMonth } from '../../shared/kyiv-time';

export interface SessionRow {
  id: number;
  startedAt: string;
  endedAt: string | null;
  number: string | null;
  modem: string | null;
  virtual: boolean;
  iface: string | null;
  localIp: string | null;
  rxBytes: number;
  txBytes: number;
  modemRxBytes: number | null;
  modemTxBytes: number | null;
  osRxBytes: number | null;
  osTxBytes: number | null;
  endReason: string | null;
}

export interface PeriodTotal {
  period: string; // "2026-11-24" or "2026-11"
  rxBytes: number;
  txBytes: number;
  seconds: number;
  sessions: number;
}

const MIGRATIONS: string[] = [
  `CREATE TABLE sessions (
     id INTEGER PRIMARY KEY,
     started_at TEXT NOT NULL,
     ended_at TEXT,
     number TEXT,
     modem TEXT,
     virtual INTEGER NOT NULL DEFAULT 0,
     iface TEXT,
     local_ip TEXT,
     rx_bytes INTEGER NOT NULL DEFAULT 0,
     tx_bytes INTEGER NOT NULL DEFAULT 0,
     modem_rx_bytes INTEGER, modem_tx_bytes INTEGER,
     os_rx_bytes INTEGER, os_tx_bytes INTEGER,
     end_reason TEXT
   );
   CREATE INDEX sessions_started ON sessions(started_at);
   CREATE TABLE session_minutes (
     session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
     minute TEXT NOT NULL,
     kyiv_day TEXT NOT NULL,
     kyiv_month TEXT NOT NULL,
     rx_bytes INTEGER NOT NULL,
     tx_bytes INTEGER NOT NULL,
     seconds INTEGER NOT NULL,
     PRIMARY KEY (session_id, minute)
   ) WITHOUT ROWID;
   CREATE INDEX minutes_day ON session_minutes(kyiv_day);
   CREATE INDEX minutes_month ON session_minutes(kyiv_month);`,
  // The app's own SMS marks (sms-unread.ts), so a message not yet opened is still unread after a restart.
  `CREATE TABLE sms_marks (
     key TEXT PRIMARY KEY,
     unread INTEGER NOT NULL,
     announced INTEGER NOT NULL
   ) WITHOUT ROWID;`,
];

const toRow = (r: Record<string, unknown>): SessionRow => ({
  id: r.id as number,
  startedAt: r.started_at as string,
  endedAt: (r.ended_at as string | null) ?? null,
  number: (r.number as string | null) ?? null,
  modem: (r.modem as string | null) ?? null,
  virtual: r.virtual === 1,
  iface: (r.iface as string | null) ?? null,
  localIp: (r.local_ip as string | null) ?? null,
  rxBytes: r.rx_bytes as number,
  txBytes: r.tx_bytes as number,
  modemRxBytes: (r.modem_rx_bytes as number | null) ?? null,
  modemTxBytes: (r.modem_tx_bytes as number | null) ?? null,
  osRxBytes: (r.os_rx_bytes as number | null) ?? null,
  osTxBytes: (r.os_tx_bytes as number | null) ?? null,
  endReason: (r.end_reason as string | null) ?? null,
});

export class HistoryDb {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  /** Sessions a crash left open are closed at their last recorded minute. */
  closeDangling(reason = 'app_stopped'): number {
    return this.db
      .prepare(
        `UPDATE sessions SET end_reason = ?, ended_at = COALESCE(
           (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', MAX(minute), '+59 seconds') FROM session_minutes WHERE session_id = sessions.id), started_at)
         WHERE ended_at IS NULL`,
      )
      .run(reason).changes;
  }

  startSession(s: { startedAt: Date; number: string | null; modem: string | null; virtual: boolean; iface: string | null; localIp: string | null }): number {
    const r = this.db
      .prepare('INSERT INTO sessions (started_at, number, modem, virtual, iface, local_ip) VALUES (?, ?, ?, ?, ?, ?)')
      .run(s.startedAt.toISOString(), s.number, s.modem, s.virtual ? 1 : 0, s.iface, s.localIp);
    return Number(r.lastInsertRowid);
  }

  /** Adds bytes and connected seconds to a minute (minute = the UTC minute's start). */
  addToMinute(sessionId: number, minuteStart: Date, rxBytes: number, txBytes: number, seconds: number): void {
    this.db
      .prepare(
        `INSERT INTO session_minutes (session_id, minute, kyiv_day, kyiv_month, rx_bytes, tx_bytes, seconds) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (session_id, minute) DO UPDATE SET rx_bytes = rx_bytes + excluded.rx_bytes, tx_bytes = tx_bytes + excluded.tx_bytes, seconds = seconds + excluded.seconds`,
      )
      .run(sessionId, minuteStart.toISOString(), kyivDay(minuteStart), kyivMonth(minuteStart), rxBytes, txBytes, seconds);
  }

  updateTotals(sessionId: number, t: { rxBytes: number; txBytes: number; modem: { rxBytes: number; txBytes: number } | null; os: { rxBytes: number; txBytes: number } | null }): void {
    this.db
      .prepare('UPDATE sessions SET rx_bytes = ?, tx_bytes = ?, modem_rx_bytes = ?, modem_tx_bytes = ?, os_rx_bytes = ?, os_tx_bytes = ? WHERE id = ?')
      .run(t.rxBytes, t.txBytes, t.modem?.rxBytes ?? null, t.modem?.txBytes ?? null, t.os?.rxBytes ?? null, t.os?.txBytes ?? null, sessionId);
  }

  endSession(sessionId: number, endedAt: Date, reason: string): void {
    this.db.prepare('UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL').run(endedAt.toISOString(), reason, sessionId);
  }

  session(id: number): SessionRow | null {
    const r = this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    return r ? toRow(r) : null;
  }

  /** Sessions that started in [from, to), newest first. */
  sessions(from: Date, to: Date, limit = 500): SessionRow[] {
    return (this.db.prepare('SELECT * FROM sessions WHERE started_at >= ? AND started_at < ? ORDER BY started_at DESC LIMIT ?').all(from.toISOString(), to.toISOString(), limit) as Record<string, unknown>[]).map(toRow);
  }

  minutes(sessionId: number): Array<{ minute: string; rxBytes: number; txBytes: number; seconds: number }> {
    return this.db.prepare('SELECT minute, rx_bytes AS rxBytes, tx_bytes AS txBytes, seconds FROM session_minutes WHERE session_id = ? ORDER BY minute').all(sessionId) as never;
  }

  /** Per Kyiv day of one Kyiv month ("2026-11"). */
  dailyTotals(month: string): PeriodTotal[] {
    return this.db
      .prepare(
        `SELECT kyiv_day AS period, SUM(rx_bytes) AS rxBytes, SUM(tx_bytes) AS txBytes, SUM(seconds) AS seconds, COUNT(DISTINCT session_id) AS sessions
         FROM session_minutes WHERE kyiv_month = ? GROUP BY kyiv_day ORDER BY kyiv_day`,
      )
      .all(month) as PeriodTotal[];
  }

  /** Per Kyiv month of one year ("2026"). */
  monthlyTotals(year: string): PeriodTotal[] {
    return this.db
      .prepare(
        `SELECT kyiv_month AS period, SUM(rx_bytes) AS rxBytes, SUM(tx_bytes) AS txBytes, SUM(seconds) AS seconds, COUNT(DISTINCT session_id) AS sessions
         FROM session_minutes WHERE kyiv_month LIKE ? GROUP BY kyiv_month ORDER BY kyiv_month`,
      )
      .all(`${year}-%`) as PeriodTotal[];
  }

  /** One period's totals (a Kyiv day or month), zeros when nothing was recorded. */
  totalFor(period: string): PeriodTotal {
    const column = period.length === 10 ? 'kyiv_day' : 'kyiv_month';
    const r = this.db
      .prepare(`SELECT COALESCE(SUM(rx_bytes),0) AS rxBytes, COALESCE(SUM(tx_bytes),0) AS txBytes, COALESCE(SUM(seconds),0) AS seconds, COUNT(DISTINCT session_id) AS sessions FROM session_minutes WHERE ${column} = ?`)
      .get(period) as Omit<PeriodTotal, 'period'>;
    return { period, ...r };
  }

  /** The SMS marks kept (SmsMarkStore). */
  loadSmsMarks(): Array<{ key: string; unread: boolean; announced: boolean }> {
    return (this.db.prepare('SELECT key, unread, announced FROM sms_marks').all() as Array<{ key: string; unread: number; announced: number }>).map((r) => ({ key: r.key, unread: r.unread === 1, announced: r.announced === 1 }));
  }

  /** Keeps one message's marks, or forgets them (null, or neither mark set). */
  saveSmsMark(key: string, m: { unread: boolean; announced: boolean } | null): void {
    if (!m || (!m.unread && !m.announced)) this.db.prepare('DELETE FROM sms_marks WHERE key = ?').run(key);
    else this.db.prepare('INSERT INTO sms_marks (key, unread, announced) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET unread = excluded.unread, announced = excluded.announced').run(key, m.unread ? 1 : 0, m.announced ? 1 : 0);
  }

  close(): void {
    this.db.close();
  }
}
