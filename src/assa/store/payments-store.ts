// The payments outbox (A-MON-2/3): a payment's intent is written before the gateway is
// called, its outcome is written with a conditional update (only an open payment can be
// settled, so a request, the reconciler and a callback racing each other settle it once),
// and the same rows are the A-MON-3 tally of what a payer paid for other numbers.
import { sql } from 'kysely';
import { noteNumber, type Db } from './open-database';
import type { PaymentsTable } from './money-schema';

export type PaymentRow = Omit<PaymentsTable, 'tries_left'> & { tries_left: number };
export type PaymentStatus = PaymentsTable['status'];
const OPEN: PaymentStatus[] = ['pending', '3ds_required'];

export class PaymentsStore {
  constructor(readonly db: Db) {}

  byKey(payer: string, idemKey: string): Promise<PaymentRow | undefined> {
    return this.db.selectFrom('payments').selectAll().where('payer', '=', payer).where('idem_key', '=', idemKey).executeTakeFirst();
  }
  byId(id: string): Promise<PaymentRow | undefined> {
    return this.db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async insert(p: Omit<PaymentRow, 'settled_at' | 'settled_by' | 'reason' | 'tries_left'> & Partial<Pick<PaymentRow, 'settled_at' | 'settled_by' | 'reason' | 'tries_left'>>): Promise<void> {
    await this.db.insertInto('payments').values({ reason: null, settled_at: null, settled_by: null, tries_left: 0, ...p }).execute();
  }

  /** A-MON-3: what `payer` paid for other numbers in [from, to), settled or still open (an open one holds its share). */
  async forOthersTotal(payer: string, from: string, to: string): Promise<number> {
    noteNumber(payer);
    const r = await this.db
      .selectFrom('payments')
      .select(sql<number>`coalesce(sum(amount_kopecks), 0)`.as('s'))
      .where('payer', '=', payer)
      .whereRef('beneficiary', '<>', 'payer')
      .where('status', 'in', ['pending', '3ds_required', 'approved'])
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .executeTakeFirstOrThrow();
    return Number(r.s);
  }

  /** Moves an open payment to `status`; false when it was already settled (by someone else). */
  async settle(id: string, status: PaymentStatus, o: { reason?: string | null; triesLeft?: number; at: string; by: string }): Promise<boolean> {
    const final = status === 'approved' || status === 'declined';
    const r = await this.db
      .updateTable('payments')
      .set({ status, reason: o.reason ?? null, tries_left: o.triesLeft ?? 0, updated_at: o.at, ...(final ? { settled_at: o.at, settled_by: o.by } : {}) })
      .where('id', '=', id)
      .where('status', 'in', OPEN)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Open payments not touched since `before`: what the reconciler asks the gateway about. */
  open(before: string, limit = 200): Promise<PaymentRow[]> {
    return this.db.selectFrom('payments').selectAll().where('status', 'in', OPEN).where('updated_at', '<', before).orderBy('updated_at').limit(limit).execute();
  }
}
