// A read path that never writes per request (issue 11), over real HTTP on either engine:
// a session's last_seen_at is written at most once a minute (SESSION_TOUCH_MS), both sides
// of that minute on the injected clock; a session in steady use never idles out while one
// left alone still does, measured from the stored value; and no GET route of the OpenAPI
// document changes a single row of the database.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssaStore } from '../../../src/assa/store/assa-store';
import { Client, networkSms, request, startHarness, type Harness } from './assa-harness';

let h: Harness;
const MINUTE = 60_000;

beforeAll(async () => {
  h = await startHarness();
  await networkSms(h.assa.url, '441234567', '100001');
  expect((await request(h.assa.url, 'POST', '/api/v1/registrations', { body: { number: '441234567', password: 'Kvitka2026', email: 'olena@example.com', runa: '100001' } })).status).toBe(201);
});
afterAll(async () => h?.close());

async function loggedIn(): Promise<Client> {
  const c = new Client(h.assa.url);
  expect((await c.login('441234567', 'Kvitka2026')).status).toBe(200);
  return c;
}
/** The newest session's stored last_seen_at (the one the client just opened). */
const lastSeen = async () => (await h.assa.ctx.store.db.selectFrom('web_sessions').select(['last_seen_at', 'created_at']).orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow()).last_seen_at;

describe('session idle tracking without a write per request', () => {
  it('a GET within a minute of the stored last_seen_at writes nothing; at a minute it is written', async () => {
    const c = await loggedIn();
    const t0 = h.clock.now();
    expect(await lastSeen()).toBe(t0);
    h.clock.advance(MINUTE - 1);
    expect((await c.call('GET', '/api/v1/account')).status).toBe(200);
    expect(await lastSeen()).toBe(t0);
    h.clock.advance(1);
    expect((await c.call('GET', '/api/v1/account')).status).toBe(200);
    expect(await lastSeen()).toBe(t0 + MINUTE);
  });

  it('a session used every 50 seconds for an hour never idles out', async () => {
    const c = await loggedIn();
    for (let i = 0; i < 72; i++) {
      h.clock.advance(50_000);
      expect((await c.call('GET', '/api/v1/account')).status, `request ${i}`).toBe(200);
    }
  });

  it('idle time counts from the stored last_seen_at: idleTimeout after it still passes, a millisecond more does not', async () => {
    const idle = h.assa.ctx.config.idleTimeoutMs;
    const c = await loggedIn();
    const t0 = h.clock.now();
    h.clock.advance(MINUTE - 1);
    expect((await c.call('GET', '/api/v1/account')).status).toBe(200); // not written: last_seen_at stays t0
    h.clock.t = t0 + idle;
    expect((await c.call('GET', '/api/v1/account')).status).toBe(200);
    expect(await lastSeen()).toBe(t0 + idle);

    const d = await loggedIn();
    const t1 = h.clock.now();
    h.clock.advance(MINUTE - 1);
    expect((await d.call('GET', '/api/v1/account')).status).toBe(200);
    h.clock.t = t1 + idle + 1;
    expect((await d.call('GET', '/api/v1/account')).status).toBe(401);
  });
});

/** Every row of every table, in a stable order (the comparison is of the whole database). */
async function snapshot(store: AssaStore): Promise<Record<string, unknown[]>> {
  const tables =
    store.kind === 'postgres'
      ? (await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`.execute(store.db)).rows
      : (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1`.execute(store.db)).rows;
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const rows = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(store.db)).rows.map((r) => JSON.stringify(r));
    out[name] = rows.sort();
  }
  return out;
}

describe('no GET writes', () => {
  it('every GET route of the OpenAPI document, logged in and not, leaves every row of the database as it was', async () => {
    const c = await loggedIn();
    await c.call('GET', '/api/v1/account'); // the session's one write of this minute is done
    const doc = (await request(h.assa.url, 'GET', '/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const PARAMS: Record<string, string> = { paymentId: 'p1', curator: '441234568', number: '441234567', id: 'caller-id', month: '2026-10' };
    const gets = Object.entries(doc.paths)
      .filter(([p, ops]) => 'get' in ops && !p.startsWith('/api/v1/operator/'))
      .map(([p]) => `${p.replace(/\{(\w+)\}/g, (_m, k: string) => PARAMS[k] ?? 'x')}?kind=calls&from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z`);
    expect(gets.length).toBeGreaterThan(15);
    const before = await snapshot(h.assa.ctx.store);
    const anon = new Client(h.assa.url);
    const answered: number[] = [];
    for (const p of gets) {
      // The clock moves between requests, so a write of "now" anywhere would show as a change.
      h.clock.advance(1);
      answered.push((await c.call('GET', p)).status);
      await anon.call('GET', p);
    }
    expect(answered.filter((s) => s === 200).length).toBeGreaterThan(10);
    const after = await snapshot(h.assa.ctx.store);
    for (const t of Object.keys(before)) expect(after[t], `table ${t}`).toEqual(before[t]);
  });
});
