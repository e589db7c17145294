// Issue 13, "a card charged twice must never happen": a real `assa server --demo` is
// killed with SIGKILL at each step of a card payment (--crash-at: before the gateway call,
// after the gateway charged and before our ledger wrote, after the ledger wrote and before
// the answer), and a 3-D Secure confirmation the same way. After a restart the reconciler
// and a retry under the same Idempotency-Key bring every one to exactly one charge in the
// gateway's own record and exactly one credit in the ledger. Then the month start is
// killed after its first chunk: the restarted server resumes it and the result is the
// same, subscriber for subscriber, as an uninterrupted run on a copy of the database.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kyivMonth } from '../../../src/shared/kyiv-time';
import { call, exited, freePort, registerAndLogin, spawnServer, stop, type CrashServer } from '../../support/crash-server';

const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-crash-steps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CARD = { cardNumber: '4111111111111111', expiry: '12/30', cvc: '123' };
const CARD_3DS = { cardNumber: '4000000000003220', expiry: '12/30', cvc: '123' };

/** What the database and the gateway's record say about one Idempotency-Key of a payer. */
function books(db: string, payer: string, key: string) {
  const sql = new Database(db, { readonly: true });
  const gw = new Database(path.join(path.dirname(db), 'test-gateway.db'), { readonly: true });
  try {
    const payments = sql.prepare('SELECT id, status, settled_by FROM payments WHERE payer = ? AND idem_key = ?').all(payer, key) as Array<{ id: string; status: string; settled_by: string | null }>;
    const ids = payments.map((p) => p.id);
    const charges = ids.flatMap((id) => gw.prepare('SELECT key, amount, status FROM charges WHERE key = ?').all(id) as Array<{ key: string; amount: number; status: string }>);
    const credits = ids.flatMap((id) => sql.prepare("SELECT amount_kopecks AS a FROM movements WHERE kind = 'payment' AND ref = ?").all(id) as Array<{ a: number }>);
    const unbalanced = sql.prepare('SELECT s.number FROM subscribers s WHERE s.balance_kopecks <> coalesce((SELECT sum(amount_kopecks) FROM movements m WHERE m.number = s.number), 0)').all();
    return { payments, charges, credits, unbalanced };
  } finally {
    sql.close();
    gw.close();
  }
}

describe('kill -9 at each step of a card payment (issue 13)', () => {
  const db = path.join(dir, 'steps.db');
  let port = 0;
  let base = '';
  let auth: Record<string, string> = {};
  const payer = '441234567';

  /** Sends `body` to `route` on a server started with --crash-at `point`: the server dies inside the request. */
  async function crashInside(point: string, route: string, body: unknown, key: string): Promise<void> {
    const s = await spawnServer(db, port, { crashAt: point });
    const a = await call(base, 'POST', route, body, { ...auth, 'idempotency-key': key });
    expect(a, `the request under ${point} was answered: the server did not die there`).toBeNull();
    expect(await exited(s.child, `server with --crash-at ${point}`)).toBe('SIGKILL');
  }
  /** A normal server (its reconciler runs at start); `fn` retries; then stopped. */
  async function restarted<T>(fn: (s: CrashServer) => Promise<T>): Promise<T> {
    const s = await spawnServer(db, port);
    try {
      return await fn(s);
    } finally {
      await stop(s, 'server after a crash');
    }
  }

  it('before the gateway call, after the gateway charged, after the ledger wrote: one charge, one credit, the final answer on retry', async () => {
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const first = await spawnServer(db, port);
    auth = await registerAndLogin(base, payer, '612345');
    await stop(first, 'first server');

    const cases = [
      { point: 'payment:before-gateway', key: 'crash-before-gateway', amount: 1500, atCrash: { status: 'pending', charges: 0, credits: 0 } },
      { point: 'payment:after-gateway', key: 'crash-after-gateway', amount: 2500, atCrash: { status: 'pending', charges: 1, credits: 0 } },
      { point: 'payment:after-ledger', key: 'crash-after-ledger', amount: 3500, atCrash: { status: 'approved', charges: 1, credits: 1 } },
    ];
    for (const c of cases) {
      await crashInside(c.point, '/api/v1/money/topups/card', { ...CARD, amount: c.amount }, c.key);
      const dead = books(db, payer, c.key);
      expect({ point: c.point, status: dead.payments[0]?.status, charges: dead.charges.length, credits: dead.credits.length }).toEqual({ point: c.point, ...c.atCrash });
      const answer = await restarted(async () => {
        const again = await call(base, 'POST', '/api/v1/money/topups/card', { ...CARD, amount: c.amount }, { ...auth, 'idempotency-key': c.key });
        // And once more: the same final answer, nothing new.
        const third = await call(base, 'POST', '/api/v1/money/topups/card', { ...CARD, amount: c.amount }, { ...auth, 'idempotency-key': c.key });
        expect(third?.body.paymentId).toBe(again?.body.paymentId);
        return again;
      });
      expect([c.point, answer?.status, answer?.body.status, answer?.body.amount]).toEqual([c.point, 200, 'approved', c.amount]);
      const after = books(db, payer, c.key);
      expect({ point: c.point, payments: after.payments.length, charges: after.charges.map((x) => [x.status, x.amount]), credits: after.credits.map((x) => x.a), unbalanced: after.unbalanced }).toEqual({ point: c.point, payments: 1, charges: [['approved', c.amount]], credits: [c.amount], unbalanced: [] });
      expect(answer?.body.paymentId).toBe(after.payments[0]!.id);
    }
    // The payment that crashed after the gateway charged was settled by the reconciler at start, before any retry.
    expect(books(db, payer, 'crash-after-gateway').payments[0]!.settled_by).toBe('reconciler');
  }, 600_000);

  it('3-D Secure: killed after the bank took the code and before the ledger wrote, the reconciler credits it once', async () => {
    const key = 'crash-3ds';
    // The charge itself is answered "3ds_required"; the code is confirmed on a server that dies after the gateway said yes.
    const opened = await restarted(() => call(base, 'POST', '/api/v1/money/topups/card', { ...CARD_3DS, amount: 4000 }, { ...auth, 'idempotency-key': key }));
    expect([opened?.status, opened?.body.status]).toEqual([200, '3ds_required']);
    const pid = opened!.body.paymentId as string;
    await crashInside('payment:after-gateway', `/api/v1/money/topups/card/${pid}/confirm`, { code: '1234' }, `${key}-confirm`);
    expect(books(db, payer, key)).toMatchObject({ payments: [{ status: '3ds_required' }], charges: [{ status: 'approved', amount: 4000 }], credits: [] });
    const confirmed = await restarted(() => call(base, 'POST', `/api/v1/money/topups/card/${pid}/confirm`, { code: '1234' }, { ...auth, 'idempotency-key': `${key}-confirm` }));
    expect([confirmed?.status, confirmed?.body.status]).toEqual([200, 'approved']);
    const after = books(db, payer, key);
    expect({ settledBy: after.payments[0]!.settled_by, charges: after.charges.length, credits: after.credits.map((x) => x.a), unbalanced: after.unbalanced }).toEqual({ settledBy: 'reconciler', charges: 1, credits: [4000], unbalanced: [] });
  }, 300_000);
});

