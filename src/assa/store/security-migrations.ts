// Migrations 100-119 (issue 12: the server secure by default). Plain SQL both engines
// accept; times are epoch milliseconds like web_sessions; text keys only.
import type { Migration } from './migrations';

export const SECURITY_MIGRATIONS: Migration[] = [
  {
    version: 100,
    name: 'Idempotency-Key bound to its route and body, reserved while its first request runs',
    sql: `
      CREATE TABLE idempotency_claims (
        number TEXT NOT NULL,
        key TEXT NOT NULL,
        route TEXT NOT NULL,
        body_hash TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('in_flight', 'done')),
        claimed_at INTEGER NOT NULL,
        PRIMARY KEY (number, key)
      );
    `,
  },
  {
    version: 101,
    name: 'password recovery confirmed by a single-use link mailed to the registered e-mail',
    sql: `
      CREATE TABLE password_recovery (
        token_hash TEXT PRIMARY KEY,
        number TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER
      );
      CREATE INDEX password_recovery_number ON password_recovery(number);
    `,
  },
  {
    version: 102,
    name: 'audit log of subscriber security events (logins, failures, locks, unlocks, password/e-mail changes, recovery)',
    sql: `
      CREATE TABLE security_events (
        id TEXT PRIMARY KEY,
        at INTEGER NOT NULL,
        number TEXT,
        event TEXT NOT NULL,
        ip TEXT,
        details TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX security_events_number ON security_events(number, at);
      CREATE INDEX security_events_at ON security_events(at);
    `,
  },
  {
    version: 103,
    name: 'audit of every ledger movement: who or what caused it (subscriber, operator, billing run, gateway, network side)',
    sql: `
      CREATE TABLE money_audit (
        id INTEGER PRIMARY KEY,
        movement_id INTEGER NOT NULL,
        at TEXT NOT NULL,
        number TEXT NOT NULL,
        kind TEXT NOT NULL,
        amount_kopecks INTEGER NOT NULL,
        ref TEXT,
        actor_kind TEXT NOT NULL CHECK (actor_kind IN ('subscriber', 'operator', 'billing', 'gateway', 'network', 'system')),
        actor_id TEXT,
        ip TEXT
      );
      CREATE INDEX money_audit_number ON money_audit(number, id);
      CREATE INDEX money_audit_movement ON money_audit(movement_id);
    `,
  },
  {
    version: 104,
    name: 'an Idempotency-Key claim records the node (assa server process) that owns it: the claim of a dead node is taken over at once',
    // Claims in flight from before this have no owner: the stale period frees them.
    sql: `
      ALTER TABLE idempotency_claims ADD COLUMN owner_node TEXT;
      ALTER TABLE idempotency_claims ADD COLUMN takeovers INTEGER NOT NULL DEFAULT 0;
    `,
  },
];
