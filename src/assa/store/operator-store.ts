// The operator's side of the store (issue 14): operator accounts and sessions, subscriber
// operations, the audit log, catalogue texts/includes/price versions, voucher batches and
// help-desk answers. Queries in Kysely; every method async.
import { sql, type Generated, type Kysely, type Selectable } from 'kysely';
import type { OperatorRole } from '../operator/roles';
import type { AssaStore } from './assa-store';

interface OperatorsTable {
  login: string;
  password_hash: string;
  role: OperatorRole;
  must_change_password: number;
  failed_logins: number;
  locked_at: string | null;
  disabled_at: string | null;
  totp_secret: string | null;
  created_at: string;
  created_by: string | null;
}
interface OperatorSessionsTable {
  token_hash: string;
  login: string;
  csrf: string;
  created_at: number;
  last_seen_at: number;
}
interface SubscriberOperationsTable {
  id: Generated<number>;
  number: string;
  kind: string;
  from_value: string | null;
  to_value: string | null;
  reason: string;
  operator: string;
  at: string;
}
interface OperatorAuditTable {
  id: Generated<number>;
  at: string;
  operator: string;
  action: string;
  target: string | null;
  details: string;
  ip: string | null;
}
interface CatalogueTextsTable {
  kind: 'tariff' | 'service';
  item_id: string;
  lang: 'uk' | 'ru' | 'en';
  name: string;
  description: string;
}
interface CatalogueIncludesTable {
  kind: 'tariff' | 'service';
  item_id: string;
  minutes: number;
  megabytes: number;
}
interface PriceVersionsTable {
  kind: 'tariff' | 'service';
  item_id: string;
  valid_from: string;
  monthly_fee_kopecks: number;
  created_by: string;
  created_at: string;
}
interface VoucherBatchesTable {
  id: Generated<number>;
  count: number;
  amount_kopecks: number;
  created_by: string;
  created_at: string;
}
interface TicketAnswersTable {
  id: Generated<number>;
  ticket_id: number;
  text: string;
  operator: string;
  at: string;
}
/** Tables of the other parts that the operator reads (and writes where its use case says). */
interface SubscribersTable {
  number: string;
  account_number: string;
  owner_name: string;
  status: 'active' | 'blocked' | 'suspended' | 'disconnected';
  tariff_id: string;
  balance_kopecks: number;
  corporate: number;
  connected_at: string;
}
interface TicketsTable {
  id: Generated<number>;
  number: string;
  kind: 'question' | 'callback';
  text: string;
  phone: string | null;
  status: string;
  created_at: string;
}
interface CatalogueItemTable {
  id: string;
  name: string;
  monthly_fee_kopecks: number;
  description: string;
}
interface GroupsTable {
  id: string;
  name: string;
  curator: string;
}
interface GroupMembersTable {
  group_id: string;
  number: string;
}
interface CardPaymentsTable {
  id: string;
  number: string;
  for_number: string;
  amount_kopecks: number;
  status: string;
  created_at: string;
}
interface BillingRunsTable {
  month: string;
  ran_at: string;
}