describe('kill -9 in the middle of the month start (issue 13)', () => {
  it('resumes after the first chunk and charges each subscriber once: the same books as a run never interrupted', async () => {
    const db = path.join(dir, 'month.db');
    const ref = path.join(dir, 'month-ref.db');
    const port = await freePort();
    // 5003 numbers: three chunks of the run.
    const first = await spawnServer(db, port, { args: ['--subscribers', '5000'] });
    await stop(first, 'first server');
    const month = kyivMonth(Date.now());
    const prep = new Database(db);
    try {
      // As if the server had been down on the 1st: last month is billed, this month not yet.
      const [y, m] = month.split('-').map(Number) as [number, number];
      const last = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
      prep.prepare('UPDATE billing_runs SET month = ? WHERE month = ?').run(last, month);
      prep.exec(`VACUUM INTO '${ref}'`);
    } finally {
      prep.close();
    }
    // The billing tick of the start-up runs the month; the server dies after its first chunk.
    const crashed = await spawnServer(db, port, { crashAt: 'month-start:after-chunk', until: 'exit' });
    expect(crashed.signal).toBe('SIGKILL');
    const mid = new Database(db, { readonly: true });
    try {
      expect(mid.prepare('SELECT chunks FROM billing_progress WHERE month = ?').get(month)).toEqual({ chunks: 1 });
      expect(mid.prepare('SELECT count(*) AS n FROM billing_runs WHERE month = ?').get(month)).toEqual({ n: 0 });
    } finally {
      mid.close();
    }
    await stop(await spawnServer(db, port), 'resumed server');
    await stop(await spawnServer(ref, port), 'reference server');

    const read = (file: string) => {
      const sql = new Database(file, { readonly: true });
      try {
        return {
          subscribers: sql.prepare('SELECT number, status, balance_kopecks, tariff_id FROM subscribers ORDER BY number').all(),
          charges: sql.prepare("SELECT number, kind, amount_kopecks, ref FROM movements WHERE kind IN ('fee', 'service_fee', 'tariff_change') AND at >= ? ORDER BY number, kind, ref").all(new Date(Date.now() - 3600_000 * 6).toISOString()),
          doubled: sql.prepare("SELECT number, ref, count(*) AS n FROM movements WHERE ref = ? GROUP BY number, ref HAVING n > 1").all(`fee:${month}`),
          run: sql.prepare('SELECT count(*) AS n FROM billing_runs WHERE month = ?').get(month),
          progress: sql.prepare('SELECT chunks, last_number FROM billing_progress WHERE month = ?').get(month),
          integrity: sql.pragma('integrity_check', { simple: true }),
        };
      } finally {
        sql.close();
      }
    };
    const resumed = read(db);
    const whole = read(ref);
    expect(resumed.doubled).toEqual([]);
    expect(resumed.integrity).toBe('ok');
    expect(resumed.run).toEqual({ n: 1 });
    expect(resumed.progress).toEqual(whole.progress);
    expect((resumed.progress as { chunks: number }).chunks).toBe(3);
    expect(resumed.charges.length).toBeGreaterThan(1000);
    expect(resumed.subscribers.filter((s) => (s as { status: string }).status === 'blocked').length).toBeGreaterThan(0);
    expect(resumed.charges).toEqual(whole.charges);
    expect(resumed.subscribers).toEqual(whole.subscribers);
  }, 600_000);
});
