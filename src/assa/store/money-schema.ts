// The tables of issue 13 (migrations 120-139), typed for Kysely; `schema.ts` joins them
// into the database's interface.
import type { Generated } from 'kysely';

/** One payment of every way money comes in for a number: the outbox of the gateway calls and the A-MON-3 tally. */
export interface PaymentsTable {
  id: string; // our id; the gateway's idempotency key
  payer: string;
  idem_key: string;
  method: 'card' | 'wallet' | 'voucher' | 'transfer';
  beneficiary: string;
  amount_kopecks: number;
  status: 'pending' | '3ds_required' | 'approved' | 'declined';
  reason: string | null;
  tries_left: Generated<number>;
  gateway: string;
  description: string;
  created_at: string;
  updated_at: string;
  settled_at: string | null;
  settled_by: string | null; // 'request' | 'reconciler' | 'callback'
}

/** A paid service's fee for one Kyiv month: at most one row, so switching off and on never charges twice. */
export interface ServiceChargesTable {
  number: string;
  service_id: string;
  month: string;
  amount_kopecks: number;
  charged_at: string;
}

/** How far a month-start run got (resumable in chunks by number range). */
export interface BillingProgressTable {
  month: string;
  last_number: string;
  chunks: Generated<number>;
  max_chunk_ms: Generated<number>;
  started_at: string;
  finished_at: string | null;
}

export interface CallChargesTable {
  call_id: string;
  number: string;
  package_minutes: number;
  paid_minutes: number;
  cost_kopecks: number;
  at: string;
}

export interface ForwardingRulesTable {
  owner: string;
  condition: 'always' | 'busy' | 'no-answer' | 'unreachable';
  target: string;
  wait_seconds: number | null;
}

export interface MoneyTables {
  payments: PaymentsTable;
  service_charges: ServiceChargesTable;
  billing_progress: BillingProgressTable;
  call_charges: CallChargesTable;
  forwarding_rules: ForwardingRulesTable;
}