interface AccountsTable {
  number: string;
  password_hash: string;
  email: string | null;
  failed_logins: number;
  locked_at: string | null;
  registered_at: string;
}
interface InvitationsTable {
  token_hash: string;
  number: string;
  email: string;
  invited_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface OperatorDb {
  accounts: AccountsTable;
  web_sessions: { number: string; token_hash: string };
  curators: { owner: string; curator: string };
  subscriber_contacts: { number: string; email: string };
  registration_invitations: InvitationsTable;
  operators: OperatorsTable;
  operator_sessions: OperatorSessionsTable;
  subscriber_operations: SubscriberOperationsTable;
  operator_audit: OperatorAuditTable;
  catalogue_texts: CatalogueTextsTable;
  catalogue_includes: CatalogueIncludesTable;
  price_versions: PriceVersionsTable;
  voucher_batches: VoucherBatchesTable;
  voucher_batch_codes: { code_hash: string; batch_id: number };
  ticket_answers: TicketAnswersTable;
  subscribers: SubscribersTable;
  tickets: TicketsTable;
  tariffs: CatalogueItemTable & { switch_cost_kopecks: number };
  services: CatalogueItemTable & { requires_terms: number; terms: string };
  groups: GroupsTable;
  group_members: GroupMembersTable;
  card_payments: CardPaymentsTable;
  billing_runs: BillingRunsTable;
}

export type OperatorRow = Selectable<OperatorsTable>;
export type OperatorSessionRow = Selectable<OperatorSessionsTable>;
export type SubscriberOperationRow = Selectable<SubscriberOperationsTable>;
export type AuditRow = Selectable<OperatorAuditTable>;
export type CatalogueKind = 'tariff' | 'service';
export type Lang = 'uk' | 'ru' | 'en';
export const LANGS: readonly Lang[] = ['uk', 'ru', 'en'];

export interface CatalogueItem {
  id: string;
  kind: CatalogueKind;
  monthlyFee: number;
  texts: Partial<Record<Lang, { name: string; description: string }>>;
  includes: { minutes: number; megabytes: number };
  prices: Array<{ validFrom: string; monthlyFee: number; createdBy: string; createdAt: string }>;
}

/** The columns that name a subscriber (owner of the row), by table; peers (call_records.peer, blocked_numbers.number, tickets.phone) stay. */
export const RENUMBER_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['subscribers', 'number'],
  ['accounts', 'number'],
  ['login_history', 'number'],
  ['curators', 'owner'],
  ['curators', 'curator'],
  ['data_sessions', 'number'],
  ['movements', 'number'],
  ['idempotency_keys', 'number'],
  ['card_payments', 'number'],
  ['card_payments', 'for_number'],
  ['subscriber_services', 'number'],
  ['tariff_changes', 'number'],
  ['tariff_history', 'number'],
  ['blocked_numbers', 'owner'],
  ['forwarding', 'owner'],
  ['sip_accounts', 'owner'],
  ['call_records', 'number'],
  ['groups', 'curator'],
  ['group_members', 'number'],
  ['tickets', 'number'],
  ['subscriber_operations', 'number'],
  ['subscriber_contacts', 'number'],
  ['registration_invitations', 'number'],
];

export class OperatorStore {
  readonly k: Kysely<OperatorDb>;

  /** Bound to what `store` is bound to: the root handle or one transaction. */
  constructor(readonly store: AssaStore) {
    // The same connection, seen with the operator's tables.
    this.k = store.db as unknown as Kysely<OperatorDb>;
  }

  /** fn runs inside one transaction (the store's: BEGIN IMMEDIATE on SQLite) with a store bound to it; `tx.store` is the subscriber side of the same transaction. */
  transaction<T>(fn: (tx: OperatorStore) => Promise<T>): Promise<T> {
    return this.store.transaction((tx) => fn(new OperatorStore(tx)));
  }

