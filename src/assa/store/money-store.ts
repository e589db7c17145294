// The ledger (A-MON-1): append-only movements; subscribers.balance_kopecks is their checked
// running total, changed only here and in the same transaction as the movement.
import { sha256 } from '../security/tokens';
import type { Db } from './open-database';

export type MovementKind = 'payment' | 'voucher' | 'fee' | 'service_fee' | 'tariff_change' | 'transfer_in' | 'transfer_out' | 'bonus' | 'adjustment';

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

export class MoneyStore {
  constructor(readonly db: Db) {}

  balance(number: string): number {
    return (this.db.prepare('SELECT balance_kopecks AS b FROM subscribers WHERE number = ?').get(number) as { b: number }).b;
  }

  /** Call inside a transaction. Refuses to go below zero unless allowed (fees never do: they are skipped). */
  move(number: string, kind: MovementKind, amount: number, at: string, description: string, ref: string | null = null): MovementRow {
    const balance = this.balance(number) + amount;
    if (balance < 0) throw new Error('insufficient_funds');
    this.db.prepare('UPDATE subscribers SET balance_kopecks = ? WHERE number = ?').run(balance, number);
    const r = this.db
      .prepare('INSERT INTO movements (number, at, kind, amount_kopecks, balance_after_kopecks, description, ref) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *')
      .get(number, at, kind, amount, balance, description, ref) as MovementRow;
    return r;
  }

  movements(number: string, from: string, to: string): MovementRow[] {
    return this.db.prepare('SELECT * FROM movements WHERE number = ? AND at >= ? AND at < ? ORDER BY id').all(number, from, to) as MovementRow[];
  }

  /** The balance just before `at`: the last movement before it, else the balance minus everything since. */
  balanceBefore(number: string, at: string): number {
    const since = (this.db.prepare('SELECT coalesce(sum(amount_kopecks), 0) AS s FROM movements WHERE number = ? AND at >= ?').get(number, at) as { s: number }).s;
    return this.balance(number) - since;
  }

  monthTotal(number: string, kind: MovementKind, from: string, to: string): number {
    return (this.db.prepare('SELECT coalesce(sum(abs(amount_kopecks)), 0) AS s FROM movements WHERE number = ? AND kind = ? AND at >= ? AND at < ?').get(number, kind, from, to) as { s: number }).s;
  }

