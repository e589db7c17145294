// The operator's side (issue 14) uses migration versions 140-159: operator accounts and
// sessions, the operations done to a subscriber, catalogue texts/includes/price versions,
// voucher batches, help-desk answers, and the operator audit log.
import type { Migration } from './migrations';

export const OPERATOR_MIGRATIONS: Migration[] = [
  {
    version: 140,
    name: 'operator accounts, sessions, subscriber operations, audit',
    sql: `
      CREATE TABLE operators (
        login TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'support', 'billing')),
        must_change_password INTEGER NOT NULL DEFAULT 1,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_at TEXT,
        disabled_at TEXT,
        totp_secret TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT
      );
      CREATE TABLE operator_sessions (
        token_hash TEXT PRIMARY KEY,
        login TEXT NOT NULL REFERENCES operators(login),
        csrf TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL
      );
      CREATE INDEX operator_sessions_login ON operator_sessions(login);
      CREATE TABLE subscriber_operations (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL,
        kind TEXT NOT NULL,
        from_value TEXT,
        to_value TEXT,
        reason TEXT NOT NULL,
        operator TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX subscriber_operations_number ON subscriber_operations(number, at);
      CREATE TABLE operator_audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        operator TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        details TEXT NOT NULL DEFAULT '{}',
        ip TEXT
      );
      CREATE INDEX operator_audit_target ON operator_audit(target, at);
      CREATE INDEX operator_audit_at ON operator_audit(at);
    `,
  },
  {
    version: 141,
    name: 'catalogue texts in uk/ru/en, what an item includes, price versions; voucher batches; help-desk answers',
    sql: `
      CREATE TABLE catalogue_texts (
        kind TEXT NOT NULL CHECK (kind IN ('tariff', 'service')),
        item_id TEXT NOT NULL,
        lang TEXT NOT NULL CHECK (lang IN ('uk', 'ru', 'en')),
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (kind, item_id, lang)
      );
      CREATE TABLE catalogue_includes (
        kind TEXT NOT NULL CHECK (kind IN ('tariff', 'service')),
        item_id TEXT NOT NULL,
        minutes INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
        megabytes INTEGER NOT NULL DEFAULT 0 CHECK (megabytes >= 0),
        PRIMARY KEY (kind, item_id)
      );
      CREATE TABLE price_versions (
        kind TEXT NOT NULL CHECK (kind IN ('tariff', 'service')),
        item_id TEXT NOT NULL,
        valid_from TEXT NOT NULL,
        monthly_fee_kopecks INTEGER NOT NULL CHECK (monthly_fee_kopecks >= 0),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (kind, item_id, valid_from)
      );
      CREATE TABLE voucher_batches (
        id INTEGER PRIMARY KEY,
        count INTEGER NOT NULL CHECK (count > 0),
        amount_kopecks INTEGER NOT NULL CHECK (amount_kopecks > 0),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE voucher_batch_codes (
        code_hash TEXT PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES voucher_batches(id)
      );
      CREATE INDEX voucher_batch_codes_batch ON voucher_batch_codes(batch_id);
      CREATE TABLE ticket_answers (
        id INTEGER PRIMARY KEY,
        ticket_id INTEGER NOT NULL,
        text TEXT NOT NULL,
        operator TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX ticket_answers_ticket ON ticket_answers(ticket_id);
    `,
  },
  {
    version: 142,
    name: 'ledger movements of kind adjustment (an operator goodwill credit or correction)',
    // SQLite cannot change a CHECK in place: the table is rebuilt with the same rows.
    // PostgreSQL changes the constraint (a rebuild there would leave the id sequence behind).
    // 'call' is issue 13's (A-NET-3 calls beyond the package minutes), kept in this one change.
    sql: {
      sqlite: `
      CREATE TABLE movements_next (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL REFERENCES subscribers(number),
        at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('payment', 'voucher', 'fee', 'service_fee', 'tariff_change', 'transfer_in', 'transfer_out', 'bonus', 'adjustment', 'call')),
        amount_kopecks INTEGER NOT NULL,
        balance_after_kopecks INTEGER NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        ref TEXT
      );
      INSERT INTO movements_next SELECT id, number, at, kind, amount_kopecks, balance_after_kopecks, description, ref FROM movements;
      DROP TABLE movements;
      ALTER TABLE movements_next RENAME TO movements;
      CREATE INDEX movements_number_at ON movements(number, at);
    `,
      postgres: `
      ALTER TABLE movements DROP CONSTRAINT movements_kind_check;
      ALTER TABLE movements ADD CONSTRAINT movements_kind_check CHECK (kind IN ('payment', 'voucher', 'fee', 'service_fee', 'tariff_change', 'transfer_in', 'transfer_out', 'bonus', 'adjustment', 'call'));
    `,
    },
  },
  {
    version: 143,
    name: 'subscriber contact e-mail given at the operator (invitations, recovery before registration); curator invitations',
    sql: `
      CREATE TABLE subscriber_contacts (number TEXT PRIMARY KEY, email TEXT NOT NULL);
      CREATE TABLE registration_invitations (
        token_hash TEXT PRIMARY KEY,
        number TEXT NOT NULL,
        email TEXT NOT NULL,
        invited_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER
      );
    `,
  },
];
