// Issue 11 benches: an authenticated GET /api/v1/account against a bare fastify route in
// the same run (the peer), at 10 and 100 connections, on SQLite and on PostgreSQL; and
// two `assa server` processes on one PostgreSQL database against one (same total
// connections). autocannon on loopback, on the same cores as the servers: the ratios,
// not the absolute rates, are what carries over to another machine.
// PostgreSQL: ASSA_BENCH_PG_URL (a database server the bench may create a database on),
// else ASSA_TEST_PG_URL, else a private cluster started here (fsync off: the bench reads).
// ASSA_BENCH_SUBSCRIBERS scales the subscribers in the database (default 100k);
// ASSA_BENCH_ENGINES=sqlite skips PostgreSQL (a quicker loop while working on the HTTP layer).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { startAssa, type EmbeddedAssa } from '../../src/assa/embedded';
import { generateSubscribers } from '../../src/assa/store/demo-data';
import { LISTENING, waitForOutput } from '../support/child-output';
import { freshDatabase } from '../support/postgres';
import { accountCpu, describeCpu, type CpuUse } from './cpu-accounting';
import { limitCpu } from './cpu-quota';
import type { Figures } from './run';

type Result = { requests: { average: number; total: number }; latency: { p99: number }; non2xx: number; errors: number; cpuUsPerRequest: number };
const cannon = (opts: autocannon.Options) => new Promise<Result>((res, rej) => autocannon(opts, (e: unknown, r: unknown) => (e ? rej(e) : res(r as Result))));
const DURATION = Number(process.env.ASSA_BENCH_SECONDS ?? 6);
const LIMITS = { rateLimit: { global: 1e9, login: 1e9, registration: 1e9 }, hashBudget: { max: 1e9, windowMs: 60_000 }, failedLoginBudget: { max: 1e9, windowMs: 60_000 } };
const NETWORK_SECRET = 'bench-network-secret-0123456789';
/**
 * The slice of a core each node is held to in the two-nodes run with shares of their own:
 * as large as leaves the machine a quarter idle when both nodes use theirs, with what
 * PostgreSQL and the load generator spend per request in the one-node run. So the nodes
 * are what limits the rate, as on a machine where each has a core (a fixed slice did not
 * say that: once the node got cheaper, two half-core nodes filled this machine again).
 */
function nodeSlice(cpu: CpuUse | null): number {
  const s = cpuSplit(cpu);
  if (!s) return 0.5;
  const slice = (0.75 * s.cores) / (2 * (1 + s.rest / s.node));
  return Math.round(Math.min(1, Math.max(0.2, slice)) * 100) / 100;
}

/**
 * The one-node run's CPU: the node's, and the rest a request costs (PostgreSQL and the load
 * generator). What two unlimited nodes can reach at most on shared cores follows from it:
 * the machine's CPU over what a request costs everywhere, against one node's own limit
 * (one core at most), n * c_node / (c_node + c_rest), capped at 2.
 */
function cpuSplit(cpu: CpuUse | null): { cores: number; node: number; rest: number } | null {
  const node = cpu?.byRole.node ?? 0;
  if (!cpu || node <= 0) return null;
  return { cores: cpu.cores, node, rest: (cpu.byRole.postgres ?? 0) + (cpu.byRole['load generator'] ?? 0) };
}

