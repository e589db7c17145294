// diag.median_s / diag.max_s (CONTRACTS.md): `assa diag --json` as a process, wall time
// from spawn to exit, over every device table in test/fixtures/device-tables/ replayed on
// a pty (test/support/table-device.ts). One at a time, each device process ready first.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { playTable, runDiagProcess, tableNames } from '../support/table-device';
import type { Figures } from './run';

export async function run(): Promise<Figures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-diag-bench-'));
  const times: number[] = [];
  try {
    for (const name of tableNames()) {
      const dev = await playTable(name, path.join(dir, `tty-${name}`));
      try {
        const r = await runDiagProcess(['--port', dev.port, '--json']);
        if (r.code !== 0) throw new Error(`assa diag on ${name} exited ${r.code}: ${r.stderr.trim()}`);
        times.push(r.seconds);
      } finally {
        dev.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    'diag.median_s': { value: sorted[Math.floor(sorted.length / 2)]!, unit: `s, assa diag --json wall time, median over ${times.length} device tables` },
    'diag.max_s': { value: sorted[sorted.length - 1]!, unit: `s, the slowest of the ${times.length} device tables (contract: 20)` },
  };
}
