// The ASSA database: one SQLite file (better-sqlite3), WAL so readers never wait for the
// writer, synchronous=FULL because money and security rows must survive a power cut,
// foreign keys on, and a busy timeout so two processes on one file queue instead of fail.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrate } from './migrations';

export type Db = Database.Database;

export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** BEGIN IMMEDIATE: take the write lock up front, so a read-then-write cannot be raced. */
export function transaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
