// A CPU quota for one process, through the kernel's cgroup CPU controller (v2 `cpu.max`,
// or v1 `cpu.cfs_quota_us`). Issue 11's two-nodes goal is about nodes that each have a
// core of their own. On a 2-core machine, PostgreSQL and the load generator share those
// cores with the nodes, so two unlimited nodes can only split what one had. Holding each
// node to the same slice of a core stands in for "its own core": one node then uses up
// its slice, and a second node brings a second slice, as a second machine would. What the
// figure shows is whether anything shared (the database, a lock, a node's state) keeps
// the second node from adding its share. Needs root and a cgroup filesystem; elsewhere it
// says why not and the bench leaves the figure out.
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// A short period keeps a held node from running in long bursts and long stalls (the default 100 ms)
// that add their own queueing to its requests.
const PERIOD_US = 10_000;

interface Layout {
  root: string;
  /** Writes the limit of `cores` into the group directory. */
  limit(dir: string, cores: number): void;
}

function layout(): Layout | string {
  const v2 = '/sys/fs/cgroup';
  if (existsSync(path.join(v2, 'cgroup.controllers'))) {
    if (!readFileSync(path.join(v2, 'cgroup.controllers'), 'utf8').split(/\s+/).includes('cpu')) return 'the cgroup v2 hierarchy has no cpu controller';
    return { root: v2, limit: (dir, cores) => writeFileSync(path.join(dir, 'cpu.max'), `${Math.round(cores * PERIOD_US)} ${PERIOD_US}`) };
  }
  for (const v1 of ['/sys/fs/cgroup/cpu', '/sys/fs/cgroup/cpu,cpuacct']) {
    if (existsSync(path.join(v1, 'cpu.cfs_quota_us'))) {
      return {
        root: v1,
        limit: (dir, cores) => {
          writeFileSync(path.join(dir, 'cpu.cfs_period_us'), String(PERIOD_US));
          writeFileSync(path.join(dir, 'cpu.cfs_quota_us'), String(Math.round(cores * PERIOD_US)));
        },
      };
    }
  }
  return 'no cgroup CPU controller is mounted';
}

export interface CpuQuota {
  /** Puts the process back in the root group and removes its group. */
  release(): Promise<void>;
}

/** Holds process `pid` to `cores` of CPU time; a string says why it cannot be done here. */
export function limitCpu(pid: number, cores: number, name: string): CpuQuota | string {
  const l = layout();
  if (typeof l === 'string') return l;
  const dir = path.join(l.root, `assa-bench-${name}-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    l.limit(dir, cores);
    writeFileSync(path.join(dir, 'cgroup.procs'), String(pid));
  } catch (e) {
    return `cannot set a CPU quota here (${(e as Error).message})`;
  }
  return {
    async release() {
      try {
        writeFileSync(path.join(l.root, 'cgroup.procs'), String(pid));
      } catch {
        // The process has exited: the group is empty already.
      }
      // The kernel may still count the moved process for a moment; the group goes once it is empty.
      for (let i = 0; i < 20; i++) {
        try {
          rmdirSync(dir);
          return;
        } catch {
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    },
  };
}
