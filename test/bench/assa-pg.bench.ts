// Issue 11 on PostgreSQL: logins per second (the production KDF, as assa-auth.bench.ts
// does) and the chunked month start (as assa-month-start.bench.ts: every tenth number has
// a paid service, every fiftieth a pending tariff change), each with SQLite in the same
// run as the peer. GET /account and two nodes against one are in assa-engines.bench.ts.
// PostgreSQL: ASSA_BENCH_PG_URL (a server the bench may create a database on), else
// ASSA_TEST_PG_URL, else a private cluster started here. ASSA_BENCH_PG_SUBS scales the
// subscribers (default 200k: on this 2-core machine shared with other work, generating
// 1M through the store and running the month start on both engines would take most of
// an hour); ASSA_BENCH_LOGIN_SECONDS the login runs (default 20).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { startAssa } from '../../src/assa/embedded';
import { runMonthStart } from '../../src/assa/services/billing';
import { freshDatabase } from '../support/postgres';
import type { Figures } from './run';

type Result = { requests: { average: number }; latency: { p99: number }; non2xx: number; errors: number };
const cannon = (opts: autocannon.Options) => new Promise<Result>((res, rej) => autocannon(opts, (e: unknown, r: unknown) => (e ? rej(e) : res(r as Result))));
const LOGIN_SECONDS = Number(process.env.ASSA_BENCH_LOGIN_SECONDS ?? 20);
const LIMITS = { rateLimit: { global: 1e9, login: 1e9, registration: 1e9 }, hashBudget: { max: 1e9, windowMs: 60_000 }, failedLoginBudget: { max: 1e9, windowMs: 60_000 } };

/** Logins per second through the HTTP API on the database `target`, the strong KDF (the default when no kdf is given), 4 connections. */
async function logins(target: string): Promise<Result> {
  const assa = await startAssa({ dbPath: target, port: 0, radiusPort: null, demo: true, config: LIMITS });
  try {
    const post = (p: string, body: unknown, headers: Record<string, string> = {}) => fetch(`${assa.url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    await post('/api/v1/network/events', { type: 'sms', number: '441234567', to: '2772', text: '123456', at: new Date().toISOString() }, { 'x-assa-network-secret': assa.secrets.network });
    await post('/api/v1/registrations', { number: '441234567', password: 'Kvitka2026', runa: '123456' });
    // A strong-KDF login under load takes seconds, over autocannon's 10 s default timeout.
    const r = await cannon({ url: `${assa.url}/api/v1/sessions`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ number: '441234567', password: 'Kvitka2026' }), connections: 4, duration: LOGIN_SECONDS, timeout: 120 });
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`logins: ${r.non2xx} non-2xx, ${r.errors} errors`);
    return r;
  } finally {
    await assa.close();
  }
}

/** The month start over `subs` generated subscribers on the database `target`: the run's seconds and its longest transaction. */
async function monthStart(target: string, subs: number): Promise<{ s: number; maxTxS: number; chunks: number }> {
  const clock = { t: Date.parse('2027-01-15T10:00:00Z'), now() { return this.t; } };
  const g0 = performance.now();
  const assa = await startAssa({ dbPath: target, port: 0, radiusPort: null, demo: true, demoSubscribers: subs, clock, kdf: { N: 1024, r: 8, p: 1 }, config: LIMITS });
  try {
    const db = assa.ctx.store.db;
    await sql`INSERT INTO subscriber_services (number, service_id, enabled_at, suspended) SELECT number, 'parental-control', '2027-01-15T10:00:00.000Z', 0 FROM subscribers WHERE number >= '430000000' AND CAST(number AS INTEGER) % 10 = 0`.execute(db);
    await sql`INSERT INTO tariff_changes (number, tariff_id, requested_at, effective_from) SELECT number, '3g-lite', '2027-01-15T10:00:00.000Z', '2027-02-01' FROM subscribers WHERE number >= '430000000' AND CAST(number AS INTEGER) % 50 = 0 AND tariff_id <> '3g-lite'`.execute(db);
    await sql`ANALYZE`.execute(db);
    const kind = assa.ctx.store.kind;
    console.log(`  ${kind}: ${subs} subscribers with services and pending changes in ${((performance.now() - g0) / 1000).toFixed(1)} s (generation not timed)`);
    clock.t = Date.parse('2027-01-31T22:00:05Z');
    const t0 = performance.now();
    const r = await runMonthStart(assa.ctx, '2027-02');
    const s = (performance.now() - t0) / 1000;
    console.log(`  ${kind} month start in ${s.toFixed(1)} s: ${r.charged} fees, ${r.blocked} blocked, ${r.suspended} services suspended, ${r.changed} plans changed, ${r.waiting} changes waiting, ${r.chunks} chunks`);
    return { s, maxTxS: r.maxChunkMs / 1000, chunks: r.chunks };
  } finally {
    await assa.close();
  }
}

export async function run(): Promise<Figures> {
  const subs = Number(process.env.ASSA_BENCH_PG_SUBS ?? 200_000);
  const pgServer = process.env.ASSA_BENCH_PG_URL ?? process.env.ASSA_TEST_PG_URL;
  if (pgServer) process.env.ASSA_TEST_PG_URL = pgServer;
  const figures: Figures = {};
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-bench-pg-'));
  try {
    // SQLite in the same run is the peer: on a shared machine only the ratios carry over.
    const loginDb = await freshDatabase('bench_login');
    let pgLogins: Result;
    try {
      pgLogins = await logins(loginDb.url);
    } finally {
      await loginDb.drop();
    }
    const sqliteLogins = await logins(path.join(dir, 'login.db'));
    figures['assa.pg.login_per_s'] = { value: pgLogins.requests.average, unit: 'logins/s, PostgreSQL (strong KDF, 2 hashes at a time, 4 connections)' };
    figures['assa.pg.login_p99_ms'] = { value: pgLogins.latency.p99, unit: 'ms p99 of a login, PostgreSQL' };
    figures['assa.pg.login_sqlite_per_s'] = { value: sqliteLogins.requests.average, unit: 'logins/s, SQLite in the same run (the peer)' };
    figures['assa.pg.login_ratio_to_sqlite'] = { value: pgLogins.requests.average / sqliteLogins.requests.average, unit: 'PostgreSQL logins/s over SQLite’s' };

    const msDb = await freshDatabase('bench_month');
    let pg: Awaited<ReturnType<typeof monthStart>>;
    try {
      pg = await monthStart(msDb.url, subs);
    } finally {
      await msDb.drop();
    }
    const lite = await monthStart(path.join(dir, 'month.db'), subs);
    figures['assa.pg.month_start_s'] = { value: pg.s, unit: `s, chunked month start over ${subs} subscribers (PostgreSQL)` };
    figures['assa.pg.month_start_max_tx_s'] = { value: pg.maxTxS, unit: `s, longest transaction of that run (${pg.chunks} chunks)` };
    figures['assa.pg.month_start_sqlite_s'] = { value: lite.s, unit: `s, the same month start on SQLite in the same run (the peer)` };
    figures['assa.pg.month_start_ratio_to_sqlite'] = { value: pg.s / lite.s, unit: 'PostgreSQL month start time over SQLite’s' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
