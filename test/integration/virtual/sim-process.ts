// Helpers for driving `assa sim` as a user would: the CLI in its own process, and socat
// (a third-party program, not our code) as the serial client on the pseudo-terminal.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SerialCloseReason, SerialLink } from '../../../hardware/serial/serial-link';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface SimProcess {
  link: string;
  proc: ChildProcess;
  stderr: () => string;
  stop(): Promise<void>;
}

export async function startSim(args: string[] = []): Promise<SimProcess> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'assa-sim-test-'));
  const link = path.join(dir, 'ttyV0');
  const proc = spawn(process.execPath, [path.join(ROOT, 'bin/assa.js'), 'sim', '--link', link, '--seed', '1', '--radio-step', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const printed = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`assa sim printed no path in 20 s; stderr: ${err}`)), 20_000);
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) {
        clearTimeout(t);
        resolve(out.split('\n')[0]!);
      }
    });
    proc.once('exit', (code) => reject(new Error(`assa sim exited ${code}: ${err}`)));
  });
  return {
    link: printed,
    proc,
    stderr: () => err,
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** socat as the serial client: its stdio is our view of the tty. */
export function socatClient(ttyPath: string): SerialLink & { proc: ChildProcess; exited: Promise<number | null> } {
  const proc = spawn('socat', ['-d', 'STDIO', `FILE:${ttyPath},raw,echo=0`], { stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stdin!.on('error', () => undefined);
  const closeListeners = new Set<(r: SerialCloseReason) => void>();
  const exited = new Promise<number | null>((r) =>
    proc.once('exit', (code) => {
      for (const l of closeListeners) l({ kind: 'unplugged', message: `socat exited ${code}` });
      r(code);
    }),
  );
  return {
    path: ttyPath,
    proc,
    exited,
    get isOpen() {
      return proc.exitCode === null;
    },
    write: (data) => new Promise<void>((resolve, reject) => proc.stdin!.write(data, (e) => (e ? reject(e) : resolve()))),
    onData(listener) {
      proc.stdout!.on('data', listener);
      return () => proc.stdout!.off('data', listener);
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    async close() {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        await exited;
      }
    },
  };
}
