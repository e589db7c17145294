// Who used the CPU while a bench ran (Linux /proc): the processes named, the PostgreSQL
// backends serving one database, and the machine as a whole. Issue 11's "two nodes
// against one" is only meaningful when the nodes have cores to grow into; this says, with
// numbers, whether they had any. Off Linux it reports nothing (null).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';

const TICK_S = 0.01; // USER_HZ: 100 on every Linux build node supports

/** utime + stime of a process in seconds (0 once it is gone). */
function processCpuS(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, hence the last ')').
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_S;
  } catch {
    return 0;
  }
}

/** Busy and total CPU seconds of the whole machine so far (/proc/stat, all cores). */
function machineCpuS(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = line.reduce((a, b) => a + b, 0);
  const idle = (line[3] ?? 0) + (line[4] ?? 0); // idle + iowait
  return { busy: (total - idle) * TICK_S, total: total * TICK_S };
}

async function backendPids(url: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    return r.rows.map((x) => x.pid);
  } finally {
    await c.end();
  }
}

export interface CpuUse {
  seconds: number;
  cores: number;
  /** CPU seconds of each named role, and of everything else on the machine. */
  byRole: Record<string, number>;
  others: number;
  /** Share of all cores' time that was busy, 0-1. */
  machineBusy: number;
}

/**
 * Runs `fn` and accounts the CPU: `roles` names process ids (the load generator is this
 * process: pass process.pid), `pgUrl` adds a 'postgres' role (its backends for that
 * database, those opened during the run included).
 */
export async function accountCpu<T>(roles: Record<string, number[]>, pgUrl: string | null, fn: () => Promise<T>): Promise<{ value: T; cpu: CpuUse | null }> {
  if (process.platform !== 'linux') return { value: await fn(), cpu: null };
  const before = new Map<number, number>();
  const pgBefore = pgUrl ? await backendPids(pgUrl) : [];
  for (const pid of [...Object.values(roles).flat(), ...pgBefore]) before.set(pid, processCpuS(pid));
  const m0 = machineCpuS();
  const t0 = performance.now();
  const value = await fn();
  const seconds = (performance.now() - t0) / 1000;
  const m1 = machineCpuS();
  const used = (pid: number) => processCpuS(pid) - (before.get(pid) ?? 0);
  const byRole: Record<string, number> = {};
  for (const [role, pids] of Object.entries(roles)) byRole[role] = pids.reduce((a, p) => a + used(p), 0);
  if (pgUrl) {
    // Backends that ended during the run are missed (a pool keeps its connections).
    const pids = new Set([...pgBefore, ...(await backendPids(pgUrl))]);
    byRole.postgres = [...pids].reduce((a, p) => a + used(p), 0);
  }
  const busy = m1.busy - m0.busy;
  const ours = Object.values(byRole).reduce((a, b) => a + b, 0);
  return { value, cpu: { seconds, cores: os.cpus().length, byRole, others: Math.max(0, busy - ours), machineBusy: busy / Math.max(1e-9, m1.total - m0.total) } };
}

/** One line for a person: "busy 98 % of 2 cores over 6.0 s: nodeA 3.1 s, postgres 2.0 s, ..., other work 1.2 s". */
export function describeCpu(c: CpuUse | null): string {
  if (!c) return 'CPU accounting needs Linux /proc';
  const parts = Object.entries(c.byRole).map(([k, v]) => `${k} ${v.toFixed(1)} s`);
  return `machine busy ${(c.machineBusy * 100).toFixed(0)} % of ${c.cores} cores over ${c.seconds.toFixed(1)} s (${(c.seconds * c.cores).toFixed(1)} CPU-s): ${parts.join(', ')}, other work ${c.others.toFixed(1)} s`;
}