  // ---- operators ----
  operator(login: string): Promise<OperatorRow | undefined> {
    return this.k.selectFrom('operators').selectAll().where('login', '=', login).executeTakeFirst();
  }
  operators(): Promise<OperatorRow[]> {
    return this.k.selectFrom('operators').selectAll().orderBy('login').execute();
  }
  async createOperator(o: { login: string; password_hash: string; role: OperatorRole; created_at: string; created_by: string | null }): Promise<boolean> {
    const r = await this.k.insertInto('operators').values({ ...o, must_change_password: 1, failed_logins: 0 }).onConflict((c) => c.column('login').doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  async setOperatorPassword(login: string, hash: string, mustChange: boolean): Promise<void> {
    await this.k.updateTable('operators').set({ password_hash: hash, must_change_password: mustChange ? 1 : 0, failed_logins: 0, locked_at: null }).where('login', '=', login).execute();
  }
  async updateOperator(login: string, patch: Partial<Pick<OperatorsTable, 'role' | 'disabled_at' | 'locked_at' | 'failed_logins' | 'totp_secret'>>): Promise<void> {
    if (!Object.keys(patch).length) return;
    await this.k.updateTable('operators').set(patch).where('login', '=', login).execute();
  }
  async operatorLoginFailed(login: string): Promise<number> {
    const r = await this.k.updateTable('operators').set({ failed_logins: sql<number>`failed_logins + 1` }).where('login', '=', login).returning('failed_logins').executeTakeFirstOrThrow();
    return r.failed_logins;
  }

  // ---- operator sessions ----
  async createSession(s: OperatorSessionRow): Promise<void> {
    await this.k.insertInto('operator_sessions').values(s).execute();
  }
  session(tokenHash: string): Promise<OperatorSessionRow | undefined> {
    return this.k.selectFrom('operator_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }
  async touchSession(tokenHash: string, at: number): Promise<void> {
    await this.k.updateTable('operator_sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
  }
  /** The demo clock jumped by `delta`: this session lived through the jump as no time at all. */
  async shiftSession(tokenHash: string, delta: number): Promise<void> {
    await this.k.updateTable('operator_sessions').set({ created_at: sql<number>`created_at + ${delta}`, last_seen_at: sql<number>`last_seen_at + ${delta}` }).where('token_hash', '=', tokenHash).execute();
  }
  async deleteSession(tokenHash: string): Promise<void> {
    await this.k.deleteFrom('operator_sessions').where('token_hash', '=', tokenHash).execute();
  }
  async deleteSessionsOf(login: string, except?: string): Promise<void> {
    let q = this.k.deleteFrom('operator_sessions').where('login', '=', login);
    if (except) q = q.where('token_hash', '<>', except);
    await q.execute();
  }

  // ---- the audit log and subscriber operations ----
  async audit(e: { at: string; operator: string; action: string; target: string | null; details?: Record<string, unknown>; ip: string | null }): Promise<void> {
    await this.k.insertInto('operator_audit').values({ ...e, details: JSON.stringify(e.details ?? {}) }).execute();
  }
  auditLog(q: { target?: string; operator?: string; before?: number; limit: number }): Promise<AuditRow[]> {
    let s = this.k.selectFrom('operator_audit').selectAll();
    if (q.target) s = s.where('target', '=', q.target);
    if (q.operator) s = s.where('operator', '=', q.operator);
    if (q.before) s = s.where('id', '<', q.before);
    return s.orderBy('id', 'desc').limit(q.limit).execute();
  }
  async recordOperation(o: Omit<SubscriberOperationRow, 'id'>): Promise<void> {
    await this.k.insertInto('subscriber_operations').values(o).execute();
  }
  operations(number: string): Promise<SubscriberOperationRow[]> {
    return this.k.selectFrom('subscriber_operations').selectAll().where('number', '=', number).orderBy('id', 'desc').execute();
  }

  // ---- subscribers (search) ----
  searchSubscribers(q: string, limit: number): Promise<Array<Selectable<SubscribersTable>>> {
    const digits = q.replace(/\D/g, '');
    let s = this.k.selectFrom('subscribers').selectAll();
    // A number as people type it (0441..., +380441...) is matched in its 9-digit form.
    const national = digits.replace(/^380(?=\d)/, '').replace(/^0(?=\d)/, '');
    if (digits) s = s.where((eb) => eb.or([eb('number', 'like', `${national}%`), eb('account_number', 'like', `${digits}%`)]));
    else if (q.trim()) s = s.where('owner_name', 'like', `%${q.trim()}%`);
    return s.orderBy('number').limit(limit).execute();
  }
  async setSubscriber(number: string, patch: Partial<Pick<SubscribersTable, 'status' | 'owner_name' | 'corporate'>>): Promise<void> {
    await this.k.updateTable('subscribers').set(patch).where('number', '=', number).execute();
  }

  async unlockLogin(number: string): Promise<void> {
    await this.k.updateTable('accounts').set({ locked_at: null, failed_logins: 0 }).where('number', '=', number).execute();
  }
  /** A new owner starts afresh: the old owner's login, sessions and curators go. */
  async dropAccount(number: string): Promise<void> {
    await this.k.deleteFrom('web_sessions').where('number', '=', number).execute();
    await this.k.deleteFrom('curators').where((eb) => eb.or([eb('owner', '=', number), eb('curator', '=', number)])).execute();
    await this.k.deleteFrom('accounts').where('number', '=', number).execute();
  }
  contactEmail(number: string): Promise<string | undefined> {
    return this.k.selectFrom('subscriber_contacts').select('email').where('number', '=', number).executeTakeFirst().then((r) => r?.email);
  }
  async setContactEmail(number: string, email: string | null): Promise<void> {
    if (email === null) await this.k.deleteFrom('subscriber_contacts').where('number', '=', number).execute();
    else await this.k.insertInto('subscriber_contacts').values({ number, email }).onConflict((c) => c.column('number').doUpdateSet({ email })).execute();
  }
  async addInvitation(i: Selectable<InvitationsTable>): Promise<void> {
    await this.k.insertInto('registration_invitations').values(i).execute();
  }
  invitation(tokenHash: string): Promise<Selectable<InvitationsTable> | undefined> {
    return this.k.selectFrom('registration_invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }
  async useInvitation(tokenHash: string, at: number): Promise<boolean> {
    const r = await this.k.updateTable('registration_invitations').set({ used_at: at }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /**
   * A-HLP-2 "change the number": the contract keeps its account, money and history under
   * the new number. Every column that names the subscriber (not a peer) moves; the open
   * web sessions, RUNA state and voucher-guess counters of the old number end instead.
   * Foreign keys are checked at commit, so the rows move in any order (PostgreSQL: the
   * migrations make them DEFERRABLE; see migration-dialect.ts).
   */
  async renumber(from: string, to: string): Promise<void> {
    await (this.store.kind === 'postgres' ? sql`SET CONSTRAINTS ALL DEFERRED` : sql`PRAGMA defer_foreign_keys = ON`).execute(this.k);
    for (const t of ['web_sessions', 'runa_codes', 'runa_activations', 'voucher_failures']) await sql`DELETE FROM ${sql.table(t)} WHERE number = ${from}`.execute(this.k);
    for (const [t, c] of RENUMBER_COLUMNS) {
      await sql`UPDATE ${sql.table(t)} SET ${sql.ref(c)} = ${to} WHERE ${sql.ref(c)} = ${from}`.execute(this.k);
    }
  }

  // ---- catalogue ----
  async catalogue(kind: CatalogueKind): Promise<CatalogueItem[]> {
    const table = kind === 'tariff' ? 'tariffs' : 'services';
    const items = await this.k.selectFrom(table).select(['id', 'name', 'description', 'monthly_fee_kopecks']).orderBy('id').execute();
    const texts = await this.k.selectFrom('catalogue_texts').selectAll().where('kind', '=', kind).execute();
    const incl = await this.k.selectFrom('catalogue_includes').selectAll().where('kind', '=', kind).execute();
    const prices = await this.k.selectFrom('price_versions').selectAll().where('kind', '=', kind).orderBy('valid_from').execute();
    return items.map((i) => {
      const t: CatalogueItem['texts'] = {};
      for (const x of texts.filter((r) => r.item_id === i.id)) t[x.lang] = { name: x.name, description: x.description };
      // The row's own text is the English one until an English text is set.
      t.en ??= { name: i.name, description: i.description };
      const inc = incl.find((r) => r.item_id === i.id);
      return {
        id: i.id,
        kind,
        monthlyFee: i.monthly_fee_kopecks,
        texts: t,
        includes: { minutes: inc?.minutes ?? 0, megabytes: inc?.megabytes ?? 0 },
        prices: prices.filter((p) => p.item_id === i.id).map((p) => ({ validFrom: p.valid_from, monthlyFee: p.monthly_fee_kopecks, createdBy: p.created_by, createdAt: p.created_at })),
      };
    });
  }
  async catalogueItemExists(kind: CatalogueKind, id: string): Promise<boolean> {
    return !!(await this.k.selectFrom(kind === 'tariff' ? 'tariffs' : 'services').select('id').where('id', '=', id).executeTakeFirst());
  }
  async insertCatalogueItem(kind: CatalogueKind, item: { id: string; name: string; description: string; monthly_fee_kopecks: number }): Promise<void> {
    if (kind === 'tariff') await this.k.insertInto('tariffs').values({ ...item, switch_cost_kopecks: 0 }).execute();
    else await this.k.insertInto('services').values({ ...item, requires_terms: 0, terms: '' }).execute();
  }
  async setCatalogueBase(kind: CatalogueKind, id: string, patch: { name?: string; description?: string; monthly_fee_kopecks?: number }): Promise<void> {
    if (!Object.keys(patch).length) return;
    await this.k.updateTable(kind === 'tariff' ? 'tariffs' : 'services').set(patch).where('id', '=', id).execute();
  }
  async setTexts(kind: CatalogueKind, id: string, texts: Partial<Record<Lang, { name: string; description: string }>>): Promise<void> {
    for (const lang of LANGS) {
      const t = texts[lang];
      if (!t) continue;
      await this.k
        .insertInto('catalogue_texts')
        .values({ kind, item_id: id, lang, name: t.name, description: t.description })
        .onConflict((c) => c.columns(['kind', 'item_id', 'lang']).doUpdateSet({ name: t.name, description: t.description }))
        .execute();
    }
  }
  async setIncludes(kind: CatalogueKind, id: string, inc: { minutes: number; megabytes: number }): Promise<void> {
    await this.k
      .insertInto('catalogue_includes')
      .values({ kind, item_id: id, ...inc })
      .onConflict((c) => c.columns(['kind', 'item_id']).doUpdateSet(inc))
      .execute();
  }
  async addPriceVersion(p: Selectable<PriceVersionsTable>): Promise<void> {
    await this.k
      .insertInto('price_versions')
      .values(p)
      .onConflict((c) => c.columns(['kind', 'item_id', 'valid_from']).doUpdateSet({ monthly_fee_kopecks: p.monthly_fee_kopecks, created_by: p.created_by, created_at: p.created_at }))
      .execute();
  }
  /** For each item with a price version in force in `month`, the latest such version. */
  async pricesInForce(month: string): Promise<Array<{ kind: CatalogueKind; item_id: string; monthly_fee_kopecks: number }>> {
    const rows = await this.k.selectFrom('price_versions').selectAll().where('valid_from', '<=', month).orderBy('valid_from').execute();
    const last = new Map<string, { kind: CatalogueKind; item_id: string; monthly_fee_kopecks: number }>();
    for (const r of rows) last.set(`${r.kind}:${r.item_id}`, { kind: r.kind, item_id: r.item_id, monthly_fee_kopecks: r.monthly_fee_kopecks });
    return [...last.values()];
  }

  // ---- voucher batches ----
  async createVoucherBatch(b: { count: number; amount_kopecks: number; created_by: string; created_at: string }, codeHashes: string[]): Promise<number> {
    const { id } = await this.k.insertInto('voucher_batches').values(b).returning('id').executeTakeFirstOrThrow();
    for (let i = 0; i < codeHashes.length; i += 500) {
      await this.k.insertInto('voucher_batch_codes').values(codeHashes.slice(i, i + 500).map((h) => ({ code_hash: h, batch_id: id }))).execute();
    }
    return id;
  }
  async voucherBatches(): Promise<Array<{ id: number; count: number; amount_kopecks: number; created_by: string; created_at: string; used: number }>> {
    const rows = await sql<{ id: number; count: number; amount_kopecks: number; created_by: string; created_at: string; used: number }>`
      SELECT b.id, b.count, b.amount_kopecks, b.created_by, b.created_at,
        (SELECT count(*) FROM voucher_batch_codes c JOIN vouchers v ON v.code_hash = c.code_hash WHERE c.batch_id = b.id AND v.used_by IS NOT NULL) AS used
      FROM voucher_batches b ORDER BY b.id DESC`.execute(this.k);
    return rows.rows;
  }

  // ---- help desk ----
  async tickets(q: { kind?: 'question' | 'callback'; status?: string; number?: string }): Promise<Array<Selectable<TicketsTable> & { answers: Array<{ text: string; operator: string; at: string }> }>> {
    let s = this.k.selectFrom('tickets').selectAll();
    if (q.kind) s = s.where('kind', '=', q.kind);
    if (q.status) s = s.where('status', '=', q.status);
    if (q.number) s = s.where('number', '=', q.number);
    const list = await s.orderBy('id', 'desc').limit(500).execute();
    const ids = list.map((t) => t.id);
    const answers = ids.length ? await this.k.selectFrom('ticket_answers').selectAll().where('ticket_id', 'in', ids).orderBy('id').execute() : [];
    return list.map((t) => ({ ...t, answers: answers.filter((a) => a.ticket_id === t.id).map((a) => ({ text: a.text, operator: a.operator, at: a.at })) }));
  }
  ticket(id: number): Promise<Selectable<TicketsTable> | undefined> {
    return this.k.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async answerTicket(id: number, a: { text: string; operator: string; at: string; status: string }): Promise<void> {
    await this.k.insertInto('ticket_answers').values({ ticket_id: id, text: a.text, operator: a.operator, at: a.at }).execute();
    await this.k.updateTable('tickets').set({ status: a.status }).where('id', '=', id).execute();
  }

  // ---- groups (A-GRP-1) ----
  groups(): Promise<Array<Selectable<GroupsTable> & { members: number }>> {
    return this.k
      .selectFrom('groups as g')
      .select(['g.id', 'g.name', 'g.curator', (eb) => eb.selectFrom('group_members as m').select((e2) => e2.fn.countAll<number>().as('n')).whereRef('m.group_id', '=', 'g.id').as('members')])
      .orderBy('g.name')
      .execute() as Promise<Array<Selectable<GroupsTable> & { members: number }>>;
  }
  group(id: string): Promise<Selectable<GroupsTable> | undefined> {
    return this.k.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();
  }
  groupMembers(id: string): Promise<string[]> {
    return this.k.selectFrom('group_members').select('number').where('group_id', '=', id).orderBy('number').execute().then((r) => r.map((x) => x.number));
  }
  groupOf(number: string): Promise<string | undefined> {
    return this.k.selectFrom('group_members').select('group_id').where('number', '=', number).executeTakeFirst().then((r) => r?.group_id);
  }
  async createGroup(g: { id: string; name: string; curator: string }): Promise<void> {
    await this.k.insertInto('groups').values(g).execute();
    await this.k.insertInto('group_members').values({ group_id: g.id, number: g.curator }).execute();
  }
  async addMember(id: string, number: string): Promise<void> {
    await this.k.insertInto('group_members').values({ group_id: id, number }).execute();
  }
  async removeMember(id: string, number: string): Promise<boolean> {
    const r = await this.k.deleteFrom('group_members').where('group_id', '=', id).where('number', '=', number).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  // ---- billing and reconciliation ----
  billingRuns(): Promise<Array<Selectable<BillingRunsTable>>> {
    return this.k.selectFrom('billing_runs').selectAll().orderBy('month', 'desc').execute();
  }
  pendingPayments(): Promise<Array<Selectable<CardPaymentsTable>>> {
    return this.k.selectFrom('card_payments').selectAll().where('status', 'not in', ['approved', 'declined']).orderBy('created_at').execute();
  }
}
