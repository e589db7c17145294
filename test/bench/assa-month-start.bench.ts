// Issue 13: the chunked month start over N subscribers (default 1M; ASSA_BENCH_MONTH_SUBS
// scales it) on a SQLite file: every tenth number has a paid service and every fiftieth
// a pending tariff change, so the run takes fees, service fees and switching costs,
// blocks and suspends. Figures: the whole run, and its longest single write transaction
// (a live server waits at most that long for the write lock).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { startAssa } from '../../src/assa/embedded';
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
  const t0 = performance.now();
  const r = await runMonthStart(assa.ctx, '2027-02');
  const total = (performance.now() - t0) / 1000;
  console.log(`  month start: ${r.charged} fees, ${r.blocked} blocked, ${r.suspended} services suspended, ${r.changed} plans changed, ${r.waiting} changes waiting, ${r.chunks} chunks`);
  const again = performance.now();
  const second = await runMonthStart(assa.ctx, '2027-02');
  console.log(`  second run: alreadyRan=${second.alreadyRan} in ${((performance.now() - again) / 1000).toFixed(3)} s`);
  await assa.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    'assa.month_start_s': { value: total, unit: `s, chunked month start over ${subs} subscribers (SQLite)` },
    'assa.month_start_max_lock_s': { value: r.maxChunkMs / 1000, unit: `s, longest write transaction of that run (${r.chunks} chunks)` },
  };
}
