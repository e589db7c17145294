// The PostgreSQL engine behind the same store: a node-postgres `pg` Pool (size
// configurable) under Kysely's PostgresDialect.
//
// Transactions are SERIALIZABLE and retried, a bounded number of times with a short
// random back-off, when PostgreSQL reports a serialization failure (40001) or a deadlock
// (40P01). The ledger's read-then-write bodies (balance then movement, monthly total then
// payment, idempotency key then result) therefore need no row locks written by hand:
// PostgreSQL aborts one of two bodies that would not have been correct one after the
// other, and the retried body reads fresh data. A transaction body must therefore keep
// outside effects (mail, HTTP, gateway calls) out of itself, as it already must on SQLite
// to keep the write lock short.
//
// Hot numbers queue instead of aborting each other: SERIALIZABLE alone turns N concurrent
// transfers from one number into N-1 aborts, retried into more aborts, and with enough of
// them some ran out of attempts (HTTP 500). So an attempt's body notes the numbers whose
// money it touches (`noteNumber`, called by the money store), and a retry first takes a
// session advisory lock per noted number on its connection (sorted, so two retries never
// wait on each other crosswise), *then* begins. The lock must come before BEGIN: a
// SERIALIZABLE snapshot is taken at the first statement, so a lock taken inside the
// transaction would wait with a snapshot from before the holder's commit and abort anyway.
// Holders run one after another and each sees the last one's commit; SERIALIZABLE and the
// retry stay the safety net for whatever no lock covers. A first attempt takes no lock, so
// uncontended requests pay nothing.
import { contextSlot } from '../async-context';
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { preparedName } from './compiled-query';
import { postgresNodeLiveness } from './node-liveness';
import type { Database as Schema } from './schema';
import { collectNumbers, OutsideTransactionGuard, runInTransaction, StoreError, type Db, type JobLockResult, type StoreEngine } from './open-database';

/** A serialization failure is retried until this many attempts, then reaches the caller as transaction_conflict. */
export const PG_TRANSACTION_ATTEMPTS = 10;
/** Connections in the pool when none is configured (--db-pool / ASSA_DB_POOL). */
export const DEFAULT_PG_POOL = 10;
const RETRYABLE = new Set(['40001', '40P01']);

export const isRetryable = (e: unknown): boolean => RETRYABLE.has((e as { code?: string } | null)?.code ?? '');

// int8 (ids, counts, kopecks, epoch milliseconds) and numeric (sum()) come back as JS
// numbers, as on SQLite: every figure the store keeps is far below 2^53.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** Advisory locks are keyed (ASSA's class, hashtext(job name)): the same on every node. */
const LOCK_CLASS = 0x4153_5341; // "ASSA"
/** Retries' per-number locks: (this class, hashtext(number)). A hash collision only makes two numbers queue together. */
const NUMBER_LOCK_CLASS = 0x4153_534e; // "ASSN"

/**
 * A pool connection that sends compiled-once queries (compiled-query.ts) as named
 * statements: PostgreSQL parses and plans each once per connection instead of on every
 * request. Everything else goes out as Kysely sent it.
 */
class PreparingClient extends pg.Client {
  // pg's query() has a dozen overloads; Kysely calls query(text, values) and awaits it.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    const name = typeof text === 'string' ? preparedName(text) : undefined;
    const call = super.query as (...a: unknown[]) => never;
    return name ? call.call(this, { name, text, values }) : call.apply(this, args);
  }
}

export function postgresEngine(url: string, poolSize = DEFAULT_PG_POOL, attempts = PG_TRANSACTION_ATTEMPTS): StoreEngine {
  if (!Number.isInteger(poolSize) || poolSize < 1) throw new StoreError('invalid_option', `the pool size must be a whole number of connections, 1 or more (got ${poolSize})`);
  if (!Number.isInteger(attempts) || attempts < 1) throw new StoreError('invalid_option', `the transaction attempts must be a whole number, 1 or more (got ${attempts})`);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types, Client: PreparingClient });
  // A dropped idle connection is replaced by the pool; without a listener it would end the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }), plugins: [new OutsideTransactionGuard()] });
  const node = postgresNodeLiveness(url, db);

  // Lock connections are outside the pool; at most poolSize at once, the rest wait here
  // (a burst of money requests must not use up the server's max_connections). A lock
  // taken inside another (the billing tick's month start) uses its holder's slot.
  const holdingSlot = contextSlot<true>('holding a pool slot');
  const lockSlots = { free: poolSize, waiting: [] as Array<() => void> };
  const takeSlot = async () => {
    if (lockSlots.free > 0) lockSlots.free--;
    else await new Promise<void>((r) => lockSlots.waiting.push(r));
  };
  const giveSlot = () => {
    const next = lockSlots.waiting.shift();
    if (next) next();
    else lockSlots.free++;
  };

  return {
    kind: 'postgres',
    db,
    async transaction<T>(fn: (trx: Db) => Promise<T>): Promise<T> {
      const numbers = new Set<string>();
      const serializable = (on: Db) =>
        on
          .transaction()
          .setIsolationLevel('serializable')
          .execute((trx) => collectNumbers(numbers, () => runInTransaction(() => fn(trx.withoutPlugins()))));
      for (let attempt = 1; ; attempt++) {
        try {
          if (attempt === 1 || numbers.size === 0) return await serializable(db);
          const locks = [...numbers].sort();
          return await db.connection().execute(async (conn) => {
            try {
              for (const n of locks) await sql`SELECT pg_advisory_lock(${NUMBER_LOCK_CLASS}::int, hashtext(${n}))`.execute(conn);
              return await serializable(conn);
            } finally {
              // Session locks outlive the transaction: released before the connection goes back to the pool.
              await sql`SELECT pg_advisory_unlock_all()`.execute(conn);
            }
          });
        } catch (e) {
          if (!isRetryable(e)) throw e;
          if (attempt >= attempts) throw new StoreError('transaction_conflict', `The transaction kept conflicting with concurrent ones (${attempt} attempts); try again.`);
          await new Promise((r) => setTimeout(r, Math.random() * 4 * attempt));
        }
      }
    },
    // Without parameters node-postgres uses the simple query protocol, which takes several statements.
    execScript: async (trx, script) => {
      await sql.raw(script).execute(trx);
    },
    async withJobLock<T>(name: string, fn: () => Promise<T>, opts: { wait?: boolean } = {}): Promise<JobLockResult<T>> {
      // A session-level advisory lock on a connection of its own (outside the pool, so a
      // pool of one still serves fn): held while fn runs, released by unlock or, if this
      // node dies, by PostgreSQL when the connection drops.
      const nested = !!holdingSlot.get();
      if (!nested) await takeSlot();
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => undefined);
      try {
        await client.connect();
        if (opts.wait) await client.query('SELECT pg_advisory_lock($1::int, hashtext($2))', [LOCK_CLASS, name]);
        else {
          const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS ok', [LOCK_CLASS, name]);
          if (!got.rows[0]?.ok) return { ran: false };
        }
        try {
          return { ran: true, value: await holdingSlot.run(true, fn) };
        } finally {
          await client.query('SELECT pg_advisory_unlock($1::int, hashtext($2))', [LOCK_CLASS, name]);
        }
      } finally {
        await client.end().catch(() => undefined);
        if (!nested) giveSlot();
      }
    },
    node,
    async close() {
      await node.close();
      await db.destroy();
    },
  };
}
