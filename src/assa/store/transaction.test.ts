// The store seam on a real SQLite file: a transaction with an awaited gap inside is not
// interleaved by another caller's statements; a failed one leaves nothing; a root-handle
// call from inside one is refused with a code instead of waiting for itself forever.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssaStore } from './assa-store';
import { loadDemoData } from './demo-data';
import { openStoreEngine, StoreError } from './open-database';

const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-store-tx-'));
let store: AssaStore;
beforeAll(async () => {
  store = new AssaStore(await openStoreEngine(path.join(dir, 'assa.db')));
  await loadDemoData(store, Date.parse('2026-11-17T10:00:00Z'));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const gap = () => new Promise((r) => setTimeout(r, 20));

describe('store transactions on SQLite', () => {
  it('an awaited gap inside a transaction lets no other statement in: read-modify-write under concurrency loses nothing', async () => {
    const before = await store.money.balance('441234568');
    const order: string[] = [];
    const topUp = (i: number) =>
      store.transaction(async (tx) => {
        order.push(`begin ${i}`);
        const b = await tx.money.balance('441234568');
        await gap(); // another request would run here if the connection were shared
        await tx.db.updateTable('subscribers').set({ balance_kopecks: b + 100 }).where('number', '=', '441234568').execute();
        order.push(`end ${i}`);
      });
    const reader = (async () => {
      await gap();
      return store.money.balance('441234568');
    })();
    await Promise.all([topUp(1), topUp(2), topUp(3)]);
    expect(await store.money.balance('441234568')).toBe(before + 300);
    // Each transaction ran from begin to end before the next began.
    expect(order).toEqual(['begin 1', 'end 1', 'begin 2', 'end 2', 'begin 3', 'end 3']);
    // The reader waited for a whole transaction: it saw a committed balance, never a half one.
    expect([before, before + 100, before + 200, before + 300]).toContain(await reader);
  });

  it('a transaction that throws leaves nothing behind and the next one runs', async () => {
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

  it('a root-handle call from inside a transaction is refused with store_outside_transaction', async () => {
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

  it('a transaction inside a transaction joins it', async () => {
    const before = await store.money.balance('441234567');
    await expect(
      store.transaction(async (tx) => {
        await tx.transaction((inner) => inner.money.move('441234567', 'payment', 7, '2026-11-17T10:00:00.000Z', 'inner'));
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    expect(await store.money.balance('441234567')).toBe(before);
  });
});
