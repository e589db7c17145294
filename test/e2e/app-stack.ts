// The app as a user runs it, started and stopped again on the same data folder (a restart),
// with Debian's Chromium on its page. Used by test/e2e/app-*.test.ts.
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { printedUrl } from '../support/start-app';

export interface AppRun {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  stop(): Promise<void>;
}

export async function runApp(dataDir: string, extra: string[] = []): Promise<AppRun> {
  const child = spawn(process.execPath, ['bin/assa.js', 'start', '--browser', '--data-dir', dataDir, '--virtual-transport', 'pty', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  const { url, stderr } = await printedUrl(child);
  return {
    url,
    child,
    stderr,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function openPage(browser: Browser, url: string, locale = 'en-US'): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

export { launchChromium };

/** RUNA activations the embedded ASSA received (each is one SMS the modem sent to 2772). */
export function runaActivations(dataDir: string): number {
  const file = path.join(dataDir, 'assa', 'assa.db');
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM runa_activations').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** The newest mail in the embedded ASSA's outbox whose text matches. */
export function outboxMail(dataDir: string, match: RegExp): string | undefined {
  const dir = path.join(dataDir, 'assa', 'outbox');
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .sort()
    .reverse()
    .map((f) => readFileSync(path.join(dir, f), 'utf8').replace(/=\r?\n/g, ''))
    .find((m) => match.test(m));
}

/** An AppApi call from inside the page, through the bridge (test set-up only). */
export function bridgeCall(page: Page, method: string, request: unknown): Promise<unknown> {
  return page.evaluate(
    async ([m, r]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="assa-bridge-token"]')!.content;
      const res = await fetch('/bridge/call', { method: 'POST', headers: { 'content-type': 'application/json', 'x-assa-token': token }, body: JSON.stringify({ method: m, request: r }) });
      return res.json();
    },
    [method, request] as const,
  );
}

export function shotsDir(): string {
  mkdirSync('test-results/screenshots', { recursive: true });
  return 'test-results/screenshots';
}
