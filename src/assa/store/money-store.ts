// The ledger (A-MON-1): append-only movements; subscribers.balance_kopecks is their checked
// running total, changed only here and in the same transaction as the movement.
import { sql } from 'kysely';
import { sha256 } from '../security/tokens';
import { compiledOnce } from './compiled-query';
import { auditMovements } from './money-audit';
import { noteNumber, type Db } from './open-database';
import type { MovementsTable } from './schema';

export type MovementKind = MovementsTable['kind'];

export interface MovementRow {
  id: number;
  number: string;
  at: string;
  kind: MovementKind;
  amount_kopecks: number;
  balance_after_kopecks: number;
  description: string;
  ref: string | null;
}

export interface ServiceRow {
  id: string;
  name: string;
  description: string;
  monthly_fee_kopecks: number;
  requires_terms: number;
  terms: string;
}

export class MoneyStore {
  constructor(readonly db: Db) {}

  async balance(number: string): Promise<number> {
    noteNumber(number);
    const r = await this.db.selectFrom('subscribers').select('balance_kopecks').where('number', '=', number).executeTakeFirstOrThrow();
    return r.balance_kopecks;
  }

  /** Call inside a transaction. Refuses to go below zero unless allowed (fees never do: they are skipped). */
  async move(number: string, kind: MovementKind, amount: number, at: string, description: string, ref: string | null = null): Promise<MovementRow> {
    const balance = (await this.balance(number)) + amount;
    if (balance < 0) throw new Error('insufficient_funds');
    await this.db.updateTable('subscribers').set({ balance_kopecks: balance }).where('number', '=', number).execute();
    const moved = await this.db
      .insertInto('movements')
      .values({ number, at, kind, amount_kopecks: amount, balance_after_kopecks: balance, description, ref })
      .returningAll()
      .executeTakeFirstOrThrow();
    // Its audit row (who caused it), in the same transaction (issue 12).
    await auditMovements(this.db, [moved]);
    return moved;
  }

  movementByRef(kind: MovementKind, ref: string): Promise<MovementRow | undefined> {
    return this.db.selectFrom('movements').selectAll().where('kind', '=', kind).where('ref', '=', ref).orderBy('id').limit(1).executeTakeFirst();
  }

  movements(number: string, from: string, to: string): Promise<MovementRow[]> {
    return this.db.selectFrom('movements').selectAll().where('number', '=', number).where('at', '>=', from).where('at', '<', to).orderBy('id').execute();
  }

  /** The balance just before `at`: the last movement before it, else the balance minus everything since. */
  async balanceBefore(number: string, at: string): Promise<number> {
    const r = await this.db
      .selectFrom('movements')
      .select(sql<number>`coalesce(sum(amount_kopecks), 0)`.as('s'))
      .where('number', '=', number)
      .where('at', '>=', at)
      .executeTakeFirstOrThrow();
    return (await this.balance(number)) - Number(r.s);
  }

  async monthTotal(number: string, kind: MovementKind, from: string, to: string): Promise<number> {
    const r = await this.db
      .selectFrom('movements')
      .select(sql<number>`coalesce(sum(abs(amount_kopecks)), 0)`.as('s'))
      .where('number', '=', number)
      .where('kind', '=', kind)
      .where('at', '>=', from)
      .where('at', '<', to)
      .executeTakeFirstOrThrow();
    return Number(r.s);
  }

  // ---- idempotency (a retry returns the first result and moves nothing) ----
  async idempotent(number: string, key: string): Promise<{ status: number; response: unknown } | null> {
    noteNumber(number);
    const r = await this.db.selectFrom('idempotency_keys').select(['status', 'response']).where('number', '=', number).where('key', '=', key).executeTakeFirst();
    return r ? { status: r.status, response: JSON.parse(r.response) } : null;
  }
  async rememberIdempotent(number: string, key: string, route: string, status: number, response: unknown, at: string): Promise<void> {
    await this.db.insertInto('idempotency_keys').values({ number, key, route, status, response: JSON.stringify(response), created_at: at }).execute();
  }

