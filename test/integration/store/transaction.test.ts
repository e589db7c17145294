// The store seam on both engines, each real: a SQLite file, and a fresh PostgreSQL
// database (ASSA_TEST_PG_URL or a private cluster; skipped with the reason printed when
// neither can be had). A transaction with an awaited gap inside loses no concurrent
// update; a failed one leaves nothing; a root-handle call from inside one is refused with
// a code. SQLite serialises whole transactions; PostgreSQL runs them at once, SERIALIZABLE,
// and retries the loser of a conflict a bounded number of times.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, postgresUnavailable, type FreshDatabase } from '../../support/postgres';
import { AssaStore } from '../../../src/assa/store/assa-store';
import { loadDemoData } from '../../../src/assa/store/demo-data';
import { isPostgresUrl, openStoreEngine, StoreError } from '../../../src/assa/store/open-database';

const noPg = await postgresUnavailable();
const gap = () => new Promise((r) => setTimeout(r, 20));

describe.each([
  { engine: 'sqlite' as const, skip: null },
  { engine: 'postgres' as const, skip: noPg },
])('store transactions on $engine', ({ engine, skip }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-store-tx-'));
  let pg: FreshDatabase | undefined;
  let target = '';
  let store: AssaStore;
  beforeAll(async () => {
    if (skip) return;
    pg = engine === 'postgres' ? await freshDatabase('tx') : undefined;
    target = pg?.url ?? path.join(dir, 'assa.db');
    store = new AssaStore(await openStoreEngine(target));
    await loadDemoData(store, Date.parse('2026-11-17T10:00:00Z'));
  }, 180_000);
  afterAll(async () => {
    await store?.close();
    await pg?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(skip)('opens the engine its target names', () => {
    expect(store.kind).toBe(engine);
    expect(isPostgresUrl(target)).toBe(engine === 'postgres');
  });

  it.skipIf(skip)('an awaited gap inside a transaction loses no concurrent read-modify-write', async () => {
    const before = await store.money.balance('441234568');
    const order: string[] = [];
    // PostgreSQL: the three first attempts all read before any writes (SQLite would wait here forever).
    let reads = 0;
    let allRead!: () => void;
    const barrier = new Promise<void>((r) => (allRead = r));
    const topUp = (i: number) =>
      store.transaction(async (tx) => {
        order.push(`begin ${i}`);
        const b = await tx.money.balance('441234568');
        if (engine === 'postgres' && ++reads === 3) allRead();
        if (engine === 'postgres') await barrier;
        await gap(); // another request runs here if nothing keeps them apart
        await tx.db.updateTable('subscribers').set({ balance_kopecks: b + 100 }).where('number', '=', '441234568').execute();
        order.push(`end ${i}`);
      });
    const reader = (async () => {
      await gap();
      return store.money.balance('441234568');
    })();
    await Promise.all([topUp(1), topUp(2), topUp(3)]);
    expect(await store.money.balance('441234568')).toBe(before + 300);
    // The reader saw a committed balance, never a half one.
    expect([before, before + 100, before + 200, before + 300]).toContain(await reader);
    if (engine === 'sqlite') {
      // SQLite: each transaction ran from begin to end before the next began.
      expect(order).toEqual(['begin 1', 'end 1', 'begin 2', 'end 2', 'begin 3', 'end 3']);
    } else {
      // PostgreSQL: all three read the same balance; the two losers of the conflict were run again.
      expect(order.slice(0, 3).sort()).toEqual(['begin 1', 'begin 2', 'begin 3']);
      expect(order.filter((o) => o.startsWith('begin')).length).toBeGreaterThanOrEqual(5);
    }
  });

  it.skipIf(skip)('a transaction that throws leaves nothing behind and the next one runs', async () => {
    const before = await store.money.balance('441234567');
    await expect(
      store.transaction(async (tx) => {
        await tx.money.move('441234567', 'payment', 500, '2026-11-17T10:00:00.000Z', 'rolled back');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.money.balance('441234567')).toBe(before);
    expect((await store.money.movements('441234567', '2000-01-01', '2100-01-01')).some((m) => m.description === 'rolled back')).toBe(false);
    await store.transaction((tx) => tx.money.move('441234567', 'payment', 1, '2026-11-17T10:00:00.000Z', 'kept'));
    expect(await store.money.balance('441234567')).toBe(before + 1);
  });

  it.skipIf(skip)('a root-handle call from inside a transaction is refused with store_outside_transaction', async () => {
    const err = await store
      .transaction(async () => {
        await store.subscriber('441234567');
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('store_outside_transaction');
    // The store still works afterwards.
    expect((await store.subscriber('441234567'))?.owner_name).toBe('Olena Kovalenko');
  });

  it.skipIf(skip)('a transaction inside a transaction joins it', async () => {
    const before = await store.money.balance('441234567');
    await expect(
      store.transaction(async (tx) => {
        await tx.transaction((inner) => inner.money.move('441234567', 'payment', 7, '2026-11-17T10:00:00.000Z', 'inner'));
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    expect(await store.money.balance('441234567')).toBe(before);
  });

  it.skipIf(skip)('a job lock runs one holder at a time: a second caller is told it did not run, or waits with wait', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let holding!: () => void;
    const holds = new Promise<void>((r) => (holding = r));
    const first = store.engine.withJobLock('test-job', async () => {
      holding();
      await held;
      return 'first';
    });
    await holds;
    expect(await store.engine.withJobLock('test-job', async () => 'second')).toEqual({ ran: false });
    const waiting = store.engine.withJobLock('test-job', async () => 'waited', { wait: true });
    release();
    expect(await first).toEqual({ ran: true, value: 'first' });
    expect(await waiting).toEqual({ ran: true, value: 'waited' });
    // Another job's name is not held by it.
    expect(await store.engine.withJobLock('other-job', async () => 1)).toEqual({ ran: true, value: 1 });
  });

  it.skipIf(skip)('large figures (epoch milliseconds, byte counters) keep every digit', async () => {
    const at = Date.parse('2026-11-17T10:00:00Z');
    if (!(await store.account('441234567'))) await store.createAccount('441234567', 'x', null, '2026-11-17T10:00:00.000Z');
    await store.createSession({ token_hash: `big-${engine}`, number: '441234567', csrf: 'c', created_at: at, last_seen_at: at, runa_opened_at: null });
    expect((await store.session(`big-${engine}`))?.created_at).toBe(at);
    await store.upsertDataSession({ session_id: `big-${engine}`, number: '441234567', ip: '10.0.0.1', started_at: '2026-11-17T10:00:00.000Z', updated_at: '2026-11-17T10:00:00.000Z', in_bytes: 2 ** 40 + 1, out_bytes: 5, seconds: 1 });
    expect((await store.usageBetween('441234567', '2026-11-01', '2026-12-01')).bytes).toBe(2 ** 40 + 6);
    await store.db.deleteFrom('data_sessions').where('session_id', '=', `big-${engine}`).execute();
  });
});

describe.skipIf(noPg)('PostgreSQL: serialization failures are retried a bounded number of times', () => {
  let pg: FreshDatabase;
  let store: AssaStore;
  beforeAll(async () => {
    pg = await freshDatabase('retry');
    store = new AssaStore(await openStoreEngine(pg.url));
  }, 180_000);
  afterAll(async () => {
    await store?.close();
    await pg?.drop();
  });
  // A real 40001 from the server, raised on the attempts the test chooses.
  const conflict = (tx: AssaStore) => sql`DO $$ BEGIN RAISE EXCEPTION 'forced conflict' USING ERRCODE = 'serialization_failure'; END $$`.execute(tx.db);

  // The bound is 10 attempts (PG_TRANSACTION_ATTEMPTS), tested on both sides.
  it('a body that conflicts on its first 9 attempts commits on the 10th', async () => {
    let attempts = 0;
    const r = await store.transaction(async (tx) => {
      if (++attempts < 10) await conflict(tx);
      return 'committed';
    });
    expect(r).toBe('committed');
    expect(attempts).toBe(10);
  });

  it('one that conflicts 10 times fails with transaction_conflict, and is not run an 11th time', async () => {
    let attempts = 0;
    const err = await store
      .transaction(async (tx) => {
        attempts++;
        await conflict(tx);
      })
      .catch((e: unknown) => e);
    expect((err as StoreError).code).toBe('transaction_conflict');
    expect(attempts).toBe(10);
  });

  it('other errors are not retried', async () => {
    let attempts = 0;
    await expect(
      store.transaction(async (tx) => {
        attempts++;
        await sql`SELECT 1/0`.execute(tx.db);
      }),
    ).rejects.toThrow(/division by zero/);
    expect(attempts).toBe(1);
  });

  it('retries on one number queue on a lock taken before they begin: 8 that all conflict once commit with 2 attempts each', async () => {
    // Two attempts only: without the lock the 7 losers of the first round would conflict
    // again on their second attempt (they run at once too) and fail.
    const engine = await openStoreEngine(pg.url, { transactionAttempts: 2 });
    const two = new AssaStore(engine);
    try {
      await loadDemoData(two, Date.parse('2026-11-17T10:00:00Z'));
      const before = await two.money.balance('441234568');
      let firstReads = 0;
      let allRead!: () => void;
      const barrier = new Promise<void>((r) => (allRead = r));
      const attempts: number[] = [];
      const topUp = (i: number) =>
        two.transaction(async (tx) => {
          attempts[i] = (attempts[i] ?? 0) + 1;
          const b = await tx.money.balance('441234568'); // notes the number
          if (attempts[i] === 1) {
            if (++firstReads === 8) allRead();
            await barrier; // every first attempt has read the same balance
          }
          await gap();
          await tx.db.updateTable('subscribers').set({ balance_kopecks: b + 100 }).where('number', '=', '441234568').execute();
        });
      await Promise.all(Array.from({ length: 8 }, (_, i) => topUp(i)));
      expect(await two.money.balance('441234568')).toBe(before + 800);
      expect(attempts.filter((a) => a === 2)).toHaveLength(7);
      // The session locks were released: a plain transaction on the number still runs.
      await two.transaction((tx) => tx.money.move('441234568', 'payment', 1, '2026-11-17T10:00:00.000Z', 'after'));
      expect(await two.money.balance('441234568')).toBe(before + 801);
    } finally {
      await two.close();
    }
  });

  it('two nodes opening one new database at once: one migrates, both end with every version once', async () => {
    const other = await freshDatabase('race');
    try {
      const [a, b] = await Promise.all([openStoreEngine(other.url), openStoreEngine(other.url)]);
      const versions = await a.db.selectFrom('schema_migrations').select('version').execute();
      expect(new Set(versions.map((v) => v.version)).size).toBe(versions.length);
      expect(versions.length).toBeGreaterThan(10);
      await Promise.all([a.close(), b.close()]);
    } finally {
      await other.drop();
    }
  });
});
