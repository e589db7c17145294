// The month start's writes for one chunk, set-based (issue 13: each chunk's transaction
// short; issue 11: PostgreSQL not per-row round trips). What billing decided for the
// chunk's numbers goes to the database as one JSON parameter per kind of row, and each
// table is written by one statement that reads its rows from that parameter: the
// movements, their audit rows (INSERT ... SELECT from the movements just written), the
// service charges, the balances, blocks, applied and waiting tariff changes, suspended and
// resumed services. A chunk is about ten statements whatever its size, against one per
// number before (thousands of round trips per chunk on PostgreSQL).
//
// The rows come out of the parameter through the one dialect-specific piece, `rowsOf`:
// SQLite `json_each` + `json_extract`, PostgreSQL `jsonb_to_recordset` with typed columns.
import { PostgresAdapter, sql, type RawBuilder } from 'kysely';
import { currentActor } from './money-audit';
import type { Db } from './open-database';

type ColumnType = 'text' | 'bigint';

/** A FROM item `<rows> AS r` with the given columns, read from `rows` (objects keyed by column name). */
function rowsOf(db: Db, rows: readonly object[], columns: Record<string, ColumnType>): RawBuilder<unknown> {
  const json = JSON.stringify(rows);
  const names = Object.keys(columns);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const defs = sql.raw(names.map((n) => `${n} ${columns[n]}`).join(', '));
    return sql`jsonb_to_recordset(${json}::jsonb) AS r(${defs})`;
  }
  const picks = sql.raw(names.map((n) => `json_extract(j.value, '$.${n}') AS ${n}`).join(', '));
  return sql`(SELECT ${picks} FROM json_each(${json}) AS j) AS r`;
}

export interface MonthStartWrites {
  movements: Array<{ number: string; at: string; kind: 'fee' | 'service_fee' | 'tariff_change'; amount_kopecks: number; balance_after_kopecks: number; description: string; ref: string }>;
  balances: Map<string, number>;
  serviceCharges: Array<{ number: string; service_id: string; month: string; amount_kopecks: number; charged_at: string }>;
  resumed: Array<{ number: string; service_id: string }>;
  suspended: Array<{ number: string; service_id: string }>;
  block: string[];
  unblock: string[];
  applied: Array<{ number: string; tariffId: string }>;
  waiting: Array<{ number: string; missing: number }>;
}

/** Writes one chunk's decisions; call on the chunk's transaction handle. */
export async function writeMonthStart(db: Db, w: MonthStartWrites): Promise<void> {
  if (w.movements.length) {
    // In the order planned (a number's switching cost, fee, services): ids follow it.
    const moved = await sql<{ id: number }>`
      INSERT INTO movements (number, at, kind, amount_kopecks, balance_after_kopecks, description, ref)
      SELECT r.number, r.at, r.kind, r.amount_kopecks, r.balance_after_kopecks, r.description, r.ref
      FROM ${rowsOf(db, w.movements.map((m, seq) => ({ ...m, seq })), { seq: 'bigint', number: 'text', at: 'text', kind: 'text', amount_kopecks: 'bigint', balance_after_kopecks: 'bigint', description: 'text', ref: 'text' })}
      ORDER BY r.seq
      RETURNING id`.execute(db);
    // Each movement's audit row (store/money-audit.ts), as the billing run: what started
    // it (the clock, an operator, a payment that paid off a debt) is kept as its id.
    const by = currentActor();
    const actorId = by.kind === 'billing' ? (by.id ?? null) : `${by.kind}${by.id ? `:${by.id}` : ''}`;
    await sql`
      INSERT INTO money_audit (movement_id, at, number, kind, amount_kopecks, ref, actor_kind, actor_id, ip)
      SELECT m.id, m.at, m.number, m.kind, m.amount_kopecks, m.ref, 'billing', ${actorId}, ${by.ip ?? null}
      FROM movements m WHERE m.id IN (SELECT r.id FROM ${rowsOf(db, moved.rows, { id: 'bigint' })})`.execute(db);
  }
  if (w.serviceCharges.length) {
    await sql`
      INSERT INTO service_charges (number, service_id, month, amount_kopecks, charged_at)
      SELECT r.number, r.service_id, r.month, r.amount_kopecks, r.charged_at
      FROM ${rowsOf(db, w.serviceCharges, { number: 'text', service_id: 'text', month: 'text', amount_kopecks: 'bigint', charged_at: 'text' })}`.execute(db);
  }
  if (w.balances.size) {
    const rows = [...w.balances].map(([number, balance]) => ({ number, balance }));
    await sql`UPDATE subscribers SET balance_kopecks = r.balance FROM ${rowsOf(db, rows, { number: 'text', balance: 'bigint' })} WHERE subscribers.number = r.number`.execute(db);
  }
  for (const [list, status] of [[w.block, 'blocked'], [w.unblock, 'active']] as const) {
    if (!list.length) continue;
    await sql`UPDATE subscribers SET status = ${status} WHERE number IN (SELECT r.number FROM ${rowsOf(db, list.map((number) => ({ number })), { number: 'text' })})`.execute(db);
  }
  if (w.applied.length) {
    const rows = w.applied.map((a) => ({ number: a.number, tariff_id: a.tariffId }));
    await sql`UPDATE subscribers SET tariff_id = r.tariff_id FROM ${rowsOf(db, rows, { number: 'text', tariff_id: 'text' })} WHERE subscribers.number = r.number`.execute(db);
    await sql`DELETE FROM tariff_changes WHERE number IN (SELECT r.number FROM ${rowsOf(db, rows, { number: 'text' })})`.execute(db);
  }
  if (w.waiting.length) {
    const rows = w.waiting.map((x) => ({ number: x.number, missing: x.missing }));
    await sql`UPDATE tariff_changes SET missing_kopecks = r.missing FROM ${rowsOf(db, rows, { number: 'text', missing: 'bigint' })} WHERE tariff_changes.number = r.number`.execute(db);
  }
  if (w.suspended.length) {
    await sql`UPDATE subscriber_services SET suspended = 1 FROM ${rowsOf(db, w.suspended, { number: 'text', service_id: 'text' })} WHERE subscriber_services.number = r.number AND subscriber_services.service_id = r.service_id`.execute(db);
  }
  if (w.resumed.length) {
    await sql`UPDATE subscriber_services SET suspended = 0 FROM ${rowsOf(db, w.resumed, { number: 'text', service_id: 'text' })} WHERE subscriber_services.number = r.number AND subscriber_services.service_id = r.service_id AND subscriber_services.suspended = 1`.execute(db);
  }
}
