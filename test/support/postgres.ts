// A real PostgreSQL for tests. ASSA_TEST_PG_URL (any database on a server the tests may
// create databases on; .ci/run starts one private cluster and exports it) is used when
// set; otherwise this process starts its own private cluster: initdb into a temp dir,
// pg_ctl start on a free port with its own unix socket dir (as the `postgres` OS user
// when running as root, since PostgreSQL refuses to run as root), stopped when the
// process exits. Each test takes its own fresh database (created, dropped after).
// Where no PostgreSQL can be had the caller gets a reason to print and skips.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const PG_BIN = process.env.ASSA_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PrivateCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  dir: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const asRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL binary, as the `postgres` user when we are root. */
function pgRun(bin: string, args: string[]): void {
  const exe = path.join(PG_BIN, bin);
  const [cmd, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${r.status ?? r.signal}): ${(r.stderr || r.stdout || String(r.error ?? '')).trim()}`);
}

/** Starts a private cluster (initdb + pg_ctl start). The caller stops it (also done at process exit). */
export async function startPrivateCluster(): Promise<PrivateCluster> {
  if (!existsSync(path.join(PG_BIN, 'initdb'))) throw new Error(`no PostgreSQL binaries in ${PG_BIN} (apt-get install postgresql, or set ASSA_TEST_PG_URL)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-pg-'));
  // The postgres user must own the cluster's folder; the temp dir's parent stays root's.
  chmodSync(dir, 0o755);
  if (asRoot()) execFileSync('chown', ['postgres', dir]);
  const data = path.join(dir, 'data');
  const port = await freePort();
  // C collation: text sorts by code point, as SQLite's does, so lists come in one order on both engines.
  pgRun('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
  // fsync off: a test cluster lost in a crash is recreated; the kill -9 tests kill ASSA processes, not PostgreSQL.
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  pgRun('pg_ctl', ['-D', data, '-o', opts, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      pgRun('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', stop);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, stop };
}

let server: Promise<string> | undefined;

/** The server tests create their databases on: ASSA_TEST_PG_URL, else this process's private cluster. */
export function testPostgresServer(): Promise<string> {
  server ??= process.env.ASSA_TEST_PG_URL ? Promise.resolve(process.env.ASSA_TEST_PG_URL) : startPrivateCluster().then((c) => c.url);
  return server;
}

export interface FreshDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function admin<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

let counter = 0;
/** A new empty database of its own (dropped by `drop`, its connections closed first). */
export async function freshDatabase(label = 'test'): Promise<FreshDatabase> {
  const serverUrl = await testPostgresServer();
  const name = `assa_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase().slice(0, 20)}_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`));
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    drop: () => admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * Whether this process can have a PostgreSQL: `null` when it can, else the reason (printed
 * once), for `describe.skipIf(reason)`. Call with top-level await in the test file.
 */
export async function postgresUnavailable(): Promise<string | null> {
  try {
    const db = await freshDatabase('probe');
    await db.drop();
    return null;
  } catch (e) {
    const reason = `PostgreSQL tests skipped: ${(e as Error).message}`;
    console.warn(reason);
    return reason;
  }
}

/** The engine the ASSA integration tests run on: SQLite, or PostgreSQL when ASSA_TEST_ENGINE=postgres (CI's second pass). */
export function testEngine(): 'sqlite' | 'postgres' {
  return process.env.ASSA_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
}

/** The database a test's ASSA runs on: a SQLite file in `dir`, or (ASSA_TEST_ENGINE=postgres) a fresh PostgreSQL database. */
export async function testDatabase(dir: string, file = 'assa.db'): Promise<{ engine: 'sqlite' | 'postgres'; target: string; drop(): Promise<void> }> {
  if (testEngine() === 'sqlite') return { engine: 'sqlite', target: path.join(dir, file), drop: async () => undefined };
  const db = await freshDatabase(path.basename(file, '.db'));
  return { engine: 'postgres', target: db.url, drop: db.drop };
}

/** Everything a database keeps, as text, to look for what must not be stored: a SQLite file (and its WAL) byte for byte, or PostgreSQL's pg_dump. */
export function storedText(target: string): string {
  if (!/^postgres(ql)?:\/\//i.test(target)) {
    const read = (f: string) => (existsSync(f) ? readFileSync(f).toString('latin1') : '');
    return read(target) + read(`${target}-wal`);
  }
  return execFileSync(path.join(PG_BIN, 'pg_dump'), ['--data-only', '--dbname', target], { encoding: 'utf8', maxBuffer: 1 << 28 });
}
