// Two connected pseudo-terminals made by socat (Debian package `socat`), for tests and
// the bench: one end for the app's serial layer, the other for a scripted device. Each
// end is also reachable through a symlink. Killing socat is a real unplug: both ends die.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CodedError } from '../../src/shared/errors';

export interface PtyPair {
  /** Symlinks to the two ends. */
  a: string;
  b: string;
  /** The real /dev/pts/N paths behind them. */
  realA: string;
  realB: string;
  pid: number;
  /** Kill socat (both ends vanish, as when a stick is pulled). */
  unplug(): Promise<void>;
  close(): Promise<void>;
}

export async function createPtyPair(timeoutMs = 5000): Promise<PtyPair> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-pty-'));
  const a = path.join(dir, 'a');
  const b = path.join(dir, 'b');
  let child: ChildProcess;
  try {
    child = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  } catch (e) {
    throw new CodedError('socat_missing', 'socat is needed for pseudo-terminals: sudo apt install socat', { cause: e });
  }
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('error', (e) => reject(new CodedError('socat_missing', `socat could not start (${e.message}): sudo apt install socat`)));
    child.once('spawn', () => resolve());
  });
  await spawned;
  const deadline = Date.now() + timeoutMs;
  while (!(existsSync(a) && existsSync(b))) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new CodedError('pty_failed', 'socat did not create the pseudo-terminals in time.');
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const exited = new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
  const kill = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  return {
    a,
    b,
    realA: realpathSync(a),
    realB: realpathSync(b),
    pid: child.pid!,
    unplug: kill,
    async close() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
