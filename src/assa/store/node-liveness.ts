// Which `assa server` process ("node") owns an Idempotency-Key claim, and whether that node
// is still alive (issue 13: a retry after a kill -9 must not wait 2 minutes for the claim of
// a process that no longer exists). Each store engine is one node with an id of its own.
//
// PostgreSQL (several nodes, several hosts): a node holds a session-level advisory lock keyed
// by its id on one dedicated connection outside the pool, for its whole life. PostgreSQL
// frees it the moment that connection closes, which a killed process's connection does at
// once (the kernel closes its socket). Another node asks "is X alive?" by trying the same
// lock for the length of one statement (pg_try_advisory_xact_lock): it cannot get the lock
// while X holds it; if it can, X is gone for good (ids are never reused) and the try-lock
// ends with the statement. If the dedicated connection drops while the process lives
// (a PostgreSQL restart), the node re-takes its lock before its next claim; in between
// other nodes may take its in-flight claims over, which the payment state machine and the
// stored answers make harmless (at worst a retry answers what the first attempt did).
//
// SQLite (one file, so every process is on one host): pid + process start time. No flock in
// Node, and a lock file made with O_EXCL survives a kill -9, so it would need the pid anyway;
// the kernel already knows whether a pid lives. The start time (/proc/<pid>/stat) tells a
// reused pid from the original, and a zombie (killed, not yet reaped) counts as dead. Where
// /proc is missing (not Linux) a live pid counts as alive: a reused pid then only makes a
// retry wait for the stale period, never take a live claim. An id from another host or in
// another format is never judged dead: the stale period is the last safety net for those.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { sql } from 'kysely';
import type { Db } from './open-database';

export interface NodeLiveness {
  /** This node's id, once it can prove it is alive (PostgreSQL: its lock is held). */
  id(): Promise<string>;
  /** False only when the node `id` is certainly gone; a live node, and any node this one cannot judge, is alive. */
  isAlive(id: string): Promise<boolean>;
  close(): Promise<void>;
}

/** A process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat) and its state; undefined without /proc. */
function procStat(pid: number | 'self'): { start: string; state: string } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: f[0]!, start: f[19]! };
  } catch {
    return undefined;
  }
}

const SQLITE_ID = /^sqlite:(.+):(\d+):(\d+|-):[0-9a-f]+$/;

export function sqliteNodeLiveness(): NodeLiveness {
  const host = os.hostname();
  // The random tail tells apart two engines opened in one process (tests); liveness is per process.
  const id = `sqlite:${host}:${process.pid}:${procStat('self')?.start ?? '-'}:${randomUUID().slice(0, 8)}`;
  return {
    id: async () => id,
    async isAlive(other) {
      if (other === id) return true;
      const m = SQLITE_ID.exec(other);
      if (!m || m[1] !== host) return true;
      const pid = Number(m[2]);
      try {
        process.kill(pid, 0);
      } catch (e) {
        // EPERM: the pid exists under another user.
        return (e as NodeJS.ErrnoException).code !== 'ESRCH';
      }
      const now = procStat(pid);
      if (!now) return true;
      return now.state !== 'Z' && (m[3] === '-' || now.start === m[3]);
    },
    close: async () => undefined,
  };
}

/** Node locks are keyed (this class, hashtext(node id)); a hash collision only makes a dead node look alive (the stale period then frees its claims). */
const NODE_LOCK_CLASS = 0x4153_4e44; // "ASND"

export function postgresNodeLiveness(url: string, db: Db): NodeLiveness {
  const id = `pg:${randomUUID()}`;
  let held: Promise<pg.Client> | undefined;
  let closed = false;
  const hold = (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: url });
    const taking = (async () => {
      await client.connect();
      await client.query("SELECT set_config('application_name', $1, false)", [`assa node ${id}`]);
      await client.query('SELECT pg_advisory_lock($1::int, hashtext($2))', [NODE_LOCK_CLASS, id]);
      return client;
    })();
    // A dropped connection has lost the lock: the next claim takes it again (only this
    // connection's loss forgets it; a newer one may hold the lock already).
    const lost = () => {
      if (held === taking && !closed) held = undefined;
    };
    client.on('error', lost);
    client.on('end', lost);
    taking.catch(() => {
      lost();
      void client.end().catch(() => undefined);
    });
    return taking;
  };
  return {
    async id() {
      if (closed) throw new Error('the store is closed');
      held ??= hold();
      await held;
      return id;
    },
    async isAlive(other) {
      if (other === id) return true;
      if (!other.startsWith('pg:')) return true;
      const r = await sql<{ free: boolean }>`SELECT pg_try_advisory_xact_lock(${NODE_LOCK_CLASS}::int, hashtext(${other})) AS free`.execute(db);
      return !r.rows[0]?.free;
    },
    async close() {
      closed = true;
      const c = held;
      held = undefined;
      if (c) await (await c.catch(() => undefined))?.end().catch(() => undefined);
    },
  };
}
