// Runs `assa server --demo` as a real process (as an operator would), on free ports with a
// fresh database, and returns its URL, its secrets and its mail outbox.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LISTENING, radiusPortOf, waitForOutput } from './child-output';

export interface AssaServerProcess {
  url: string;
  networkSecret: string;
  radiusSecret: string;
  radiusPort: number;
  dir: string;
  /** The text of every mail in the outbox, oldest first. */
  mails(): string[];
  stderr(): string;
  stop(): Promise<void>;
}

export async function startAssaServer(extra: string[] = []): Promise<AssaServerProcess> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-portal-'));
  // The server takes secrets of 16+ characters only.
  const networkSecret = randomBytes(16).toString('hex');
  const radiusSecret = randomBytes(16).toString('hex');
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/assa.js', 'server', '--demo', '--db', path.join(dir, 'assa.db'), '--port', '0', '--radius-port', '0', '--network-secret', networkSecret, '--radius-secret', radiusSecret, ...extra],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const ready = await waitForOutput(child, LISTENING, { name: 'assa server', timeoutMs: 150_000 });
  const url = ready.match[1]!;
  const radiusPort = radiusPortOf(ready.stderr());
  const outbox = path.join(dir, 'outbox');
  return {
    url,
    networkSecret,
    radiusSecret,
    radiusPort,
    dir,
    mails: () => {
      try {
        return readdirSync(outbox)
          .filter((f) => f.endsWith('.eml'))
          .sort()
          .map((f) => readFileSync(path.join(outbox, f), 'utf8'));
      } catch {
        return [];
      }
    },
    stderr: ready.stderr,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
