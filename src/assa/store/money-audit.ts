// The audit of every ledger movement (issue 12: "an audit log table of security and money
// events ... every ledger movement"). One row per movement, written by the ledger itself
// in the same transaction as the movement (MoneyStore.move through here; the billing run's
// set-based chunk writes in month-start-writes.ts), so a movement without its audit row
// cannot be committed.
//
// Who caused a movement is not a parameter of the money services: it is the context the
// work runs in, set once at each way in — an HTTP request (the subscriber of the session,
// the operator, the payment gateway's callback, the network side), the billing clock and
// the payment reconciler (embedded.ts). Kysely builder only: SQLite and PostgreSQL alike.
import { contextSlot } from '../async-context';
import type { Generated, Kysely } from 'kysely';
import type { Db } from './open-database';
import type { MovementsTable } from './schema';

export type ActorKind = 'subscriber' | 'operator' | 'billing' | 'gateway' | 'network' | 'system';

/** Who or what caused a movement: `id` is the subscriber's own number or the operator's login; `ip` the request's address. */
export interface Actor {
  kind: ActorKind;
  id?: string | null;
  ip?: string | null;
}

const actorContext = contextSlot<() => Actor>('ledger actor');
/**
 * Runs `fn` (and every timer and callback it starts) as `actor`. A function is resolved
 * when a movement is written, so an HTTP request can set it before its authentication
 * hooks have decided who is calling.
 */
export const runAsActor = <T>(actor: Actor | (() => Actor), fn: () => T): T => actorContext.run(typeof actor === 'function' ? actor : () => actor, fn);
/** Work started outside any way in (the CLI, the demo data, a test calling a store directly) is `system`. */
export const currentActor = (): Actor => actorContext.get()?.() ?? { kind: 'system' };

interface MoneyAuditTable {
  id: Generated<number>;
  movement_id: number;
  at: string;
  number: string;
  kind: string;
  amount_kopecks: number;
  ref: string | null;
  actor_kind: ActorKind;
  actor_id: string | null;
  ip: string | null;
}
interface MoneyAuditDb {
  money_audit: MoneyAuditTable;
  movements: MovementsTable;
}

export interface MoneyAuditRow {
  id: number;
  movementId: number;
  at: string;
  number: string;
  kind: string;
  amountKopecks: number;
  ref: string | null;
  actor: { kind: ActorKind; id: string | null; ip: string | null };
}

const BATCH = 400; // rows per INSERT: under SQLite's bound-parameter limit (10 columns)

type Written = { id: number; number: string; at: string; kind: string; amount_kopecks: number; ref: string | null };

/** The audit rows of movements just written, as `actor`. Call on the transaction's handle. */
export async function auditMovements(db: Db, moved: readonly Written[], actor: Actor = currentActor()): Promise<void> {
  const k = db as unknown as Kysely<MoneyAuditDb>;
  const rows = moved.map((m) => ({ movement_id: m.id, at: m.at, number: m.number, kind: m.kind, amount_kopecks: m.amount_kopecks, ref: m.ref, actor_kind: actor.kind, actor_id: actor.id ?? null, ip: actor.ip ?? null }));
  for (let i = 0; i < rows.length; i += BATCH) await k.insertInto('money_audit').values(rows.slice(i, i + BATCH)).execute();
}

/** Newest first, paged by id (`before`), by number if given: for the operator API. */
export async function moneyAudit(db: Db, q: { number?: string; before?: number; limit?: number } = {}): Promise<MoneyAuditRow[]> {
  let s = (db as unknown as Kysely<MoneyAuditDb>).selectFrom('money_audit').selectAll();
  if (q.number) s = s.where('number', '=', q.number);
  if (q.before !== undefined) s = s.where('id', '<', q.before);
  const rows = await s.orderBy('id', 'desc').limit(q.limit ?? 100).execute();
  return rows.map((r) => ({ id: r.id, movementId: r.movement_id, at: r.at, number: r.number, kind: r.kind, amountKopecks: r.amount_kopecks, ref: r.ref, actor: { kind: r.actor_kind, id: r.actor_id, ip: r.ip } }));
}
