// A device table (test/fixtures/device-tables/*.json) played on a real pty: socat makes
// the pty (reachable at a symlink) and runs test/support/table-modem.mjs on its far end,
// optionally in one of the serial fault modes. And `assa diag` run as a user runs it, as
// a process, with its wall time measured.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const TABLE_DIR = path.resolve('test/fixtures/device-tables');
const PLAYER = path.resolve('test/support/table-modem.mjs');

export interface DeviceTable {
  device: string;
  sources: string[];
  expect: Record<string, unknown>;
  answers: Record<string, unknown>;
}

export const tableNames = (): string[] => readdirSync(TABLE_DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
export const loadTable = (name: string): DeviceTable => JSON.parse(readFileSync(path.join(TABLE_DIR, `${name}.json`), 'utf8')) as DeviceTable;

export interface PlayedDevice {
  port: string;
  stop(): void;
}

/** Plays the table on a pty at `link`; resolves once the link exists and the device process listens. */
export async function playTable(name: string, link: string, fault = 'none', k = 6): Promise<PlayedDevice> {
  const table = path.join(TABLE_DIR, `${name}.json`);
  const ready = `${link}.ready`;
  const child: ChildProcess = spawn('socat', [`pty,raw,echo=0,link=${link}`, `EXEC:node ${PLAYER} ${table} ${fault} ${k}`], { stdio: 'ignore', env: { ...process.env, TABLE_MODEM_READY: ready } });
  const until = Date.now() + 30_000;
  while (!existsSync(link) || !existsSync(ready)) {
    if (Date.now() > until || child.exitCode !== null) throw new Error(`socat did not make ${link}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return { port: link, stop: () => void (child.exitCode === null && child.kill()) };
}

export interface DiagRun {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** `assa diag ...args` as a process; the time is from spawn to exit. */
export function runDiagProcess(args: string[], killAfterMs = 60_000): Promise<DiagRun> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/assa.js', 'diag', ...args], { timeout: killAfterMs, maxBuffer: 64 << 20 }, (e, stdout, stderr) => {
      const code = e ? (typeof (e as { code?: unknown }).code === 'number' ? (e as { code: number }).code : -1) : 0;
      resolve({ code, stdout, stderr, seconds: (performance.now() - t0) / 1000 });
    });
  });
}

/** What a stack trace looks like on stderr (node's "    at fn (file:line:col)" frames). */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
