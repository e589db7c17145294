// The ASSA database engine behind Kysely. SQLite (better-sqlite3, a file path) is the
// embedded default: WAL so readers never wait for the writer, synchronous=FULL because
// money and security rows must survive a power cut, foreign keys on, and a busy timeout
// so two processes on one file queue instead of fail.
//
// Transactions: `engine.transaction(fn)` hands `fn` a Kysely bound to one connection in
// one transaction. On SQLite that is BEGIN IMMEDIATE (the write lock up front, so a
// read-then-write cannot be raced by another process), and Kysely's SqliteDriver holds
// its single connection behind a mutex for the whole callback, so an awaited gap inside
// a transaction never lets another request's statements in: they queue until COMMIT.
// The flip side: a statement on the root handle from inside a transaction would wait
// for itself forever, so the root handle refuses it with a clear error instead.
// PostgreSQL (a postgres:// URL) is the other engine: postgres-engine.ts.
import { contextSlot } from '../async-context';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect, type KyselyPlugin, type SqliteDatabase, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import { migrate } from './migrations';
import { sqliteNodeLiveness, type NodeLiveness } from './node-liveness';
import type { Database as Schema } from './schema';

export type Db = Kysely<Schema>;
export type EngineKind = 'sqlite' | 'postgres';

export interface StoreEngine {
  readonly kind: EngineKind;
  /** The root handle: each statement on its own (autocommit). */
  readonly db: Db;
  /** One transaction; `fn` must do all its statements through `trx`. */
  transaction<T>(fn: (trx: Db) => Promise<T>): Promise<T>;
  /** Runs a migration script (several statements) inside `trx`. */
  execScript(trx: Db, script: string): Promise<void>;
  /**
   * Runs `fn` only if no other holder of the lock `name` is running it: on PostgreSQL an
   * advisory lock (so exactly one of several nodes runs a job), on SQLite an in-process
   * lock (one process per file is the SQLite deployment; the jobs' own records keep a
   * second process from applying twice). With `wait`, waits for the lock instead.
   */
  withJobLock<T>(name: string, fn: () => Promise<T>, opts?: { wait?: boolean }): Promise<JobLockResult<T>>;
  /** This engine as a node: the owner of its Idempotency-Key claims, and whether another claim's owner lives (node-liveness.ts). */
  readonly node: NodeLiveness;
  close(): Promise<void>;
}

export type JobLockResult<T> = { ran: true; value: T } | { ran: false };

export class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const insideTransaction = contextSlot<true>('inside a transaction');
const touchedNumbers = contextSlot<Set<string>>('numbers the transaction touches');

/**
 * Notes that the running transaction reads or moves money of `number` (its balance, its
 * monthly tally, its idempotency keys). On PostgreSQL a retry after a serialization
 * failure locks every number its earlier attempts noted before it begins, so concurrent
 * money operations on one number queue instead of aborting each other again
 * (postgres-engine.ts). Outside a transaction, or on SQLite, it does nothing.
 */
export function noteNumber(number: string): void {
  touchedNumbers.get()?.add(number);
}

/** Runs one transaction attempt, collecting into `into` the numbers its body notes. */
export const collectNumbers = <T>(into: Set<string>, fn: () => Promise<T>): Promise<T> => touchedNumbers.run(into, fn);

/** Runs a transaction body so that the root handle refuses statements made from inside it. */
export const runInTransaction = <T>(fn: () => Promise<T>): Promise<T> => insideTransaction.run(true, fn);

/** Refuses root-handle statements made from inside a transaction (they would deadlock on SQLite and escape the transaction on PostgreSQL). */
export class OutsideTransactionGuard implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (insideTransaction.get()) throw new StoreError('store_outside_transaction', 'A store call inside a transaction used the root handle; use the transaction’s store (tx) instead.');
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

export function sqliteEngine(file: string): StoreEngine {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: keptStatements(raw) }), plugins: [new OutsideTransactionGuard()] });
  return {
    kind: 'sqlite',
    db,
    transaction: (fn) =>
      db.connection().execute(async (conn) => {
        const trx = conn.withoutPlugins();
        await sql`BEGIN IMMEDIATE`.execute(trx);
        try {
          const result = await runInTransaction(() => fn(trx));
          await sql`COMMIT`.execute(trx);
          return result;
        } catch (e) {
          if (raw.inTransaction) await sql`ROLLBACK`.execute(trx);
          throw e;
        }
      }),
    // better-sqlite3's exec runs several statements; the single connection is the transaction's.
    execScript: async (_trx, script) => {
      raw.exec(script);
    },
    withJobLock: inProcessJobLock(),
    node: sqliteNodeLiveness(),
    close: () => db.destroy(),
  };
}

/** Prepared statements kept per SQL text, the most recently used of them. */
export const SQLITE_STATEMENT_CACHE = 500;

/**
 * Kysely's SqliteDriver prepares every query anew; for the short queries of a read
 * (GET /account runs about ten) compiling the SQL was a tenth of the request's CPU. The
 * same text gets the same prepared statement back. Safe on the one connection: Kysely's
 * driver runs one query at a time and reads every row at once (`all`), and SQLite
 * re-prepares a kept statement by itself after a schema change.
 */
function keptStatements(raw: Database.Database): SqliteDatabase {
  const kept = new Map<string, Database.Statement>();
  return {
    close: () => raw.close(),
    prepare(text: string) {
      let stmt = kept.get(text);
      if (stmt) kept.delete(text); // re-inserted below: the Map's order is the use order
      else stmt = raw.prepare(text);
      kept.set(text, stmt);
      if (kept.size > SQLITE_STATEMENT_CACHE) kept.delete(kept.keys().next().value!);
      return stmt;
    },
  };
}

/** Job locks within one process: a second caller of a running job is told it did not run (or waits its turn). */
export function inProcessJobLock(): StoreEngine['withJobLock'] {
  const held = new Map<string, Promise<unknown>>();
  return async function withJobLock<T>(name: string, fn: () => Promise<T>, opts: { wait?: boolean } = {}): Promise<JobLockResult<T>> {
    while (held.has(name)) {
      if (!opts.wait) return { ran: false };
      await held.get(name)!.catch(() => undefined);
    }
    const run = fn();
    held.set(name, run);
    try {
      return { ran: true, value: await run };
    } finally {
      held.delete(name);
    }
  };
}

export interface OpenStoreOptions {
  /** PostgreSQL: connections in the pool (default 10). */
  poolSize?: number;
  /** PostgreSQL: attempts of a transaction that keeps hitting serialization failures (default PG_TRANSACTION_ATTEMPTS; tests lower it). */
  transactionAttempts?: number;
}

/** True when `target` names a PostgreSQL database (postgres:// or postgresql://) rather than a SQLite file. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** Opens the database named by `target` (a SQLite file path, or a postgres:// URL) and brings its schema up to date. */
export async function openStoreEngine(target: string, opts: OpenStoreOptions = {}): Promise<StoreEngine> {
  const engine = isPostgresUrl(target) ? await import('./postgres-engine').then((m) => m.postgresEngine(target, opts.poolSize, opts.transactionAttempts)) : sqliteEngine(target);
  try {
    await migrate(engine);
  } catch (e) {
    await engine.close();
    throw e;
  }
  return engine;
}