async function sessionCookie(url: string, networkSecret: string, number: string, runa: string): Promise<string> {
  const post = (p: string, body: unknown, headers: Record<string, string> = {}) => fetch(`${url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  await post('/api/v1/network/events', { type: 'sms', number, to: '2772', text: runa, at: new Date().toISOString() }, { 'x-assa-network-secret': networkSecret });
  await post('/api/v1/registrations', { number, password: 'Kvitka2026', runa });
  const login = await post('/api/v1/sessions', { number, password: 'Kvitka2026' });
  if (login.status !== 200) throw new Error(`bench login answered ${login.status}`);
  return login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/**
 * Also the CPU this process spent per request (server and load generator together, both
 * in it): on a machine shared with other work the rates swing with the neighbours' load,
 * the CPU a request costs much less, so its ratio is the steadier figure.
 */
async function account(url: string, cookie: string, connections: number): Promise<Result> {
  const c0 = process.cpuUsage();
  const r = await cannon({ url: `${url}/api/v1/account`, headers: { cookie }, connections, duration: DURATION });
  const c = process.cpuUsage(c0);
  r.cpuUsPerRequest = (c.user + c.system) / Math.max(1, r.requests.total);
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`GET /account: ${r.non2xx} non-2xx answers, ${r.errors} errors at ${connections} connections`);
  return r;
}

function startNode(db: string, dir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.resolve('bin/assa.js'), 'server', '--db', db, '--port', '0', '--radius-port', '0', '--network-secret', NETWORK_SECRET, '--radius-secret', NETWORK_SECRET, '--rate-limit', '1000000', '--kdf-queue', '1000', '--log-level', 'warn'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: dir,
  });
  return waitForOutput(child, LISTENING, { name: 'assa server' }).then((r) => ({ url: r.match[1]!, child }));
}
const stopNode = async (n: { child: ChildProcess }) => {
  if (n.child.exitCode !== null) return;
  const exited = new Promise((r) => n.child.once('exit', r));
  n.child.kill('SIGTERM');
  await exited;
};

async function withAssa<T>(dbPath: string, subscribers: number, fn: (assa: EmbeddedAssa, cookie: string) => Promise<T>): Promise<T> {
  const assa = await startAssa({ dbPath, port: 0, radiusPort: null, demo: true, networkSecret: NETWORK_SECRET, kdf: { N: 1024, r: 8, p: 1 }, config: LIMITS });
  try {
    const g0 = performance.now();
    await generateSubscribers(assa.ctx.store, subscribers);
    console.log(`  ${assa.ctx.store.kind}: ${subscribers} subscribers generated in ${((performance.now() - g0) / 1000).toFixed(1)} s`);
    return await fn(assa, await sessionCookie(assa.url, NETWORK_SECRET, '441234567', '123456'));
  } finally {
    await assa.close();
  }
}

export async function run(): Promise<Figures> {
  const subscribers = Number(process.env.ASSA_BENCH_SUBSCRIBERS ?? 100_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-bench-engines-'));
  const figures: Figures = {};
  const put = (name: string, value: number, unit: string) => (figures[name] = { value, unit });
  try {
    // The peer: a bare fastify route answering a small JSON object, same machine, same run.
    const bare = Fastify();
    bare.get('/api/v1/account', async () => ({ number: '441234567', balance: 2900, currency: 'UAH' }));
    await bare.listen({ host: '127.0.0.1', port: 0 });
    const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;
    const bare10 = await account(bareUrl, '', 10);
    const bare100 = await account(bareUrl, '', 100);
    await bare.close();
    put('assa.bare_per_s', bare10.requests.average, 'req/s, a bare fastify route, 10 connections (the peer)');
    put('assa.bare_per_s_100', bare100.requests.average, 'req/s, a bare fastify route, 100 connections (the peer)');
    put('assa.bare_cpu_us', bare10.cpuUsPerRequest, 'µs of CPU per request (server + load generator), the bare route, 10 connections');

    await withAssa(path.join(dir, 'assa.db'), subscribers, async (assa, cookie) => {
      const a10 = await account(assa.url, cookie, 10);
      const a100 = await account(assa.url, cookie, 100);
      put('assa.sqlite.account_per_s', a10.requests.average, `GET /account req/s, SQLite, ${subscribers} subscribers, 10 connections`);
      put('assa.sqlite.account_p99_ms', a10.latency.p99, `ms p99, SQLite, 10 connections`);
      put('assa.sqlite.account_per_s_100', a100.requests.average, `GET /account req/s, SQLite, 100 connections`);
      put('assa.sqlite.account_p99_ms_100', a100.latency.p99, `ms p99, SQLite, 100 connections`);
      put('assa.account_ratio_to_bare', a10.requests.average / bare10.requests.average, 'GET /account over the bare route, SQLite, 10 connections (goal >= 0.25)');
      put('assa.account_ratio_to_bare_100', a100.requests.average / bare100.requests.average, 'GET /account over the bare route, SQLite, 100 connections');
      put('assa.sqlite.account_cpu_us', a10.cpuUsPerRequest, 'µs of CPU per GET /account (server + load generator), SQLite, 10 connections');
      put('assa.account_cpu_ratio_to_bare', bare10.cpuUsPerRequest / a10.cpuUsPerRequest, 'the bare route’s CPU per request over GET /account’s, SQLite (the rate ratio without the neighbours’ load)');
    });

    if (!(process.env.ASSA_BENCH_ENGINES ?? 'sqlite,postgres').includes('postgres')) return figures;
    const pgServer = process.env.ASSA_BENCH_PG_URL ?? process.env.ASSA_TEST_PG_URL;
    if (pgServer) process.env.ASSA_TEST_PG_URL = pgServer;
    const pg = await freshDatabase('bench');
    try {
      await withAssa(pg.url, subscribers, async (assa, cookie) => {
        const p10 = await account(assa.url, cookie, 10);
        const p100 = await account(assa.url, cookie, 100);
        put('assa.pg.account_per_s', p10.requests.average, `GET /account req/s, PostgreSQL, ${subscribers} subscribers, 10 connections`);
        put('assa.pg.account_p99_ms', p10.latency.p99, 'ms p99, PostgreSQL, 10 connections');
        put('assa.pg.account_per_s_100', p100.requests.average, 'GET /account req/s, PostgreSQL, 100 connections');
        put('assa.pg.account_p99_ms_100', p100.latency.p99, 'ms p99, PostgreSQL, 100 connections');
        put('assa.pg.account_ratio_to_bare', p10.requests.average / bare10.requests.average, 'GET /account over the bare route, PostgreSQL, 10 connections');
      });
      // Processes, as deployed: one node with 20 connections, then two nodes with 10 each.
      // The CPU each process used during each run says whether the nodes had cores to grow
      // into (cpu-accounting.ts): on a machine whose cores are already full, two nodes can
      // only share what one had.
      const a = await startNode(pg.url, dir);
      const cookie = await sessionCookie(a.url, NETWORK_SECRET, '441234568', '654321');
      const oneRun = await accountCpu({ node: [a.child.pid!], 'load generator': [process.pid] }, pg.url, () => account(a.url, cookie, 20));
      const one = oneRun.value;
      const b = await startNode(pg.url, dir);
      const twoRun = await accountCpu({ nodes: [a.child.pid!, b.child.pid!], 'load generator': [process.pid] }, pg.url, () => Promise.all([account(a.url, cookie, 10), account(b.url, cookie, 10)]));
      const [ra, rb] = twoRun.value;
      const two = ra.requests.average + rb.requests.average;
      console.log(`  one node:  ${describeCpu(oneRun.cpu)}`);
      console.log(`  two nodes: ${describeCpu(twoRun.cpu)}`);
      // The same again with each node held to the same slice of a core (cpu-quota.ts), so
      // that a node cannot take what PostgreSQL and the load generator need: each node has
      // a share of its own, as on a machine with cores to spare.
      const slice = nodeSlice(oneRun.cpu);
      const qa = limitCpu(a.child.pid!, slice, 'node-a');
      const qb = limitCpu(b.child.pid!, slice, 'node-b');
      if (typeof qa === 'string' || typeof qb === 'string') console.log(`  nodes held to ${slice} core each: left out, ${typeof qa === 'string' ? qa : qb}`);
      else {
        try {
          const oneQ = await accountCpu({ node: [a.child.pid!], 'load generator': [process.pid] }, pg.url, () => account(a.url, cookie, 20));
          const twoQ = await accountCpu({ nodes: [a.child.pid!, b.child.pid!], 'load generator': [process.pid] }, pg.url, () => Promise.all([account(a.url, cookie, 10), account(b.url, cookie, 10)]));
          const twoQs = twoQ.value[0].requests.average + twoQ.value[1].requests.average;
          console.log(`  one node at ${slice} core:  ${describeCpu(oneQ.cpu)}`);
          console.log(`  two nodes at ${slice} core each: ${describeCpu(twoQ.cpu)}`);
          put('assa.pg.one_node_slice_per_s', oneQ.value.requests.average, `GET /account req/s, one node held to ${slice} core, 20 connections`);
          put('assa.pg.two_nodes_slice_per_s', twoQs, `GET /account req/s, two nodes held to ${slice} core each, 10 connections each`);
          put('assa.pg.two_nodes_ratio_own_slice', twoQs / oneQ.value.requests.average, `two nodes over one, each node held to ${slice} core (a share of its own; goal >= 1.5)`);
          put('assa.pg.node_slice_cores', slice, 'the slice of a core each node was held to (sized from the one-node run to leave the machine a quarter idle)');
        } finally {
          await Promise.all([qa.release(), qb.release()]);
        }
      }
      await Promise.all([stopNode(a), stopNode(b)]);
      put('assa.pg.one_node_per_s', one.requests.average, 'GET /account req/s, one assa server process on PostgreSQL, 20 connections');
      put('assa.pg.two_nodes_per_s', two, 'GET /account req/s, two assa server processes on one PostgreSQL, 10 connections each');
      const split = cpuSplit(oneRun.cpu);
      if (split) put('assa.pg.two_nodes_ceiling', Math.min(2, (split.cores * split.node) / (split.node + split.rest)), `the most two nodes could give over one on these ${split.cores} shared cores, from the one-node run's CPU per request`);
      put('assa.pg.two_nodes_ratio', two / one.requests.average, `two nodes over one, ${os.cpus().length} cores shared by the nodes, PostgreSQL and the load generator (goal >= 1.5 where the nodes have cores of their own)`);
      for (const [label, r, requests] of [['one_node', oneRun.cpu, one.requests.total], ['two_nodes', twoRun.cpu, ra.requests.total + rb.requests.total]] as const) {
        if (!r) continue;
        const nodes = r.byRole.node ?? r.byRole.nodes ?? 0;
        put(`assa.pg.${label}_machine_busy_pct`, r.machineBusy * 100, `% of all ${r.cores} cores busy during the ${label.replace('_', ' ')} run (everything on the machine)`);
        put(`assa.pg.${label}_cores_nodes`, nodes / r.seconds, `cores the assa server process(es) used during the ${label.replace('_', ' ')} run`);
        put(`assa.pg.${label}_cores_postgres`, (r.byRole.postgres ?? 0) / r.seconds, `cores PostgreSQL's backends for the bench database used`);
        put(`assa.pg.${label}_cores_load_generator`, (r.byRole['load generator'] ?? 0) / r.seconds, 'cores the load generator (this process) used');
        put(`assa.pg.${label}_cores_other_work`, r.others / r.seconds, 'cores used by everything else on the machine (other work)');
        put(`assa.pg.${label}_node_cpu_us`, (nodes * 1e6) / Math.max(1, requests), 'µs of assa server CPU per GET /account');
      }
    } finally {
      await pg.drop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
