// Issue 13: the chunked month start over N subscribers (default 1M; ASSA_BENCH_MONTH_SUBS
// scales it) on a SQLite file: every tenth number has a paid service and every fiftieth
// a pending tariff change, so the run takes fees, service fees and switching costs,
// blocks and suspends. Figures: the whole run, and its longest single write transaction
// (a live server waits at most that long for the write lock). Peers in the same run: the
// same month start as ONE transaction (chunk larger than the table) on a copy of the same
// file (VACUUM INTO) — what chunking costs in time and saves in lock — and one bare UPDATE
// of every balance in one transaction (changing nothing: balance - 0), the least any
// unchunked run must write.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { startAssa } from '../../src/assa/embedded';
import { AssaStore } from '../../src/assa/store/assa-store';
import { openStoreEngine } from '../../src/assa/store/open-database';
import { runMonthStart } from '../../src/assa/services/billing';
import type { Figures } from './run';

export async function run(): Promise<Figures> {
  const subs = Number(process.env.ASSA_BENCH_MONTH_SUBS ?? 1_000_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-bench-ms-'));
  const clock = { t: Date.parse('2027-01-15T10:00:00Z'), now() { return this.t; } };
  const assa = await startAssa({ dbPath: path.join(dir, 'assa.db'), port: 0, radiusPort: null, demo: true, demoSubscribers: subs, clock, kdf: { N: 1024, r: 8, p: 1 } });
  const db = assa.ctx.store.db;
  const g0 = performance.now();
  await sql`INSERT INTO subscriber_services (number, service_id, enabled_at, suspended) SELECT number, 'parental-control', '2027-01-15T10:00:00.000Z', 0 FROM subscribers WHERE number >= '430000000' AND CAST(number AS INTEGER) % 10 = 0`.execute(db);
  await sql`INSERT INTO tariff_changes (number, tariff_id, requested_at, effective_from) SELECT number, '3g-lite', '2027-01-15T10:00:00.000Z', '2027-02-01' FROM subscribers WHERE number >= '430000000' AND CAST(number AS INTEGER) % 50 = 0 AND tariff_id <> '3g-lite'`.execute(db);
  console.log(`  ${subs} subscribers with services and pending changes in ${((performance.now() - g0) / 1000).toFixed(1)} s (generation not timed)`);
  clock.t = Date.parse('2027-01-31T22:00:05Z');
  const p0 = performance.now();
  await assa.ctx.store.transaction(async (tx) => {
    await sql`UPDATE subscribers SET balance_kopecks = balance_kopecks - 0`.execute(tx.db);
  });
  const bare = (performance.now() - p0) / 1000;
  console.log(`  peer: one UPDATE of all ${subs} balances in one transaction: ${bare.toFixed(2)} s`);
  // The unchunked peer first, on a copy, so both runs start from the same books.
  const copyFile = path.join(dir, 'peer.db');
  await sql`VACUUM INTO ${copyFile}`.execute(db);
  const copy = new AssaStore(await openStoreEngine(copyFile));
  const u0 = performance.now();
  const one = await runMonthStart({ ...assa.ctx, store: copy }, '2027-02', { chunk: subs + 1000 });
  const unchunked = (performance.now() - u0) / 1000;
  await copy.close();
  rmSync(copyFile, { force: true });
  console.log(`  peer: the same month start as one transaction: ${unchunked.toFixed(1)} s (${one.chunks} chunk, ${one.charged} fees)`);
  const t0 = performance.now();
  const r = await runMonthStart(assa.ctx, '2027-02');
  const total = (performance.now() - t0) / 1000;
  console.log(`  month start: ${r.charged} fees, ${r.blocked} blocked, ${r.suspended} services suspended, ${r.changed} plans changed, ${r.waiting} changes waiting, ${r.chunks} chunks`);
  // The peer did the same work, or the comparison means nothing.
  const same = (x: typeof r) => [x.charged, x.blocked, x.suspended, x.changed, x.waiting].join('/');
  if (same(one) !== same(r)) throw new Error(`the unchunked peer did other work: ${same(one)} against ${same(r)}`);
  const again = performance.now();
  const second = await runMonthStart(assa.ctx, '2027-02');
  console.log(`  second run: alreadyRan=${second.alreadyRan} in ${((performance.now() - again) / 1000).toFixed(3)} s`);
  await assa.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    'assa.month_start_s': { value: total, unit: `s, chunked month start over ${subs} subscribers (SQLite)` },
    'assa.month_start_max_lock_s': { value: r.maxChunkMs / 1000, unit: `s, longest write transaction of that run (${r.chunks} chunks)` },
    'peer.bare_balance_update_s': { value: bare, unit: `s, one UPDATE of every balance in one transaction over the same ${subs} subscribers (its write lock is all of it)` },
    'assa.month_start_ratio_to_bare': { value: total / bare, unit: 'x, the chunked month start against the bare UPDATE' },
    'peer.month_start_unchunked_s': { value: unchunked, unit: `s, the same month start as one transaction on a copy (its write lock is all of it)` },
    'assa.month_start_ratio_to_unchunked': { value: total / unchunked, unit: 'x, chunked against unchunked total time' },
  };
}
