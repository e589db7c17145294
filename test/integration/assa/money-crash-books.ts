// The books the money crash test checks, on either engine: the same SQL (with $1… parameters)
// against the SQLite file or the PostgreSQL database, and the engine's own check of its
// storage: SQLite's integrity_check, or on PostgreSQL amcheck's bt_index_check (with
// heapallindexed: every row of the table is found through the index) on every B-tree index
// of the ASSA tables, the ledger's among them. PostgreSQL has no integrity_check of the heap
// itself that a test can run on a live cluster; the invariants the test asserts by SQL
// (one credit per charge, balances = movements, limits) are the ledger's own check.
import Database from 'better-sqlite3';
import pg from 'pg';

export interface CrashBooks {
  all<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** 'ok', or what is wrong; `note` says what was checked (and, on PostgreSQL, when amcheck was missing). */
  integrity(): Promise<{ result: string; note: string }>;
  close(): Promise<void>;
}

export async function openCrashBooks(target: string): Promise<CrashBooks> {
  if (!/^postgres(ql)?:\/\//i.test(target)) {
    const sql = new Database(target);
    return {
      all: async <T>(text: string, params: unknown[] = []) => sql.prepare(text.replace(/\$\d+/g, '?')).all(...params) as T[],
      integrity: async () => ({ result: String(sql.pragma('integrity_check', { simple: true })), note: 'SQLite integrity_check' }),
      close: async () => void sql.close(),
    };
  }
  // bigint counts and numeric sums as JS numbers, as the engine reads them (postgres-engine.ts).
  const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 || oid === 1700 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) } as pg.CustomTypesConfig;
  const c = new pg.Client({ connectionString: target, types });
  await c.connect();
  return {
    all: async <T>(text: string, params: unknown[] = []) => (await c.query(text, params)).rows as T[],
    async integrity() {
      try {
        await c.query('CREATE EXTENSION IF NOT EXISTS amcheck');
      } catch (e) {
        return { result: 'ok', note: `amcheck is not available (${(e as Error).message}): only the SQL invariants were checked` };
      }
      const indexes = (await c.query<{ name: string }>("SELECT i.indexrelid::regclass::text AS name FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam WHERE n.nspname = 'public' AND am.amname = 'btree' ORDER BY 1")).rows;
      const bad: string[] = [];
      for (const ix of indexes) {
        try {
          await c.query('SELECT bt_index_check($1::regclass, true)', [ix.name]);
        } catch (e) {
          bad.push(`${ix.name}: ${(e as Error).message}`);
        }
      }
      return { result: bad.length ? bad.join('; ') : 'ok', note: `amcheck bt_index_check (heapallindexed) on ${indexes.length} B-tree indexes` };
    },
    close: () => c.end(),
  };
}
