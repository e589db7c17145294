// The typed query layer (Signal Desktop's sql/Interface is the model): routes and the
// network side call these methods and never write SQL themselves. Every method is async.
// A store is bound either to the root handle (each statement on its own) or to one
// transaction: `await store.transaction(async (tx) => ...)` gives `tx`, the same methods
// (and `tx.money`, `tx.details`, `tx.utilities`, `tx.groups`, `tx.helpDesk`) bound to that
// transaction.
import { PostgresAdapter, sql } from 'kysely';
import { jsonArrayFrom as postgresJsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import { compiledOnce } from './compiled-query';
import { DetailsStore } from './details-store';
import { GroupStore } from './group-store';
import { HelpDeskStore } from './help-desk-store';
import { MoneyStore } from './money-store';
import { SecurityStore } from './security-store';
import { UtilitiesStore } from './utilities-store';
import type { Db, EngineKind, StoreEngine } from './open-database';

export interface SubscriberRow {
  number: string;
  account_number: string;
  owner_name: string;
  status: 'active' | 'blocked' | 'suspended' | 'disconnected';
  tariff_id: string;
  balance_kopecks: number;
  corporate: number;
  connected_at: string;
}
export interface TariffRow {
  id: string;
  name: string;
  monthly_fee_kopecks: number;
  description: string;
  switch_cost_kopecks?: number;
}
export interface AccountRow {
  number: string;
  password_hash: string;
  email: string | null;
  failed_logins: number;
  locked_at: string | null;
  protected_sections: string;
  registered_at: string;
  terms_accepted_at?: string | null;
}
export interface WebSessionRow {
  token_hash: string;
  number: string;
  csrf: string;
  created_at: number;
  last_seen_at: number;
  runa_opened_at: number | null;
}
export interface RunaRow {
  number: string;
  code_hash: string;
  activated_at: number;
  expires_at: number;
  used_at: number | null;
}
export interface DataSessionRow {
  session_id: string;
  number: string;
  ip: string;
  started_at: string;
  updated_at: string;
  stopped_at: string | null;
  in_bytes: number;
  out_bytes: number;
  seconds: number;
  stop_cause: string | null;
}

/** The stop cause of a session ended because a new one began on its address (no Stop came). */
const STALE = 'Stale';

export class AssaStore {
  readonly money: MoneyStore;
  readonly details: DetailsStore;
  readonly utilities: UtilitiesStore;
  readonly groups: GroupStore;
  readonly helpDesk: HelpDeskStore;
  readonly security: SecurityStore;

  constructor(
    readonly engine: StoreEngine,
    /** The handle this store's statements go through: the root one, or a transaction's. */
    readonly db: Db = engine.db,
    readonly inTransaction = false,
  ) {
    this.money = new MoneyStore(db);
    this.details = new DetailsStore(db, engine.kind);
    this.utilities = new UtilitiesStore(db);
    this.groups = new GroupStore(db);
    this.helpDesk = new HelpDeskStore(db);
    this.security = new SecurityStore(db, engine.node);
  }

  get kind(): EngineKind {
    return this.engine.kind;
  }

  /**
   * Runs `fn` in one transaction (SQLite: BEGIN IMMEDIATE). `fn` must make every store call
   * through `tx`; the root store refuses calls from inside it. Inside a transaction already,
   * `fn` joins it.
   */
  transaction<T>(fn: (tx: AssaStore) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    return this.engine.transaction((trx) => fn(new AssaStore(this.engine, trx, true)));
  }

  close(): Promise<void> {
    return this.engine.close();
  }

  // ---- subscribers and tariffs ----
  subscriber(number: string): Promise<SubscriberRow | undefined> {
    return this.db.selectFrom('subscribers').selectAll().where('number', '=', number).executeTakeFirst();
  }
  tariff(id: string): Promise<TariffRow | undefined> {
    return this.db.selectFrom('tariffs').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async upsertTariff(t: TariffRow): Promise<void> {
    await this.db
      .insertInto('tariffs')
      .values({ id: t.id, name: t.name, monthly_fee_kopecks: t.monthly_fee_kopecks, description: t.description })
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), monthly_fee_kopecks: eb.ref('excluded.monthly_fee_kopecks'), description: eb.ref('excluded.description') })))
      .execute();
  }
  subscriberByAccountNumber(accountNumber: string): Promise<SubscriberRow | undefined> {
    return this.db.selectFrom('subscribers').selectAll().where('account_number', '=', accountNumber).executeTakeFirst();
  }
  async insertSubscriber(s: SubscriberRow): Promise<void> {
    await this.insertSubscribers([s]);
  }
  /** Many rows in one statement (benches and demo data load millions). */
  async insertSubscribers(rows: SubscriberRow[]): Promise<void> {
    if (rows.length) await this.db.insertInto('subscribers').values(rows).execute();
  }
  async subscriberCount(): Promise<number> {
    const r = await this.db.selectFrom('subscribers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /**
   * GET /account's rows in one statement: the subscriber, its plan (with the package), its
   * login account, its enabled services (cheapest first), and what the Kyiv month `month`
   * ([from, to)) used of the package: bytes of data sessions started in it, megabytes its
   * paid extras add, package minutes of calls priced in it. The busiest authenticated
   * read: each statement more cost it about 5 µs of Kysely and driver work (issue 11).
   */
  async accountView(number: string, month: { start: string; next: string; month: string }) {
    const r = (await accountViewQuery(this.db, number, month.start, month.next, month.month))[0];
    if (!r) return undefined;
    const services = (typeof r.services === 'string' ? JSON.parse(r.services) : r.services) as Array<{ id: string; name: string }>;
    return { ...r, services, used: { bytes: Number(r.used_bytes), extraMegabytes: Number(r.extra_megabytes), packageMinutes: Number(r.package_minutes) } };
  }

  // ---- accounts ----
  /** Read by every route behind a protected section or the terms (http/auth.ts), so compiled once. */
  async account(number: string): Promise<AccountRow | undefined> {
    return (await accountQuery(this.db, number))[0];
  }
  async createAccount(number: string, passwordHash: string, email: string | null, at: string): Promise<void> {
    await this.db.insertInto('accounts').values({ number, password_hash: passwordHash, email, registered_at: at }).execute();
  }
  async setPassword(number: string, hash: string): Promise<void> {
    await this.db.updateTable('accounts').set({ password_hash: hash, failed_logins: 0, locked_at: null }).where('number', '=', number).execute();
  }
  async setEmail(number: string, email: string | null): Promise<void> {
    await this.db.updateTable('accounts').set({ email }).where('number', '=', number).execute();
  }
  /** One more wrong password; returns the new count. */
  async failLogin(number: string): Promise<number> {
    const r = await this.db
      .updateTable('accounts')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('number', '=', number)
      .returning('failed_logins')
      .executeTakeFirstOrThrow();
    return r.failed_logins;
  }
  async lock(number: string, at: string): Promise<void> {
    await this.db.updateTable('accounts').set({ locked_at: at }).where('number', '=', number).execute();
  }
  async loginSucceeded(number: string): Promise<void> {
    await this.db.updateTable('accounts').set({ failed_logins: 0 }).where('number', '=', number).execute();
  }
  async setProtectedSections(number: string, sections: string[]): Promise<void> {
    await this.db.updateTable('accounts').set({ protected_sections: JSON.stringify(sections) }).where('number', '=', number).execute();
  }

  // ---- web sessions (A-SEC-1) ----
  async createSession(s: WebSessionRow): Promise<void> {
    await this.db.insertInto('web_sessions').values(s).execute();
  }
  async session(tokenHash: string): Promise<WebSessionRow | undefined> {
    return (await sessionQuery(this.db, tokenHash))[0];
  }
  async touchSession(tokenHash: string, at: number): Promise<void> {
    await this.db.updateTable('web_sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
  }
  async openProtected(tokenHash: string, at: number | null): Promise<void> {
    await this.db.updateTable('web_sessions').set({ runa_opened_at: at }).where('token_hash', '=', tokenHash).execute();
  }
  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('web_sessions').where('token_hash', '=', tokenHash).execute();
  }
  async deleteSessionsOf(number: string): Promise<void> {
    await this.db.deleteFrom('web_sessions').where('number', '=', number).execute();
  }

  // ---- RUNA (A-RUNA-3) ----
  async putRuna(r: RunaRow): Promise<void> {
    await this.db
      .insertInto('runa_codes')
      .values({ number: r.number, code_hash: r.code_hash, activated_at: r.activated_at, expires_at: r.expires_at, used_at: null })
      .onConflict((oc) =>
        oc.column('number').doUpdateSet((eb) => ({ code_hash: eb.ref('excluded.code_hash'), activated_at: eb.ref('excluded.activated_at'), expires_at: eb.ref('excluded.expires_at'), used_at: null, failed_attempts: 0 })),
      )
      .execute();
  }
  runa(number: string): Promise<RunaRow | undefined> {
    return this.db.selectFrom('runa_codes').select(['number', 'code_hash', 'activated_at', 'expires_at', 'used_at']).where('number', '=', number).executeTakeFirst();
  }
  async useRuna(number: string, at: number): Promise<void> {
    await this.db.updateTable('runa_codes').set({ used_at: at }).where('number', '=', number).execute();
  }
  /** Counts a wrong guess against the live RUNA; at `max` the code is spent. Returns the count. */
  async runaGuessFailed(number: string, at: number, max: number): Promise<number> {
    const r = await this.db
      .updateTable('runa_codes')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
      .where('number', '=', number)
      .returning('failed_attempts')
      .executeTakeFirstOrThrow();
    if (r.failed_attempts >= max) await this.useRuna(number, at);
    return r.failed_attempts;
  }
  async recordRunaActivation(number: string, at: number): Promise<number> {
    await this.db.insertInto('runa_activations').values({ number, at }).execute();
    const r = await this.db
      .selectFrom('runa_activations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('number', '=', number)
      .where('at', '>', at - 10 * 60_000)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  // ---- login history (A-SEC-3) ----
  async recordLogin(number: string, at: string, ip: string, success: boolean, reason: string | null): Promise<void> {
    await this.db.insertInto('login_history').values({ number, at, ip, success: success ? 1 : 0, reason }).execute();
  }
  loginHistory(number: string, limit = 100): Promise<Array<{ at: string; ip: string; success: number; reason: string | null }>> {
    return this.db.selectFrom('login_history').select(['at', 'ip', 'success', 'reason']).where('number', '=', number).orderBy('id', 'desc').limit(limit).execute();
  }

  // ---- curators (A-SEC-7) ----
  async curatorLevel(owner: string, curator: string): Promise<'view' | 'manage' | null> {
    const r = await this.db.selectFrom('curators').select('level').where('owner', '=', owner).where('curator', '=', curator).executeTakeFirst();
    return r?.level ?? null;
  }
  async setCurator(owner: string, curator: string, level: 'view' | 'manage', at: string): Promise<void> {
    await this.db
      .insertInto('curators')
      .values({ owner, curator, level, created_at: at })
      .onConflict((oc) => oc.columns(['owner', 'curator']).doUpdateSet((eb) => ({ level: eb.ref('excluded.level') })))
      .execute();
  }
  async removeCurator(owner: string, curator: string): Promise<boolean> {
    const r = await this.db.deleteFrom('curators').where('owner', '=', owner).where('curator', '=', curator).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
  curatorsOf(owner: string): Promise<Array<{ curator: string; level: string; created_at: string }>> {
    return this.db.selectFrom('curators').select(['curator', 'level', 'created_at']).where('owner', '=', owner).orderBy('curator').execute();
  }
  curatedBy(curator: string): Promise<Array<{ owner: string; level: string }>> {
    return this.db.selectFrom('curators').select(['owner', 'level']).where('curator', '=', curator).orderBy('owner').execute();
  }

  /** A-GRP-1: the curator of a group sees and manages its numbers. */
  async isGroupCurator(curator: string, member: string): Promise<boolean> {
    const r = await this.db
      .selectFrom('groups as g')
      .innerJoin('group_members as m', 'm.group_id', 'g.id')
      .select(sql<number>`1`.as('one'))
      .where('g.curator', '=', curator)
      .where('m.number', '=', member)
      .executeTakeFirst();
    return !!r;
  }
  async acceptTerms(number: string, at: string): Promise<void> {
    await this.db
      .updateTable('accounts')
      .set((eb) => ({ terms_accepted_at: eb.fn.coalesce('terms_accepted_at', eb.val(at)) }))
      .where('number', '=', number)
      .execute();
  }

  // ---- data sessions (A-NET-1, A-NUM-3, A-DET-2) ----
  activeSessionByIp(ip: string): Promise<DataSessionRow | undefined> {
    return this.db.selectFrom('data_sessions').selectAll().where('ip', '=', ip).where('stopped_at', 'is', null).orderBy('started_at', 'desc').limit(1).executeTakeFirst();
  }
  async upsertDataSession(s: Omit<DataSessionRow, 'stopped_at' | 'stop_cause'> & { stopped_at?: string | null; stop_cause?: string | null }): Promise<void> {
    const greatest = this.kind === 'postgres' ? 'greatest' : 'max';
    await this.db
      .insertInto('data_sessions')
      .values({ stopped_at: null, stop_cause: null, ...s })
      .onConflict((oc) =>
        oc.column('session_id').doUpdateSet((eb) => {
          // The first Stop is the session's end: a repeated Stop (the NAS retransmits, or sends
          // a second one on its own) changes neither its time, its cause nor its counters.
          // Only an end we guessed ('Stale': a new session on the address) gives way to the
          // NAS's own Stop. Before the end, counters only grow (a late Interim-Update never takes bytes back).
          const open = () => eb.or([eb('data_sessions.stopped_at', 'is', null), eb('data_sessions.stop_cause', '=', STALE)]);
          const grow = (c: 'in_bytes' | 'out_bytes' | 'seconds') => eb.case().when(open()).then(eb.fn<number>(greatest, [`data_sessions.${c}`, `excluded.${c}`])).else(eb.ref(`data_sessions.${c}`)).end();
          const end = (c: 'stopped_at' | 'stop_cause') => eb.case().when(open()).then(eb.fn.coalesce(`excluded.${c}`, `data_sessions.${c}`)).else(eb.ref(`data_sessions.${c}`)).end();
          return { updated_at: eb.ref('excluded.updated_at'), stopped_at: end('stopped_at'), in_bytes: grow('in_bytes'), out_bytes: grow('out_bytes'), seconds: grow('seconds'), stop_cause: end('stop_cause') };
        }),
      )
      .execute();
  }
  /** A new session on an address ends any earlier one still open there (a missed Stop). */
  async closeStaleOnIp(ip: string, exceptSession: string, at: string): Promise<void> {
    await this.db.updateTable('data_sessions').set({ stopped_at: at, stop_cause: STALE }).where('ip', '=', ip).where('stopped_at', 'is', null).where('session_id', '<>', exceptSession).execute();
  }
  dataSessions(number: string, from: string, to: string): Promise<DataSessionRow[]> {
    return this.db.selectFrom('data_sessions').selectAll().where('number', '=', number).where('started_at', '>=', from).where('started_at', '<', to).orderBy('started_at').execute();
  }
  /** A-DATA-1 package balances: bytes moved and outgoing call seconds in [from, to). */
  async usageBetween(number: string, from: string, to: string): Promise<{ bytes: number; callSeconds: number }> {
    const b = await this.db
      .selectFrom('data_sessions')
      .select(sql<number>`coalesce(sum(in_bytes + out_bytes), 0)`.as('b'))
      .where('number', '=', number)
      .where('started_at', '>=', from)
      .where('started_at', '<', to)
      .executeTakeFirstOrThrow();
    const s = await this.db
      .selectFrom('call_records')
      .select(sql<number>`coalesce(sum(seconds), 0)`.as('s'))
      .where('number', '=', number)
      .where('direction', '=', 'out')
      .where('started_at', '>=', from)
      .where('started_at', '<', to)
      .executeTakeFirstOrThrow();
    return { bytes: Number(b.b), callSeconds: Number(s.s) };
  }
}

// The reads every authenticated request makes, compiled once (compiled-query.ts).
const sessionQuery = compiledOnce((db: Db, tokenHash: string) =>
  db.selectFrom('web_sessions').select(['token_hash', 'number', 'csrf', 'created_at', 'last_seen_at', 'runa_opened_at']).where('token_hash', '=', tokenHash),
);

const accountQuery = compiledOnce((db: Db, number: string) =>
  db.selectFrom('accounts').select(['number', 'password_hash', 'email', 'failed_logins', 'locked_at', 'protected_sections', 'registered_at', 'terms_accepted_at']).where('number', '=', number),
);

const accountViewQuery = compiledOnce((db: Db, number: string, from: string, to: string, month: string) =>
  db
    .selectFrom('subscribers as s')
    .innerJoin('tariffs as t', 't.id', 's.tariff_id')
    .leftJoin('accounts as a', 'a.number', 's.number')
    .select(['s.number', 's.account_number', 's.owner_name', 's.status', 's.balance_kopecks', 's.connected_at', 's.bonus_kopecks'])
    .select(['t.id as tariff_id', 't.name as tariff_name', 't.monthly_fee_kopecks', 't.minutes_included', 't.sms_included', 't.megabytes_included'])
    .select(['a.email', 'a.registered_at'])
    .select((eb) => [
      eb.selectFrom('data_sessions').select(sql<number>`coalesce(sum(in_bytes + out_bytes), 0)`.as('b')).where('number', '=', number).where('started_at', '>=', from).where('started_at', '<', to).as('used_bytes'),
      eb
        .selectFrom('service_charges as sc')
        .innerJoin('services as sv', 'sv.id', 'sc.service_id')
        .select(sql<number>`coalesce(sum(sv.adds_megabytes), 0)`.as('mb'))
        .where('sc.number', '=', number)
        .where('sc.month', '=', month)
        .as('extra_megabytes'),
      eb.selectFrom('call_charges').select(sql<number>`coalesce(sum(package_minutes), 0)`.as('m')).where('number', '=', number).where('at', '>=', from).where('at', '<', to).as('package_minutes'),
      // The dialect's JSON aggregate: SQLite hands back text, PostgreSQL a parsed array.
      (db.getExecutor().adapter instanceof PostgresAdapter ? postgresJsonArrayFrom : sqliteJsonArrayFrom)(
        eb.selectFrom('subscriber_services as ss').innerJoin('services as sv', 'sv.id', 'ss.service_id').select(['sv.id', 'sv.name']).where('ss.number', '=', number).orderBy('sv.monthly_fee_kopecks').orderBy('sv.id'),
      ).as('services'),
    ])
    .where('s.number', '=', number),
);