  // ---- idempotency (a retry returns the first result and moves nothing) ----
  idempotent(number: string, key: string): { status: number; response: unknown } | null {
    const r = this.db.prepare('SELECT status, response FROM idempotency_keys WHERE number = ? AND key = ?').get(number, key) as { status: number; response: string } | undefined;
    return r ? { status: r.status, response: JSON.parse(r.response) } : null;
  }
  rememberIdempotent(number: string, key: string, route: string, status: number, response: unknown, at: string): void {
    this.db.prepare('INSERT INTO idempotency_keys (number, key, route, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(number, key, route, status, JSON.stringify(response), at);
  }

  // ---- vouchers (A-MON-2) ----
  addVoucher(code: string, amount: number): void {
    this.db.prepare('INSERT OR IGNORE INTO vouchers (code_hash, amount_kopecks) VALUES (?, ?)').run(sha256(`voucher:${code}`), amount);
  }
  voucher(code: string): { code_hash: string; amount_kopecks: number; used_by: string | null } | undefined {
    return this.db.prepare('SELECT code_hash, amount_kopecks, used_by FROM vouchers WHERE code_hash = ?').get(sha256(`voucher:${code}`)) as { code_hash: string; amount_kopecks: number; used_by: string | null } | undefined;
  }
  useVoucher(codeHash: string, number: string, at: string): void {
    this.db.prepare('UPDATE vouchers SET used_by = ?, used_at = ? WHERE code_hash = ?').run(number, at, codeHash);
  }
  voucherFailures(number: string, since: number): number {
    return (this.db.prepare('SELECT count(*) AS n FROM voucher_failures WHERE number = ? AND at > ?').get(number, since) as { n: number }).n;
  }
  recordVoucherFailure(number: string, at: number): void {
    this.db.prepare('INSERT INTO voucher_failures (number, at) VALUES (?, ?)').run(number, at);
  }

  // ---- card payments ----
  addCardPayment(p: { id: string; number: string; for_number: string; amount_kopecks: number; status: string; created_at: string }): void {
    this.db.prepare('INSERT INTO card_payments (id, number, for_number, amount_kopecks, status, created_at) VALUES (@id, @number, @for_number, @amount_kopecks, @status, @created_at)').run(p);
  }
  cardPayment(id: string): { id: string; number: string; for_number: string; amount_kopecks: number; status: string } | undefined {
    return this.db.prepare('SELECT * FROM card_payments WHERE id = ?').get(id) as { id: string; number: string; for_number: string; amount_kopecks: number; status: string } | undefined;
  }
  setCardPaymentStatus(id: string, status: string): void {
    this.db.prepare('UPDATE card_payments SET status = ? WHERE id = ?').run(status, id);
  }

  // ---- services (A-SVC) ----
  upsertService(s: { id: string; name: string; description: string; monthly_fee_kopecks: number; requires_terms: number; terms: string }): void {
    this.db.prepare('INSERT INTO services (id, name, description, monthly_fee_kopecks, requires_terms, terms) VALUES (@id, @name, @description, @monthly_fee_kopecks, @requires_terms, @terms) ON CONFLICT(id) DO UPDATE SET name = excluded.name').run(s);
  }
  services(number: string): Array<{ id: string; name: string; description: string; monthly_fee_kopecks: number; requires_terms: number; terms: string; enabled: number }> {
    return this.db
      .prepare('SELECT s.*, (ss.service_id IS NOT NULL) AS enabled FROM services s LEFT JOIN subscriber_services ss ON ss.service_id = s.id AND ss.number = ? ORDER BY s.monthly_fee_kopecks, s.id')
      .all(number) as Array<{ id: string; name: string; description: string; monthly_fee_kopecks: number; requires_terms: number; terms: string; enabled: number }>;
  }
  setService(number: string, id: string, enabled: boolean, at: string): void {
    if (enabled) this.db.prepare('INSERT OR IGNORE INTO subscriber_services (number, service_id, enabled_at) VALUES (?, ?, ?)').run(number, id, at);
    else this.db.prepare('DELETE FROM subscriber_services WHERE number = ? AND service_id = ?').run(number, id);
  }
  paidServicesOf(number: string): Array<{ id: string; name: string; monthly_fee_kopecks: number }> {
    return this.db.prepare('SELECT s.id, s.name, s.monthly_fee_kopecks FROM services s JOIN subscriber_services ss ON ss.service_id = s.id WHERE ss.number = ? AND s.monthly_fee_kopecks > 0').all(number) as Array<{ id: string; name: string; monthly_fee_kopecks: number }>;
  }

  // ---- tariffs (A-TAR) ----
  tariffs(): Array<{ id: string; name: string; monthly_fee_kopecks: number; description: string; switch_cost_kopecks: number }> {
    return this.db.prepare('SELECT * FROM tariffs ORDER BY monthly_fee_kopecks').all() as Array<{ id: string; name: string; monthly_fee_kopecks: number; description: string; switch_cost_kopecks: number }>;
  }
  pendingChange(number: string): { tariff_id: string; requested_at: string; effective_from: string } | undefined {
    return this.db.prepare('SELECT * FROM tariff_changes WHERE number = ?').get(number) as { tariff_id: string; requested_at: string; effective_from: string } | undefined;
  }
  lastChangeRequest(number: string): string | null {
    return ((this.db.prepare('SELECT max(requested_at) AS at FROM tariff_history WHERE number = ?').get(number) as { at: string | null }).at) ?? null;
  }
  requestChange(number: string, tariffId: string, at: string, effectiveFrom: string): void {
    this.db.prepare('INSERT INTO tariff_changes (number, tariff_id, requested_at, effective_from) VALUES (?, ?, ?, ?) ON CONFLICT(number) DO UPDATE SET tariff_id = excluded.tariff_id, requested_at = excluded.requested_at, effective_from = excluded.effective_from').run(number, tariffId, at, effectiveFrom);
    this.db.prepare('INSERT INTO tariff_history (number, tariff_id, requested_at) VALUES (?, ?, ?)').run(number, tariffId, at);
  }
  cancelChange(number: string): boolean {
    const ok = this.db.prepare('DELETE FROM tariff_changes WHERE number = ?').run(number).changes > 0;
    // A cancelled request does not count towards the 30 days.
    if (ok) this.db.prepare('DELETE FROM tariff_history WHERE id = (SELECT max(id) FROM tariff_history WHERE number = ?)').run(number);
    return ok;
  }
  dueChanges(day: string): Array<{ number: string; tariff_id: string }> {
    return this.db.prepare('SELECT number, tariff_id FROM tariff_changes WHERE effective_from <= ?').all(day) as Array<{ number: string; tariff_id: string }>;
  }
  applyChange(number: string, tariffId: string): void {
    this.db.prepare('UPDATE subscribers SET tariff_id = ? WHERE number = ?').run(tariffId, number);
    this.db.prepare('DELETE FROM tariff_changes WHERE number = ?').run(number);
  }

  // ---- billing runs ----
  billingRan(month: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM billing_runs WHERE month = ?').get(month);
  }
  markBillingRun(month: string, at: string): void {
    this.db.prepare('INSERT INTO billing_runs (month, ran_at) VALUES (?, ?)').run(month, at);
  }
  feePaidFor(number: string, month: string): boolean {
    return !!this.db.prepare("SELECT 1 FROM movements WHERE number = ? AND kind = 'fee' AND ref = ?").get(number, `fee:${month}`);
  }
  /**
   * A-DATA-2 for everybody at once (the month-start run): the fee is taken, in full, from
   * every active or blocked number whose balance covers it and that has not paid this
   * month; the others are blocked. Set-based, inside the caller's transaction.
   */
  chargeMonthlyFees(month: string, at: string): { charged: number; blocked: number } {
    const ref = `fee:${month}`;
    const due = `FROM subscribers s JOIN tariffs t ON t.id = s.tariff_id
      WHERE s.status IN ('active', 'blocked') AND NOT EXISTS (SELECT 1 FROM movements m WHERE m.number = s.number AND m.kind = 'fee' AND m.ref = @ref)`;
    const charged = this.db
      .prepare(`INSERT INTO movements (number, at, kind, amount_kopecks, balance_after_kopecks, description, ref)
        SELECT s.number, @at, 'fee', -t.monthly_fee_kopecks, s.balance_kopecks - t.monthly_fee_kopecks, 'Monthly fee ' || @month, @ref ${due} AND s.balance_kopecks >= t.monthly_fee_kopecks`)
      .run({ at, month, ref }).changes;
    // The balances follow the movements just written (one running total per number).
    this.db
      .prepare(`UPDATE subscribers SET balance_kopecks = (SELECT m.balance_after_kopecks FROM movements m WHERE m.number = subscribers.number AND m.kind = 'fee' AND m.ref = @ref), status = 'active'
        WHERE number IN (SELECT number FROM movements WHERE kind = 'fee' AND ref = @ref AND at = @at)`)
      .run({ ref, at });
    const blocked = this.db.prepare(`UPDATE subscribers SET status = 'blocked' WHERE number IN (SELECT s.number ${due})`).run({ ref }).changes;
    return { charged, blocked };
  }

  setStatus(number: string, status: 'active' | 'blocked'): void {
    this.db.prepare('UPDATE subscribers SET status = ? WHERE number = ?').run(status, number);
  }
}
