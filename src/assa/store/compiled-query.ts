// Kysely builds a query's operation tree and compiles it to SQL on every call. For the few
// reads that every authenticated request makes (the session, GET /account's rows) that was
// most of their CPU: a primary-key lookup cost ~40 µs through the builder against ~15 µs
// run precompiled (issue 11, GET /account against a bare route). `compiledOnce` builds a
// query once per dialect with stand-in values, remembers where each argument lands among
// the compiled parameters, and afterwards only swaps the parameters. The query is still
// written once with the builder, for both engines.
import { createQueryId, type Compilable, type CompiledQuery } from 'kysely';
import type { Db } from './open-database';

interface Compiled {
  query: CompiledQuery;
  /** For each compiled parameter: the index of the argument it is, or -1 for a constant of the query. */
  from: number[];
}

// On PostgreSQL a statement sent without a name is parsed and planned anew every time:
// for GET /account's account view that was 300 of the backend's 380 µs, the statement
// itself 22 µs (issue 11). These queries are few and fixed, so the engine prepares each
// under a name on each connection, once (postgres-engine.ts); PostgreSQL then keeps the plan.
const preparedNames = new Map<string, string>();
/** The name a compiled-once query's SQL is prepared under, or undefined for any other SQL. */
export const preparedName = (sql: string): string | undefined => preparedNames.get(sql);

/**
 * `select *` (or `t.*`) in a prepared statement breaks when a migration adds a column: a
 * node still running keeps the statement, and PostgreSQL refuses it ("cached plan must
 * not change result type") until the connection is gone. A rolling upgrade does exactly
 * that, so a compiled-once query names its columns.
 */
const SELECT_STAR = /(?:\bselect|,)\s+(?:"[^"]+"\.)?\*/i;

/** Stand-in values no real argument equals, so their places among the parameters are unambiguous. */
const standIn = (i: number) => `\u0000compiled-query-argument-${i}\u0000`;

/**
 * A query `build(db, ...args)` (string arguments only) run as `run(db, ...args)` → its rows.
 * Every argument must become a bound parameter (never SQL text); that is checked on the
 * first compile of each dialect.
 */
export function compiledOnce<A extends string[], R>(build: (db: Db, ...args: A) => Compilable<R>): (db: Db, ...args: A) => Promise<R[]> {
  // Per dialect adapter class: SQLite and PostgreSQL compile to different SQL.
  const byDialect = new Map<unknown, Compiled>();
  const compile = (db: Db, arity: number): Compiled => {
    const key = db.getExecutor().adapter.constructor;
    let c = byDialect.get(key);
    if (!c) {
      const stand = Array.from({ length: arity }, (_, i) => standIn(i)) as A;
      const query = build(db, ...stand).compile();
      const from = query.parameters.map((p) => stand.indexOf(p as string));
      const missing = stand.findIndex((_, i) => !from.includes(i));
      if (missing >= 0) throw new Error(`compiledOnce: argument ${missing} of the query is not a bound parameter: ${query.sql}`);
      if (SELECT_STAR.test(query.sql)) throw new Error(`compiledOnce: name the columns; a * changes under a migration while the statement stays prepared: ${query.sql}`);
      c = { query, from };
      byDialect.set(key, c);
      if (!preparedNames.has(query.sql)) preparedNames.set(query.sql, `assa_compiled_${preparedNames.size + 1}`);
    }
    return c;
  };
  return async (db, ...args) => {
    const c = compile(db, args.length);
    const executor = db.getExecutor();
    // The handle's plugins still see the query (the root handle's guard refuses a call
    // made from inside a transaction, as it does for a query built anew).
    const queryId = createQueryId();
    executor.transformQuery(c.query.query, queryId);
    const parameters = c.from.map((i, j) => (i >= 0 ? args[i] : c.query.parameters[j]));
    const r = await executor.executeQuery<R>({ query: c.query.query, queryId, sql: c.query.sql, parameters });
    return r.rows;
  };
}
