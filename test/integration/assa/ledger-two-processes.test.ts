// A-MON money under concurrency and crashes, on real processes sharing one database (a
// SQLite file, or with ASSA_TEST_ENGINE=postgres a fresh PostgreSQL database):
// a fast-check model of random top-ups, transfers and retries (same Idempotency-Key, sent
// to either process) — money conserved, nothing applied twice, limits kept; and kill -9
// in the middle of a stream of transfers — the file is intact and every acknowledged
// transfer is there.
import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { sql as q } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStoreEngine, type StoreEngine } from '../../../src/assa/store/open-database';
import { LISTENING, waitForOutput } from '../../support/child-output';
import { testDatabase } from '../../support/postgres';
const NETWORK_SECRET = 'ledger-test-network-secret-01';

// The JSON of many different routes, read field by field in the assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface Server {
  url: string;
  child: ChildProcess;
}

function startServer(db: string): Promise<Server> {
  const child = spawn(process.execPath, [path.resolve('bin/assa.js'), 'server', '--demo', '--network-secret', NETWORK_SECRET, '--db', db, '--port', '0', '--radius-port', '0', '--rate-limit', '100000'], { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  return waitForOutput(child, LISTENING, { name: 'assa server' }).then((r) => ({ url: r.match[1]!, child }));
}

function call(base: string, method: string, p: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Json; cookies: string[] }> {
  const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const r = http.request(new URL(p, base), { method, headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers } }, (res) => {
      let t = '';
      res.on('data', (c: Buffer) => (t += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: t ? JSON.parse(t) : null, cookies: ([] as string[]).concat(res.headers['set-cookie'] ?? []) }));
    });
    r.on('error', reject);
    r.end(payload ?? undefined);
  });
}

async function loginOn(base: string, number: string): Promise<Record<string, string>> {
  const r = await call(base, 'POST', '/api/v1/sessions', { number, password: 'Kvitka2026' });
  const cookie = r.cookies.map((c) => c.split(';')[0]).join('; ');
  return { cookie, 'x-csrf-token': r.body.csrfToken };
}

