// The typed shape of the ASSA database for Kysely: one interface per table, column types
// as the code sees them on both engines (integers are JS numbers; times are ISO text or
// epoch milliseconds exactly as the migrations declare them). Keep it in step with
// migrations.ts: a new table or column goes in both.
import type { Generated } from 'kysely';
import type { MoneyTables } from './money-schema';

export interface TariffsTable {
  id: string;
  name: string;
  monthly_fee_kopecks: number;
  description: Generated<string>;
  switch_cost_kopecks: Generated<number>;
  // issue 13 (migration 121): what the plan includes a month and its call rate
  minutes_included: Generated<number>;
  sms_included: Generated<number>;
  megabytes_included: Generated<number>;
  call_minute_kopecks: Generated<number>;
}
export interface SubscribersTable {
  number: string;
  account_number: string;
  owner_name: string;
  status: 'active' | 'blocked' | 'suspended' | 'disconnected';
  tariff_id: string;
  balance_kopecks: Generated<number>;
  corporate: Generated<number>;
  connected_at: string;
  bonus_kopecks: Generated<number>;
}
export interface AccountsTable {
  number: string;
  password_hash: string;
  email: string | null;
  failed_logins: Generated<number>;
  locked_at: string | null;
  protected_sections: Generated<string>;
  registered_at: string;
  terms_accepted_at: string | null;
}
export interface WebSessionsTable {
  token_hash: string;
  number: string;
  csrf: string;
  created_at: number;
  last_seen_at: number;
  runa_opened_at: number | null;
}
export interface RunaCodesTable {
  number: string;
  code_hash: string;
  activated_at: number;
  expires_at: number;
  used_at: number | null;
  failed_attempts: Generated<number>;
}
export interface RunaActivationsTable {
  id: Generated<number>;
  number: string;
  at: number;
}
export interface LoginHistoryTable {
  id: Generated<number>;
  number: string;
  at: string;
  ip: string;
  success: number;
  reason: string | null;
}
export interface CuratorsTable {
  owner: string;
  curator: string;
  level: 'view' | 'manage';
  created_at: string;
}
export interface DataSessionsTable {
  session_id: string;
  number: string;
  ip: string;
  started_at: string;
  updated_at: string;
  stopped_at: string | null;
  in_bytes: Generated<number>;
  out_bytes: Generated<number>;
  seconds: Generated<number>;
  stop_cause: string | null;
}
export interface MovementsTable {
  id: Generated<number>;
  number: string;
  at: string;
  kind: 'payment' | 'voucher' | 'fee' | 'service_fee' | 'tariff_change' | 'transfer_in' | 'transfer_out' | 'bonus' | 'adjustment' | 'call';
  amount_kopecks: number;
  balance_after_kopecks: number;
  description: Generated<string>;
  ref: string | null;
}
export interface IdempotencyKeysTable {
  number: string;
  key: string;
  route: string;
  status: number;
  response: string;
  created_at: string;
}
export interface VouchersTable {
  code_hash: string;
  amount_kopecks: number;
  used_by: string | null;
  used_at: string | null;
}
export interface VoucherFailuresTable {
  id: Generated<number>;
  number: string;
  at: number;
}
export interface CardPaymentsTable {
  id: string;
  number: string;
  for_number: string;
  amount_kopecks: number;
  status: 'approved' | 'declined' | '3ds_required';
  created_at: string;
}
export interface ServicesTable {
  id: string;
  name: string;
  description: string;
  monthly_fee_kopecks: Generated<number>;
  requires_terms: Generated<number>;
  terms: Generated<string>;
  adds_megabytes: Generated<number>;
}
export interface SubscriberServicesTable {
  number: string;
  service_id: string;
  enabled_at: string;
  suspended: Generated<number>;
}
export interface TariffChangesTable {
  number: string;
  tariff_id: string;
  requested_at: string;
  effective_from: string;
  missing_kopecks: Generated<number | null>;
}
export interface TariffHistoryTable {
  id: Generated<number>;
  number: string;
  tariff_id: string;
  requested_at: string;
}
export interface BillingRunsTable {
  month: string;
  ran_at: string;
}
export interface BlockedNumbersTable {
  owner: string;
  number: string;
  created_at: string;
}
export interface ForwardingTable {
  owner: string;
  kind: string;
  target: string;
  wait_seconds: Generated<number>;
}
export interface SipAccountsTable {
  owner: string;
  password_hash: string;
  changed_at: string;
}
export interface CallRecordsTable {
  id: Generated<number>;
  number: string;
  peer: string;
  direction: 'in' | 'out' | 'missed';
  started_at: string;
  seconds: Generated<number>;
  cost_kopecks: Generated<number>;
}
export interface GroupsTable {
  id: string;
  name: string;
  curator: string;
}
export interface GroupMembersTable {
  group_id: string;
  number: string;
}
export interface TicketsTable {
  id: Generated<number>;
  number: string;
  kind: 'question' | 'callback';
  text: string;
  phone: string | null;
  status: Generated<string>;
  created_at: string;
}
export interface TicketAnswersTable {
  id: Generated<number>;
  ticket_id: number;
  text: string;
  operator: string;
  at: string;
}
export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface Database extends MoneyTables {
  tariffs: TariffsTable;
  subscribers: SubscribersTable;
  accounts: AccountsTable;
  web_sessions: WebSessionsTable;
  runa_codes: RunaCodesTable;
  runa_activations: RunaActivationsTable;
  login_history: LoginHistoryTable;
  curators: CuratorsTable;
  data_sessions: DataSessionsTable;
  movements: MovementsTable;
  idempotency_keys: IdempotencyKeysTable;
  vouchers: VouchersTable;
  voucher_failures: VoucherFailuresTable;
  card_payments: CardPaymentsTable;
  services: ServicesTable;
  subscriber_services: SubscriberServicesTable;
  tariff_changes: TariffChangesTable;
  tariff_history: TariffHistoryTable;
  billing_runs: BillingRunsTable;
  blocked_numbers: BlockedNumbersTable;
  forwarding: ForwardingTable;
  sip_accounts: SipAccountsTable;
  call_records: CallRecordsTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  tickets: TicketsTable;
  ticket_answers: TicketAnswersTable;
  schema_migrations: SchemaMigrationsTable;
}
