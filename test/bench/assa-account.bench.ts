// Issue 6 benches: a month of details (A-DET-2) and of movements (A-MON-1) for one random
// subscriber among N, with R generated records in each table (query through the store,
// p50/p99 over 2000 random subscribers). The month start is assa-month-start.bench.ts.
// Defaults 200k subscribers / 2M records; ASSA_BENCH_SUBS and ASSA_BENCH_RECORDS scale
// them to the 1M / 10M.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAssa } from '../../src/assa/embedded';
import type { Figures } from './run';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

export async function run(): Promise<Figures> {
  const subs = Number(process.env.ASSA_BENCH_SUBS ?? 200_000);
  const records = Number(process.env.ASSA_BENCH_RECORDS ?? 2_000_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-bench-acc-'));
  const clock = { t: Date.parse('2026-11-17T10:00:00Z'), now() { return this.t; } };
  const assa = await startAssa({ dbPath: path.join(dir, 'assa.db'), port: 0, radiusPort: null, demo: true, demoSubscribers: subs, clock, kdf: { N: 1024, r: 8, p: 1 } });
  const store = assa.ctx.store;
  const g0 = performance.now();
  const monthStart = Date.parse('2026-10-01T00:00:00Z');
  const batch = 50_000;
  const perInsert = 1_000;
  for (let i = 0; i < records; i += batch) {
    await store.transaction(async (tx) => {
      for (let k = i; k < Math.min(records, i + batch); k += perInsert) {
        const sessions = [];
        const movements = [];
        for (let j = k; j < Math.min(records, k + perInsert); j++) {
          const number = String(430000000 + (j % subs));
          const at = new Date(monthStart + ((j * 7919) % (60 * 86_400)) * 1000).toISOString();
          sessions.push({ session_id: `b${j}`, number, ip: `127.10.${(j >> 8) & 255}.${j & 255}`, started_at: at, updated_at: at, stopped_at: at, in_bytes: 1000 + j, out_bytes: 100, seconds: 60, stop_cause: 'User-Request' });
          movements.push({ number, at, kind: 'payment' as const, amount_kopecks: 1000, balance_after_kopecks: 1000, description: 'bench' });
        }
        await tx.db.insertInto('data_sessions').values(sessions).execute();
        await tx.db.insertInto('movements').values(movements).execute();
      }
    });
  }
  const genS = (performance.now() - g0) / 1000;
  console.log(`  generated ${records} sessions + ${records} movements for ${subs} subscribers in ${genS.toFixed(1)} s`);
  const x = store.details;
  const money = store.money;
  const det: number[] = [];
  const fun: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const number = String(430000000 + ((i * 104729) % subs));
    let t = performance.now();
    await x.sessionDetails(number, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', null, 500);
    det.push(performance.now() - t);
    t = performance.now();
    await money.movements(number, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z');
    await money.balanceBefore(number, '2026-11-01T00:00:00.000Z');
    fun.push(performance.now() - t);
  }
  await assa.close();
  rmSync(dir, { recursive: true, force: true });
  const n = `${subs} subscribers, ${records} records`;
  return {
    'assa.details_month_p50_ms': { value: pct(det, 0.5), unit: `ms, store query, ${n}` },
    'assa.details_month_p99_ms': { value: pct(det, 0.99), unit: `ms, store query, ${n}` },
    'assa.funds_p50_ms': { value: pct(fun, 0.5), unit: `ms, movements + opening balance, ${n}` },
    'assa.funds_p99_ms': { value: pct(fun, 0.99), unit: `ms, movements + opening balance, ${n}` },
  };
}