async function register(base: string, number: string, runa: string) {
  await call(base, 'POST', '/api/v1/network/events', { type: 'sms', number, to: '2772', text: runa, at: new Date().toISOString() }, { 'x-assa-network-secret': NETWORK_SECRET });
  expect((await call(base, 'POST', '/api/v1/registrations', { number, password: 'Kvitka2026', runa })).status).toBe(201);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-ledger-'));
const dbs: Array<{ drop(): Promise<void> }> = [];
afterAll(async () => {
  for (const d of dbs) await d.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** Reads the shared database as the tests check it, on either engine (the servers are other processes). */
async function reader(target: string): Promise<{ all<T>(query: ReturnType<typeof q>): Promise<T[]>; engine: StoreEngine }> {
  const engine = await openStoreEngine(target);
  return { engine, all: async <T>(query: ReturnType<typeof q>) => (await query.execute(engine.db)).rows as T[] };
}

describe('A-MON money with two processes on one database', () => {
  let db = '';
  let a: Server;
  let b: Server;
  const auth: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    const shared = await testDatabase(dir, 'shared.db');
    dbs.push(shared);
    db = shared.target;
    a = await startServer(db);
    b = await startServer(db);
    await register(a.url, '441234567', '111111');
    await register(b.url, '441234568', '222222');
    auth['441234567'] = await loginOn(a.url, '441234567');
    auth['441234568'] = await loginOn(b.url, '441234568');
    for (const n of ['441234567', '441234568']) expect((await call(a.url, 'POST', '/api/v1/terms/accept', {}, auth[n]!)).status).toBe(200);
  }, 180_000);
  afterAll(() => {
    a?.child.kill('SIGTERM');
    b?.child.kill('SIGTERM');
  });

  it('random top-ups, transfers and retries: money conserved, nothing twice, limits kept', async () => {
    const numbers = ['441234567', '441234568'] as const;
    let vouchers = 1;
    let seq = 0;
    const credited = { value: 0 };
    const charged = { value: 0 };
    const paidThisMonth = new Set<string>();
    const op = fc.record({
      kind: fc.constantFrom('card', 'transfer', 'transfer', 'voucher', 'fee'),
      who: fc.integer({ min: 0, max: 1 }),
      amount: fc.integer({ min: 500, max: 60_000 }),
      retries: fc.integer({ min: 0, max: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 15 }), async (ops) => {
        for (const o of ops) {
          const from = numbers[o.who]!;
          const to = numbers[1 - o.who]!;
          const key = `prop-${++seq}`;
          const send = (server: Server) => {
            const h = { ...auth[from]!, 'idempotency-key': key };
            if (o.kind === 'transfer') return call(server.url, 'POST', '/api/v1/money/transfers', { to, amount: o.amount }, h);
            if (o.kind === 'card') return call(server.url, 'POST', '/api/v1/money/topups/card', { cardNumber: '4111111111111111', expiry: '12/30', cvc: '123', amount: Math.min(o.amount, 500_000) }, h);
            // A fee through the ledger: switching a paid service on charges it (then it is switched off again).
            if (o.kind === 'fee') return call(server.url, 'PUT', '/api/v1/services/parental-control', { enabled: true }, h);
            const code = vouchers <= 10 ? `300000000000${String(vouchers).padStart(2, '0')}` : '99999999999999';
            return call(server.url, 'POST', '/api/v1/money/topups/voucher', { code }, h);
          };
          const first = await send(o.who === 0 ? a : b);
          for (let r = 0; r < o.retries; r++) {
            const again = await send(r % 2 === 0 ? b : a); // the retry may reach the other process
            expect(again.status).toBe(first.status);
            expect(again.body).toEqual(first.body);
          }
          if (o.kind === 'voucher' && first.status === 200) vouchers++;
          if (o.kind === 'fee') {
            // A-SVC-2: a month's fee once, however often the service is switched off and on again.
            if (first.status === 200 && !paidThisMonth.has(from)) charged.value += first.body.monthlyFee;
            if (first.status === 200) paidThisMonth.add(from);
            await call(a.url, 'PUT', '/api/v1/services/parental-control', { enabled: false }, auth[from]!);
          } else if (first.status === 200 && o.kind !== 'transfer') credited.value += first.body.amount;
        }
        const r = await reader(db);
        try {
          const subs = await r.all<{ number: string; b: number }>(q`SELECT number, balance_kopecks AS b FROM subscribers WHERE number IN ('441234567', '441234568')`);
          const total = subs.reduce((s, x) => s + x.b, 0);
          expect(total).toBe(2900 + 15000 + credited.value - charged.value); // conserved: top-ups add, fees take, transfers move
          for (const s of subs) {
            const [sum] = await r.all<{ s: number }>(q`SELECT coalesce(sum(amount_kopecks), 0) AS s FROM movements WHERE number = ${s.number}`);
            expect(s.b).toBe(sum!.s); // the balance is the ledger's total (the opening balance is a movement too)
            expect(s.b).toBeGreaterThanOrEqual(0);
            const [out] = await r.all<{ s: number }>(q`SELECT coalesce(sum(-amount_kopecks), 0) AS s FROM movements WHERE number = ${s.number} AND kind = 'transfer_out'`);
            expect(out!.s).toBeLessThanOrEqual(100_000); // A-MON-3 monthly limit
          }
          const dupes = await r.all(q`SELECT ref, count(*) AS n FROM movements WHERE kind = 'transfer_out' GROUP BY ref HAVING count(*) > 1`);
          expect(dupes).toEqual([]);
        } finally {
          await r.engine.close();
        }
      }),
      { numRuns: 6 },
    );
  }, 120_000);
});

describe('A-MON crash safety', () => {
  it('kill -9 during a stream of transfers: integrity ok, every acknowledged transfer present, ledger balanced', async () => {
    const crash = await testDatabase(dir, 'crash.db');
    dbs.push(crash);
    const db = crash.target;
    const s = await startServer(db);
    await register(s.url, '441234567', '333333');
    await register(s.url, '441234568', '444444');
    const h7 = await loginOn(s.url, '441234567');
    const h8 = await loginOn(s.url, '441234568');
    await call(s.url, 'POST', '/api/v1/money/topups/card', { cardNumber: '4111111111111111', expiry: '12/30', cvc: '123', amount: 200_000 }, { ...h7, 'idempotency-key': 'seed-topup-1' });
    const acked: string[] = [];
    let i = 0;
    const stream = (async () => {
      for (;;) {
        const fromA = i % 2 === 0;
        const r = await call(s.url, 'POST', '/api/v1/money/transfers', { to: fromA ? '441234568' : '441234567', amount: 1000 }, { ...(fromA ? h7 : h8), 'idempotency-key': `crash-${i++}` }).catch(() => null);
        if (!r) return;
        if (r.status === 200) acked.push(r.body.transferId);
      }
    })();
    while (acked.length < 30) await new Promise((r) => setTimeout(r, 5));
    s.child.kill('SIGKILL');
    await stream;
    if (crash.engine === 'sqlite') {
      const file = new Database(db);
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
      file.close();
    }
    const r = await reader(db);
    try {
      const refs = new Set((await r.all<{ ref: string }>(q`SELECT ref FROM movements WHERE kind = 'transfer_out'`)).map((x) => x.ref));
      for (const id of acked) expect(refs.has(id)).toBe(true);
      for (const n of ['441234567', '441234568']) {
        const [bal] = await r.all<{ b: number }>(q`SELECT balance_kopecks AS b FROM subscribers WHERE number = ${n}`);
        const [sum] = await r.all<{ s: number }>(q`SELECT coalesce(sum(amount_kopecks), 0) AS s FROM movements WHERE number = ${n}`);
        expect(bal!.b).toBe(sum!.s); // the opening balance is a movement too
      }
      const [ins] = await r.all<{ n: number }>(q`SELECT count(*) AS n FROM movements WHERE kind = 'transfer_in'`);
      expect(Number(ins!.n)).toBe(refs.size); // both sides of every transfer, or neither
    } finally {
      await r.engine.close();
    }
  }, 120_000);
});
