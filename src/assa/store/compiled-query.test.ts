import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { compiledOnce } from './compiled-query';
import { openStoreEngine, type Db, type StoreEngine } from './open-database';

let dir: string;
let engine: StoreEngine;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'assa-compiled-'));
  engine = await openStoreEngine(path.join(dir, 'c.db'));
  await sql`INSERT INTO tariffs (id, name, monthly_fee_kopecks) VALUES ('t-a', 'A', 100), ('t-b', 'B', 200), ('t-c', 'C', 300)`.execute(engine.db);
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('compiledOnce', () => {
  // A constant of the query (the fee bound) stays; only the arguments change between calls.
  const q = compiledOnce((db: Db, from: string, to: string) => db.selectFrom('tariffs').select(['id']).where('id', '>=', from).where('id', '<=', to).where('monthly_fee_kopecks', '>', 150).orderBy('id'));

  it('runs the same query with each call’s arguments', async () => {
    expect(await q(engine.db, 't-a', 't-z')).toEqual([{ id: 't-b' }, { id: 't-c' }]);
    expect(await q(engine.db, 't-a', 't-b')).toEqual([{ id: 't-b' }]);
    expect(await q(engine.db, 't-c', 't-c')).toEqual([{ id: 't-c' }]);
  });

  it('refuses a query where an argument is not a bound parameter', async () => {
    const bad = compiledOnce((db: Db, column: string) => db.selectFrom('tariffs').select(sql.ref(column).as('x')));
    await expect(bad(engine.db, 'id')).rejects.toThrow(/not a bound parameter/);
  });

  it('refuses select * (a prepared statement would break when a migration adds a column); count(*) is no column list', async () => {
    const star = compiledOnce((db: Db, id: string) => db.selectFrom('tariffs').selectAll().where('id', '=', id));
    await expect(star(engine.db, 't-a')).rejects.toThrow(/name the columns/);
    const tableStar = compiledOnce((db: Db, id: string) => db.selectFrom('tariffs as t').selectAll('t').where('t.id', '=', id));
    await expect(tableStar(engine.db, 't-a')).rejects.toThrow(/name the columns/);
    const counted = compiledOnce((db: Db, id: string) => db.selectFrom('tariffs').select((eb) => eb.fn.countAll<number>().as('n')).where('id', '>=', id));
    expect(await counted(engine.db, 't-b')).toEqual([{ n: 2 }]);
  });

  it('runs inside a transaction on its handle, and the root handle still refuses calls from inside one', async () => {
    await engine.transaction(async (trx) => {
      expect(await q(trx, 't-a', 't-b')).toEqual([{ id: 't-b' }]);
      await expect(q(engine.db, 't-a', 't-b')).rejects.toMatchObject({ code: 'store_outside_transaction' });
    });
  });
});
