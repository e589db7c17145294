// One e2e session: `assa start` in browser mode, Debian's Chromium, a page from an explicit
// context (axe-core needs one), page errors and console errors collected, the screenshot
// folder made. Every e2e file starts the same way through this.
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from './chromium';
import { startApp, type RunningApp } from './start-app';

export interface UiSession {
  app: RunningApp;
  browser: Browser;
  page: Page;
  pageErrors: string[];
  shot(name: string): Promise<Buffer>;
  close(): Promise<void>;
}

export async function openUi(startArgs: string[], path = ''): Promise<UiSession> {
  mkdirSync('test-results/screenshots', { recursive: true });
  const app = await startApp(startArgs);
  const browser = await launchChromium();
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto(`${app.url}/${path}`);
  return {
    app,
    browser,
    page,
    pageErrors,
    shot: (name) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true }),
    async close() {
      await browser.close();
      await app.stop();
    },
  };
}

/** U-A11Y-1: axe-core's serious and critical findings on the page as it is now. */
export async function seriousAxeFindings(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * R-AUTO-1 as a user does it: the account page asks only for a password (twice), and the app
 * registers the modem's number with it; done when the account's data page is shown.
 */
export async function registerWithPassword(page: Page, o: { password?: string; timeoutMs?: number } = {}): Promise<void> {
  const password = o.password ?? 'Kvitka2026';
  const timeout = o.timeoutMs ?? 120_000;
  await expect.poll(() => page.getByTestId('account-password').count(), { timeout: Math.min(timeout, 60_000) }).toBe(1);
  await page.getByTestId('account-password').fill(password);
  await page.getByTestId('account-password2').fill(password);
  await page.getByTestId('account-submit').click();
  await expect.poll(() => page.getByTestId('acc-data').count(), { timeout }).toBe(1);
}
