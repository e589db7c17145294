// Versioned schema changes, applied in order once each and recorded in schema_migrations.
// Part 1 (subscribers, security, network) uses versions 1-49; part 2 (money, details,
// services, tariffs) 50-99. Plain SQL that PostgreSQL also accepts; the types and the
// few other words the engines spell differently are translated in migration-dialect.ts.
import { migrationSql, type MigrationSql } from './migration-dialect';
import type { StoreEngine } from './open-database';
import { MONEY_MIGRATIONS } from './money-migrations';
import { OPERATOR_MIGRATIONS } from './operator-migrations';
import { SCREENS_MIGRATIONS } from './screens-migrations';
import { SECURITY_MIGRATIONS } from './security-migrations';

export interface Migration {
  version: number;
  name: string;
  sql: MigrationSql;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'subscribers and security',
    sql: `
      CREATE TABLE tariffs (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        monthly_fee_kopecks INTEGER NOT NULL CHECK (monthly_fee_kopecks >= 0),
        description TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE subscribers (
        number TEXT PRIMARY KEY CHECK (length(number) = 9),
        account_number TEXT NOT NULL UNIQUE,
        owner_name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'blocked', 'suspended', 'disconnected')),
        tariff_id TEXT NOT NULL REFERENCES tariffs(id),
        balance_kopecks INTEGER NOT NULL DEFAULT 0,
        corporate INTEGER NOT NULL DEFAULT 0,
        connected_at TEXT NOT NULL
      );
      CREATE TABLE accounts (
        number TEXT PRIMARY KEY REFERENCES subscribers(number),
        password_hash TEXT NOT NULL,
        email TEXT,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_at TEXT,
        protected_sections TEXT NOT NULL DEFAULT '[]',
        registered_at TEXT NOT NULL
      );
      CREATE TABLE web_sessions (
        token_hash TEXT PRIMARY KEY,
        number TEXT NOT NULL REFERENCES accounts(number),
        csrf TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        runa_opened_at INTEGER
      );
      CREATE INDEX web_sessions_number ON web_sessions(number);
      CREATE TABLE runa_codes (
        number TEXT PRIMARY KEY REFERENCES subscribers(number),
        code_hash TEXT NOT NULL,
        activated_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER
      );
      CREATE TABLE runa_activations (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX runa_activations_number ON runa_activations(number, at);
      CREATE TABLE login_history (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL,
        at TEXT NOT NULL,
        ip TEXT NOT NULL,
        success INTEGER NOT NULL,
        reason TEXT
      );
      CREATE INDEX login_history_number ON login_history(number, at);
      CREATE TABLE curators (
        owner TEXT NOT NULL REFERENCES subscribers(number),
        curator TEXT NOT NULL REFERENCES subscribers(number),
        level TEXT NOT NULL CHECK (level IN ('view', 'manage')),
        created_at TEXT NOT NULL,
        PRIMARY KEY (owner, curator)
      );
    `,
  },
  {
    version: 2,
    name: 'data sessions from RADIUS accounting (A-NET-1, A-DET-2)',
    sql: `
      CREATE TABLE data_sessions (
        session_id TEXT PRIMARY KEY,
        number TEXT NOT NULL,
        ip TEXT NOT NULL,
        started_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        stopped_at TEXT,
        in_bytes INTEGER NOT NULL DEFAULT 0,
        out_bytes INTEGER NOT NULL DEFAULT 0,
        seconds INTEGER NOT NULL DEFAULT 0,
        stop_cause TEXT
      );
      CREATE INDEX data_sessions_active_ip ON data_sessions(ip) WHERE stopped_at IS NULL;
      CREATE INDEX data_sessions_number ON data_sessions(number, started_at);
    `,
  },
  {
    version: 3,
    name: 'RUNA wrong guesses (a live code is spent after 5)',
    sql: `ALTER TABLE runa_codes ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    version: 50,
    name: 'money: ledger, idempotency, vouchers, payments, services, tariff changes, billing runs',
    sql: `
      ALTER TABLE tariffs ADD COLUMN switch_cost_kopecks INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE movements (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL REFERENCES subscribers(number),
        at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('payment', 'voucher', 'fee', 'service_fee', 'tariff_change', 'transfer_in', 'transfer_out', 'bonus')),
        amount_kopecks INTEGER NOT NULL,
        balance_after_kopecks INTEGER NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        ref TEXT
      );
      CREATE INDEX movements_number_at ON movements(number, at);
      CREATE TABLE idempotency_keys (
        number TEXT NOT NULL,
        key TEXT NOT NULL,
        route TEXT NOT NULL,
        status INTEGER NOT NULL,
        response TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (number, key)
      );
      CREATE TABLE vouchers (
        code_hash TEXT PRIMARY KEY,
        amount_kopecks INTEGER NOT NULL CHECK (amount_kopecks > 0),
        used_by TEXT,
        used_at TEXT
      );
      CREATE TABLE voucher_failures (id INTEGER PRIMARY KEY, number TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE TABLE card_payments (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL,
        for_number TEXT NOT NULL,
        amount_kopecks INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('approved', 'declined', '3ds_required')),
        created_at TEXT NOT NULL
      );
      CREATE TABLE services (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        monthly_fee_kopecks INTEGER NOT NULL DEFAULT 0,
        requires_terms INTEGER NOT NULL DEFAULT 0,
        terms TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE subscriber_services (
        number TEXT NOT NULL REFERENCES subscribers(number),
        service_id TEXT NOT NULL REFERENCES services(id),
        enabled_at TEXT NOT NULL,
        PRIMARY KEY (number, service_id)
      );
      CREATE TABLE tariff_changes (
        number TEXT PRIMARY KEY REFERENCES subscribers(number),
        tariff_id TEXT NOT NULL REFERENCES tariffs(id),
        requested_at TEXT NOT NULL,
        effective_from TEXT NOT NULL
      );
      CREATE TABLE tariff_history (id INTEGER PRIMARY KEY, number TEXT NOT NULL, tariff_id TEXT NOT NULL, requested_at TEXT NOT NULL);
      CREATE TABLE billing_runs (month TEXT PRIMARY KEY, ran_at TEXT NOT NULL);
    `,
  },
  {
    version: 51,
    name: 'utilities, groups, help desk',
    sql: `
      CREATE TABLE blocked_numbers (owner TEXT NOT NULL REFERENCES subscribers(number), number TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (owner, number));
      CREATE TABLE forwarding (owner TEXT PRIMARY KEY REFERENCES subscribers(number), kind TEXT NOT NULL, target TEXT NOT NULL, wait_seconds INTEGER NOT NULL DEFAULT 20);
      CREATE TABLE sip_accounts (owner TEXT PRIMARY KEY REFERENCES subscribers(number), password_hash TEXT NOT NULL, changed_at TEXT NOT NULL);
      CREATE TABLE call_records (id INTEGER PRIMARY KEY, number TEXT NOT NULL, peer TEXT NOT NULL, direction TEXT NOT NULL CHECK (direction IN ('in', 'out', 'missed')), started_at TEXT NOT NULL, seconds INTEGER NOT NULL DEFAULT 0, cost_kopecks INTEGER NOT NULL DEFAULT 0);
      CREATE INDEX call_records_number ON call_records(number, started_at);
      CREATE TABLE groups (id TEXT PRIMARY KEY, name TEXT NOT NULL, curator TEXT NOT NULL);
      CREATE TABLE group_members (group_id TEXT NOT NULL REFERENCES groups(id), number TEXT NOT NULL, PRIMARY KEY (group_id, number));
      CREATE TABLE tickets (id INTEGER PRIMARY KEY, number TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('question', 'callback')), text TEXT NOT NULL, phone TEXT, status TEXT NOT NULL DEFAULT 'open', created_at TEXT NOT NULL);
    `,
  },
  {
    version: 52,
    name: 'terms of use accepted (A-SVC-3), bonuses (A-DATA-1)',
    sql: `
      ALTER TABLE accounts ADD COLUMN terms_accepted_at TEXT;
      ALTER TABLE subscribers ADD COLUMN bonus_kopecks INTEGER NOT NULL DEFAULT 0;
    `,
  },
  ...SECURITY_MIGRATIONS,
  ...MONEY_MIGRATIONS,
  ...OPERATOR_MIGRATIONS,
  ...SCREENS_MIGRATIONS,
];

/** Applies every migration not yet recorded, each in its own transaction; returns the versions applied. */
export async function migrate(engine: StoreEngine, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
  // Several nodes may start at once on one PostgreSQL database: one migrates, the others
  // wait for it and then find every version recorded. (SQLite: BEGIN IMMEDIATE queues them.)
  const run = await engine.withJobLock(
    'migrate',
    async () => {
      await engine.transaction((trx) => engine.execScript(trx, migrationSql('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)', engine.kind)));
      const applied: number[] = [];
      for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
        const ran = await engine.transaction(async (trx) => {
          // Checked inside the transaction: another process may be migrating the same database.
          if (await trx.selectFrom('schema_migrations').select('version').where('version', '=', m.version).executeTakeFirst()) return false;
          await engine.execScript(trx, migrationSql(m.sql, engine.kind));
          await trx.insertInto('schema_migrations').values({ version: m.version, name: m.name, applied_at: new Date().toISOString() }).execute();
          return true;
        });
        if (ran) applied.push(m.version);
      }
      return applied;
    },
    { wait: true },
  );
  return run.ran ? run.value : [];
}
