// issue 11: on PostgreSQL the reads every authenticated request makes (compiled once,
// store/compiled-query.ts) go out as named statements, prepared once per connection, so
// the server does not parse and plan them on every request. Checked in PostgreSQL's own
// view of the connection (pg_prepared_statements), on a real server: with one pooled
// connection every query below runs on the same backend.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kyivMonthOf } from '../../../src/shared/kyiv-time';
import { AssaStore } from '../../../src/assa/store/assa-store';
import { loadDemoData } from '../../../src/assa/store/demo-data';
import { openStoreEngine } from '../../../src/assa/store/open-database';
import { freshDatabase, postgresUnavailable, type FreshDatabase } from '../../support/postgres';

const noPg = await postgresUnavailable();

describe.skipIf(noPg)('PostgreSQL: compiled-once reads are prepared statements', () => {
  let pg: FreshDatabase;
  let store: AssaStore;
  const now = Date.parse('2026-11-17T10:00:00Z');
  beforeAll(async () => {
    pg = await freshDatabase('prepared');
    store = new AssaStore(await openStoreEngine(pg.url, { poolSize: 1 }));
    await loadDemoData(store, now);
  }, 120_000);
  afterAll(async () => {
    await store?.engine.close();
    await pg?.drop();
  });

  const prepared = async () =>
    (await sql<{ name: string; statement: string; generic_plans: number; custom_plans: number }>`SELECT name, statement, generic_plans, custom_plans FROM pg_prepared_statements`.execute(store.db)).rows;

  it('the account view and the session lookup are prepared once and then reused with each call’s values; other queries are not prepared', async () => {
    const month = kyivMonthOf(now);
    const a = await store.accountView('441234567', month);
    const b = await store.accountView('441234568', month);
    expect(a?.number).toBe('441234567');
    expect(b?.number).toBe('441234568');
    expect(await store.accountView('000000000', month)).toBeUndefined();
    expect(await store.session('no-such-token')).toBeUndefined();
    await store.tariff('freedom-of-speech');

    const rows = await prepared();
    const view = rows.filter((r) => r.statement.includes('"used_bytes"'));
    expect(view).toHaveLength(1);
    expect(view[0]!.name).toMatch(/^assa_compiled_\d+$/);
    // Three executions of one prepared statement (PostgreSQL counts the plans it made for them).
    expect(view[0]!.generic_plans + view[0]!.custom_plans).toBe(3);
    expect(rows.filter((r) => r.statement.includes('"web_sessions"'))).toHaveLength(1);
    // A query built anew each time (the tariff by id) stays unnamed: nothing unbounded is kept per connection.
    expect(rows.every((r) => r.name.startsWith('assa_compiled_'))).toBe(true);
    expect(rows.some((r) => r.statement.includes('from "tariffs" where "id"'))).toBe(false);
  });

  it('a node keeps serving while another node’s migration adds columns under its prepared statements (a rolling upgrade)', async () => {
    const month = kyivMonthOf(now);
    await store.createAccount('441234567', 'not-a-real-hash', null, new Date(now).toISOString());
    await store.createSession({ token_hash: 'h-rolling', number: '441234567', csrf: 'c', created_at: now, last_seen_at: now, runa_opened_at: null });
    expect((await store.session('h-rolling'))?.number).toBe('441234567');
    expect(await store.money.services('441234567')).not.toHaveLength(0);
    await sql`ALTER TABLE web_sessions ADD COLUMN user_agent text`.execute(store.db);
    await sql`ALTER TABLE services ADD COLUMN icon text`.execute(store.db);
    await sql`ALTER TABLE subscribers ADD COLUMN nickname text`.execute(store.db);
    // The same connection, the statements still prepared from before: each still answers.
    expect(await store.session('h-rolling')).toEqual({ token_hash: 'h-rolling', number: '441234567', csrf: 'c', created_at: now, last_seen_at: now, runa_opened_at: null });
    expect((await store.accountView('441234567', month))?.number).toBe('441234567');
    expect(await store.money.services('441234567')).not.toHaveLength(0);
  });
});