  // ---- vouchers (A-MON-2) ----
  async addVoucher(code: string, amount: number): Promise<void> {
    await this.db
      .insertInto('vouchers')
      .values({ code_hash: sha256(`voucher:${code}`), amount_kopecks: amount, used_by: null, used_at: null })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  voucher(code: string): Promise<{ code_hash: string; amount_kopecks: number; used_by: string | null } | undefined> {
    return this.db.selectFrom('vouchers').select(['code_hash', 'amount_kopecks', 'used_by']).where('code_hash', '=', sha256(`voucher:${code}`)).executeTakeFirst();
  }
  async useVoucher(codeHash: string, number: string, at: string): Promise<void> {
    await this.db.updateTable('vouchers').set({ used_by: number, used_at: at }).where('code_hash', '=', codeHash).execute();
  }
  async voucherFailures(number: string, since: number): Promise<number> {
    const r = await this.db
      .selectFrom('voucher_failures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('number', '=', number)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
  async recordVoucherFailure(number: string, at: number): Promise<void> {
    await this.db.insertInto('voucher_failures').values({ number, at }).execute();
  }

  // ---- card payments ----
  async addCardPayment(p: { id: string; number: string; for_number: string; amount_kopecks: number; status: 'approved' | 'declined' | '3ds_required'; created_at: string }): Promise<void> {
    await this.db.insertInto('card_payments').values(p).execute();
  }
  cardPayment(id: string): Promise<{ id: string; number: string; for_number: string; amount_kopecks: number; status: string } | undefined> {
    return this.db.selectFrom('card_payments').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async setCardPaymentStatus(id: string, status: 'approved' | 'declined' | '3ds_required'): Promise<void> {
    await this.db.updateTable('card_payments').set({ status }).where('id', '=', id).execute();
  }

  // ---- services (A-SVC) ----
  async upsertService(s: ServiceRow): Promise<void> {
    await this.db
      .insertInto('services')
      .values(s)
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
      .execute();
  }
  /** Every service, and whether this number has it (GET /account reads it: compiled once). */
  services(number: string): Promise<Array<ServiceRow & { enabled: number }>> {
    return servicesQuery(this.db, number);
  }
  async setService(number: string, id: string, enabled: boolean, at: string): Promise<void> {
    if (enabled) {
      await this.db
        .insertInto('subscriber_services')
        .values({ number, service_id: id, enabled_at: at })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else {
      await this.db.deleteFrom('subscriber_services').where('number', '=', number).where('service_id', '=', id).execute();
    }
  }
  paidServicesOf(number: string): Promise<Array<{ id: string; name: string; monthly_fee_kopecks: number }>> {
    return this.db
      .selectFrom('services as s')
      .innerJoin('subscriber_services as ss', 'ss.service_id', 's.id')
      .select(['s.id', 's.name', 's.monthly_fee_kopecks'])
      .where('ss.number', '=', number)
      .where('s.monthly_fee_kopecks', '>', 0)
      .execute();
  }

  // ---- tariffs (A-TAR) ----
  tariffs(): Promise<Array<{ id: string; name: string; monthly_fee_kopecks: number; description: string; switch_cost_kopecks: number }>> {
    return this.db.selectFrom('tariffs').selectAll().orderBy('monthly_fee_kopecks').execute();
  }
  async setSwitchCost(id: string, kopecks: number): Promise<void> {
    await this.db.updateTable('tariffs').set({ switch_cost_kopecks: kopecks }).where('id', '=', id).execute();
  }
  pendingChange(number: string): Promise<{ tariff_id: string; requested_at: string; effective_from: string } | undefined> {
    return this.db.selectFrom('tariff_changes').select(['tariff_id', 'requested_at', 'effective_from']).where('number', '=', number).executeTakeFirst();
  }
  async lastChangeRequest(number: string): Promise<string | null> {
    const r = await this.db
      .selectFrom('tariff_history')
      .select((eb) => eb.fn.max('requested_at').as('at'))
      .where('number', '=', number)
      .executeTakeFirst();
    return r?.at ?? null;
  }
  async requestChange(number: string, tariffId: string, at: string, effectiveFrom: string): Promise<void> {
    await this.db
      .insertInto('tariff_changes')
      .values({ number, tariff_id: tariffId, requested_at: at, effective_from: effectiveFrom })
      .onConflict((oc) => oc.column('number').doUpdateSet((eb) => ({ tariff_id: eb.ref('excluded.tariff_id'), requested_at: eb.ref('excluded.requested_at'), effective_from: eb.ref('excluded.effective_from') })))
      .execute();
    await this.db.insertInto('tariff_history').values({ number, tariff_id: tariffId, requested_at: at }).execute();
  }
  async cancelChange(number: string): Promise<boolean> {
    const r = await this.db.deleteFrom('tariff_changes').where('number', '=', number).executeTakeFirst();
    const ok = Number(r.numDeletedRows) > 0;
    // A cancelled request does not count towards the 30 days.
    if (ok) {
      await this.db
        .deleteFrom('tariff_history')
        .where('id', '=', (eb) => eb.selectFrom('tariff_history').select((e) => e.fn.max('id').as('m')).where('number', '=', number))
        .execute();
    }
    return ok;
  }
  dueChanges(day: string): Promise<Array<{ number: string; tariff_id: string }>> {
    return this.db.selectFrom('tariff_changes').select(['number', 'tariff_id']).where('effective_from', '<=', day).execute();
  }
  async applyChange(number: string, tariffId: string): Promise<void> {
    await this.db.updateTable('subscribers').set({ tariff_id: tariffId }).where('number', '=', number).execute();
    await this.db.deleteFrom('tariff_changes').where('number', '=', number).execute();
  }

  // ---- billing runs ----
  async billingRan(month: string): Promise<boolean> {
    return !!(await this.db.selectFrom('billing_runs').select('month').where('month', '=', month).executeTakeFirst());
  }
  async anyBillingRun(): Promise<boolean> {
    return !!(await this.db.selectFrom('billing_runs').select('month').limit(1).executeTakeFirst());
  }
  async markBillingRun(month: string, at: string): Promise<void> {
    await this.db.insertInto('billing_runs').values({ month, ran_at: at }).execute();
  }
  async feePaidFor(number: string, month: string): Promise<boolean> {
    const r = await this.db.selectFrom('movements').select('id').where('number', '=', number).where('kind', '=', 'fee').where('ref', '=', `fee:${month}`).executeTakeFirst();
    return !!r;
  }
  async setStatus(number: string, status: 'active' | 'blocked'): Promise<void> {
    await this.db.updateTable('subscribers').set({ status }).where('number', '=', number).execute();
  }
}

const servicesQuery = compiledOnce((db: Db, number: string) =>
  db
    .selectFrom('services as s')
    .leftJoin('subscriber_services as ss', (j) => j.onRef('ss.service_id', '=', 's.id').on('ss.number', '=', number))
    .select(['s.id', 's.name', 's.description', 's.monthly_fee_kopecks', 's.requires_terms', 's.terms', 's.adds_megabytes'])
    .select(sql<number>`CASE WHEN ss.service_id IS NULL THEN 0 ELSE 1 END`.as('enabled'))
    .orderBy('s.monthly_fee_kopecks')
    .orderBy('s.id'),
);

