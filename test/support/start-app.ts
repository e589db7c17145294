// Runs `assa start` as a user would (a real process), in browser mode with its own data
// folder, and returns the URL it prints on its own line.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningApp {
  url: string;
  dataDir: string;
  child: ChildProcess;
  stderr: () => string;
  stop(): Promise<void>;
}

/**
 * Waits for the URL `assa start` prints on a line of its own (120 s at most, naming the
 * process's stderr when it does not come); `stderr` reads what the process wrote there so far.
 */
export function printedUrl(child: ChildProcess): Promise<{ url: string; stderr: () => string }> {
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`assa start printed no URL in 120 s; stderr:\n${err}`)), 120_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => /^http:\/\/127\.0\.0\.1:\d+$/.test(l.trim()));
      if (line) {
        clearTimeout(timer);
        resolve({ url: line.trim(), stderr: () => err });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`assa start exited with ${code}; stderr:\n${err}`));
    });
  });
}

export async function startApp(extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<RunningApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'assa-app-'));
  const child = spawn(process.execPath, ['bin/assa.js', 'start', '--browser', '--data-dir', dataDir, ...extraArgs], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { url, stderr } = await printedUrl(child);
  return {
    url,
    dataDir,
    child,
    stderr,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
