// The demo's payment gateway (refused without --demo): it keeps its own record of charges
// in its own SQLite file, as a real gateway keeps its own books, so a payment whose
// answer was lost in a crash can be settled against it and the crash tests can count
// charges independently of the ASSA database. The usual test cards:
//   4111 1111 1111 1111 approves, 4000 0000 0000 0002 declines,
//   4000 0000 0000 3220 asks for 3-D Secure (code 1234; 3 tries, then declined;
//   unconfirmed after 15 minutes, declined), any expired card is refused;
//   e-wallet accounts containing "decline" are declined.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AssaClock } from '../domain/clock';
import { cardExpired, luhnValid } from './card-rules';
import type { ChargeRequest, DeclineReason, GatewayOutcome, PaymentGateway } from './gateway';

export const THREE_DS_TRIES = 3;
export const THREE_DS_CODE = '1234';
export const THREE_DS_TIMEOUT_MS = 15 * 60_000;

interface ChargeRow {
  key: string;
  amount: number;
  method: string;
  status: 'approved' | 'declined' | '3ds_required';
  reason: string | null;
  tries_left: number;
  created_at: number;
  updated_at: number;
}

export interface TestGateway extends PaymentGateway {
  /** The gateway's own books, for tests and the crash check. */
  charges(): ChargeRow[];
  close(): void;
}

export function openTestGateway(file: string, clock: AssaClock): TestGateway {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS charges (
    key TEXT PRIMARY KEY,
    amount INTEGER NOT NULL,
    method TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('approved', 'declined', '3ds_required')),
    reason TEXT,
    tries_left INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`);
  const get = db.prepare('SELECT * FROM charges WHERE key = ?');
  const insert = db.prepare('INSERT INTO charges (key, amount, method, status, reason, tries_left, created_at, updated_at) VALUES (@key, @amount, @method, @status, @reason, @tries_left, @created_at, @updated_at)');
  const update = db.prepare('UPDATE charges SET status = @status, reason = @reason, tries_left = @tries_left, updated_at = @updated_at WHERE key = @key');

  const outcome = (r: ChargeRow): Exclude<GatewayOutcome, { status: 'unknown' }> =>
    r.status === 'approved' ? { status: 'approved', amount: r.amount } : r.status === 'declined' ? { status: 'declined', amount: r.amount, reason: r.reason as DeclineReason } : { status: '3ds_required', amount: r.amount, triesLeft: r.tries_left };

  /** A 3-D Secure wait that ran out is declined in the record the moment anyone looks. */
  const current = (key: string): ChargeRow | undefined => {
    const r = get.get(key) as ChargeRow | undefined;
    if (r?.status === '3ds_required' && clock.now() - r.created_at >= THREE_DS_TIMEOUT_MS) {
      const expired = { ...r, status: 'declined' as const, reason: '3ds_expired', updated_at: clock.now() };
      update.run(expired);
      return expired;
    }
    return r;
  };

  const decide = (req: ChargeRequest): Pick<ChargeRow, 'status' | 'reason' | 'tries_left'> => {
    const s = req.source;
    if (s.kind === 'wallet') return /decline/i.test(s.account) ? { status: 'declined', reason: 'wallet_declined', tries_left: 0 } : { status: 'approved', reason: null, tries_left: 0 };
    if (cardExpired(s.expiry, clock.now())) return { status: 'declined', reason: 'card_expired', tries_left: 0 };
    if (s.cardNumber === '4000000000000002' || !luhnValid(s.cardNumber)) return { status: 'declined', reason: 'card_declined', tries_left: 0 };
    if (s.cardNumber === '4000000000003220') return { status: '3ds_required', reason: null, tries_left: THREE_DS_TRIES };
    return { status: 'approved', reason: null, tries_left: 0 };
  };

  return {
    name: 'test',
    async charge(req) {
      return db.transaction(() => {
        const seen = current(req.key);
        if (seen) return outcome(seen);
        const at = clock.now();
        const row: ChargeRow = { key: req.key, amount: req.amount, method: req.source.kind, created_at: at, updated_at: at, ...decide(req) };
        insert.run(row);
        return outcome(row);
      }).immediate();
    },
    async confirm3ds(key, code) {
      return db.transaction((): GatewayOutcome => {
        const r = current(key);
        if (!r) return { status: 'unknown' };
        if (r.status !== '3ds_required') return outcome(r);
        const next: ChargeRow =
          code === THREE_DS_CODE
            ? { ...r, status: 'approved', tries_left: 0, updated_at: clock.now() }
            : r.tries_left > 1
              ? { ...r, tries_left: r.tries_left - 1, updated_at: clock.now() }
              : { ...r, status: 'declined', reason: '3ds_failed', tries_left: 0, updated_at: clock.now() };
        update.run(next);
        return outcome(next);
      }).immediate();
    },
    async status(key) {
      const r = db.transaction(() => current(key)).immediate();
      return r ? outcome(r) : { status: 'unknown' };
    },
    charges: () => db.prepare('SELECT * FROM charges ORDER BY created_at, key').all() as ChargeRow[],
    close: () => db.close(),
  };
}
