// Migrations 120-139 (issue 13: money that is right every month and survives a crash).
// Plain SQL both engines accept; text keys only (no autoincrement differences).
import type { Migration } from './migrations';

export const MONEY_MIGRATIONS: Migration[] = [
  {
    version: 120,
    name: 'payments outbox: every way money comes in, stored before the gateway is called',
    sql: `
      CREATE TABLE payments (
        id TEXT PRIMARY KEY,
        payer TEXT NOT NULL,
        idem_key TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('card', 'wallet', 'voucher', 'transfer')),
        beneficiary TEXT NOT NULL,
        amount_kopecks INTEGER NOT NULL CHECK (amount_kopecks > 0),
        status TEXT NOT NULL CHECK (status IN ('pending', '3ds_required', 'approved', 'declined')),
        reason TEXT,
        tries_left INTEGER NOT NULL DEFAULT 0,
        gateway TEXT NOT NULL,
        description TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        settled_at TEXT,
        settled_by TEXT,
        UNIQUE (payer, idem_key)
      );
      CREATE INDEX payments_open ON payments (status, updated_at);
      CREATE INDEX payments_payer_month ON payments (payer, created_at);
    `,
  },
  {
    version: 121,
    name: 'recurring service charges, suspension, extra traffic, tariff conditions, waiting tariff changes',
    sql: `
      CREATE TABLE service_charges (
        number TEXT NOT NULL,
        service_id TEXT NOT NULL,
        month TEXT NOT NULL,
        amount_kopecks INTEGER NOT NULL,
        charged_at TEXT NOT NULL,
        PRIMARY KEY (number, service_id, month)
      );
      ALTER TABLE subscriber_services ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE services ADD COLUMN adds_megabytes INTEGER NOT NULL DEFAULT 0;
      UPDATE services SET adds_megabytes = 5120 WHERE id = 'traffic-5gb';
      ALTER TABLE tariffs ADD COLUMN minutes_included INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE tariffs ADD COLUMN sms_included INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE tariffs ADD COLUMN megabytes_included INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE tariffs ADD COLUMN call_minute_kopecks INTEGER NOT NULL DEFAULT 50;
      UPDATE tariffs SET minutes_included = 300, sms_included = 50, megabytes_included = 3072, call_minute_kopecks = 50 WHERE id = 'freedom-of-speech';
      UPDATE tariffs SET minutes_included = 100, sms_included = 100, megabytes_included = 1000000, call_minute_kopecks = 75 WHERE id = '3g-unlimited';
      UPDATE tariffs SET minutes_included = 0, sms_included = 0, megabytes_included = 5120, call_minute_kopecks = 150 WHERE id = '3g-lite';
      ALTER TABLE tariff_changes ADD COLUMN missing_kopecks INTEGER;
      CREATE TABLE billing_progress (
        month TEXT PRIMARY KEY,
        last_number TEXT NOT NULL,
        chunks INTEGER NOT NULL DEFAULT 0,
        max_chunk_ms INTEGER NOT NULL DEFAULT 0,
        started_at TEXT NOT NULL,
        finished_at TEXT
      );
    `,
  },
  {
    version: 122,
    name: 'calls priced once per network call id; forwarding with all its conditions',
    sql: `
      CREATE TABLE call_charges (
        call_id TEXT PRIMARY KEY,
        number TEXT NOT NULL,
        package_minutes INTEGER NOT NULL,
        paid_minutes INTEGER NOT NULL,
        cost_kopecks INTEGER NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX call_charges_number ON call_charges (number, at);
      CREATE TABLE forwarding_rules (
        owner TEXT NOT NULL,
        condition TEXT NOT NULL CHECK (condition IN ('always', 'busy', 'no-answer', 'unreachable')),
        target TEXT NOT NULL,
        wait_seconds INTEGER,
        PRIMARY KEY (owner, condition)
      );
      INSERT INTO forwarding_rules (owner, condition, target, wait_seconds)
        SELECT owner, kind, target, wait_seconds FROM forwarding WHERE kind IN ('always', 'busy', 'no-answer', 'unreachable');
    `,
  },
];
