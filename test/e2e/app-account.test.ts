// Issue 17 in Debian's Chromium on the real stack (`assa start` in browser mode, the
// virtual modem on ptys, the embedded ASSA with the demo data), across real restarts of
// the app on one data folder: wrong passwords give per-rule messages and send no SMS;
// register; restart → one passphrase step → the balance; log out and back in; password
// recovery through the server's mail outbox; a protected section opened with one button.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium';
import { seriousAxeFindings } from '../support/ui-session';
import { bridgeCall, launchChromium, openPage, outboxMail, runaActivations, runApp, shotsDir, type AppRun } from './app-stack';

const PASSWORD = 'Kvitka2026';
const PASSPHRASE = 'korova-na-luzi';

describe.skipIf(!hasChromium)('the desktop app that remembers (issue 17), across restarts', () => {
  let dataDir: string;
  let browser: Browser;
  let run: AppRun | null = null;
  let page: Page;
  let errors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: path.join(shotsDir(), `${name}.png`), fullPage: true });

  async function start() {
    run = await runApp(dataDir);
    ({ page, errors } = await openPage(browser, run.url));
    await page.waitForFunction(() => document.querySelector('[data-testid="modem-number"]')?.textContent === '441234567', null, { timeout: 40_000 });
  }
  async function stop() {
    await page?.context().close();
    await run?.stop();
    run = null;
  }
  const state = () => page.getByTestId('account-state').textContent({ timeout: 1000 }).catch(() => null);

  beforeAll(async () => {
    // Build the UI first (once, without the start-up clock running): the starts below are then warm.
    const { buildRendererIfStale } = await import('../../src/cli/build-steps');
    await buildRendererIfStale(() => undefined);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'assa-e2e-remember-'));
    browser = await launchChromium();
    await start();
  }, 600_000);
  afterAll(async () => {
    await stop();
    await browser?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('wrong passwords give one message per broken rule and send no SMS', async () => {
    await page.getByTestId('auth-register').waitFor();
    const tries: Array<[string, string[]]> = [
      ['abc', ['Use 6 to 14 characters.', 'Add at least one digit.']],
      ['abcdefghijk1234', ['Use 6 to 14 characters.']],
      ['abcdefgh', ['Add at least one digit.']],
      ['ab441234567', ['The password must not contain your phone number.']],
      ['пароль123', ['Use only Latin letters and digits.', 'Add at least one Latin letter.']],
    ];
    for (const [pw, lines] of tries) {
      await page.getByTestId('account-password').fill(pw);
      await page.getByTestId('account-password2').fill(pw);
      await page.getByTestId('account-submit').click();
      // One line per broken rule, under the field; nothing was sent.
      await expect.poll(() => page.getByTestId('password-rules').locator('li').allTextContents()).toEqual(lines);
      expect(await page.getByTestId('account-step').textContent()).toBe('');
    }
    await shot('app-register-rules-en');
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(runaActivations(dataDir)).toBe(0);
  });

  it('registers with one RUNA, remembering the login under a passphrase; the balance shows', async () => {
    await page.getByTestId('account-password').fill(PASSWORD);
    await page.getByTestId('account-password2').fill(PASSWORD);
    await page.getByTestId('account-email').fill('olena@example.com');
    await page.getByTestId('account-remember-passphrase').fill(PASSPHRASE);
    expect(await page.getByTestId('password-rules-ok').textContent()).toBe('The password meets the rules.');
    await page.getByTestId('account-submit').click();
    await expect.poll(state, { timeout: 60_000 }).toBe('Logged in as 441234567');
    await expect.poll(() => page.getByTestId('balance').textContent().catch(() => null), { timeout: 20_000 }).toMatch(/29[.,]00/);
    expect(runaActivations(dataDir)).toBe(1);
    await shot('app-logged-in-en');
  });

  it('after a restart: one passphrase step leads to the balance; registration is never offered', async () => {
    await stop();
    await start();
    await page.getByTestId('auth-passphrase').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('auth-register').count()).toBe(0);
    await shot('app-passphrase-en');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByTestId('account-passphrase').fill('not-the-one');
    await page.getByTestId('account-submit').click();
    await expect.poll(() => page.getByTestId('account-error').textContent()).toBe('That passphrase does not open the saved login.');
    await page.getByTestId('account-passphrase').fill(PASSPHRASE);
    await page.getByTestId('account-submit').click();
    await expect.poll(state, { timeout: 30_000 }).toBe('Logged in as 441234567');
    await expect.poll(() => page.getByTestId('balance').textContent().catch(() => null), { timeout: 20_000 }).toMatch(/29[.,]00/);
    expect(runaActivations(dataDir)).toBe(1);
  });

  it('logs out and back in with the password; after a restart the login form comes, not registration', async () => {
    await page.getByTestId('account-logout').click();
    await page.getByTestId('auth-login').waitFor();
    await shot('app-login-en');
    await page.getByTestId('account-password').fill('Wrong2026x');
    await page.getByTestId('account-submit').click();
    await expect.poll(() => page.getByTestId('account-error').textContent()).toBe('Wrong number or password.');
    await page.getByTestId('account-password').fill(PASSWORD);
    await page.getByTestId('account-submit').click();
    await expect.poll(state, { timeout: 30_000 }).toBe('Logged in as 441234567');
    await page.getByTestId('account-logout').click();
    await page.getByTestId('auth-login').waitFor();
    await stop();
    await start();
    await page.getByTestId('auth-login').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('auth-register').count()).toBe(0);
    expect(runaActivations(dataDir)).toBe(1);
  });

  it('recovers the password through the server’s mail outbox and logs in with the mailed one', async () => {
    await page.getByTestId('account-forgot').click();
    await page.getByTestId('auth-recover').waitFor();
    await shot('app-recover-en');
    await page.getByTestId('account-recover-email').fill('olena@example.com');
    await page.getByTestId('account-submit').click();
    await page.getByTestId('auth-login').waitFor();
    expect(await page.getByTestId('account-notice').textContent()).toMatch(/new password is on its way/);
    // The mail holds a single-use link; the owner opens it in a browser and confirms.
    const linkMail = await expect.poll(() => outboxMail(dataDir, /password-recovery\/confirm\?token=/), { timeout: 20_000 }).toBeTruthy().then(() => outboxMail(dataDir, /password-recovery\/confirm\?token=/)!);
    const link = /(https?:\/\/\S+\/api\/v1\/password-recovery\/confirm\?token=[A-Za-z0-9_-]+)/.exec(linkMail.replace(/=\r?\n/g, '').replace(/=3D/g, '='))![1]!;
    const mailPage = await page.context().newPage();
    await mailPage.goto(link);
    await mailPage.getByRole('button', { name: 'Send me a new password' }).click();
    await mailPage.getByRole('heading', { name: 'New password sent' }).waitFor();
    await mailPage.close();
    const mail = await expect.poll(() => outboxMail(dataDir, /password for 441234567: [A-Za-z0-9]+/), { timeout: 20_000 }).toBeTruthy().then(() => outboxMail(dataDir, /password for 441234567: ([A-Za-z0-9]+)/)!);
    const mailed = /password for 441234567: ([A-Za-z0-9]+)/.exec(mail)![1]!;
    await page.getByTestId('account-password').fill(mailed);
    await page.getByTestId('account-submit').click();
    await expect.poll(state, { timeout: 30_000 }).toBe('Logged in as 441234567');
  });

  it('a protected section opens with one button: the app activates the RUNA through the modem', async () => {
    expect(await bridgeCall(page, 'assa.request', { method: 'PUT', path: '/api/v1/security/protected', body: { sections: ['security'] } })).toMatchObject({ result: { status: 200 } });
    const before = runaActivations(dataDir);
    await page.goto(`${run!.url}/#/account/security`);
    await page.getByTestId('protected-prompt').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('protected-prompt').textContent()).not.toMatch(/enter (a|the) code/i);
    await shot('app-protected-en');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByTestId('protected-open').click();
    await page.getByTestId('login-history').waitFor({ timeout: 60_000 });
    // The section's content and the prompt's closing are two renders: wait for the second.
    await expect.poll(() => page.getByTestId('protected-prompt').count()).toBe(0);
    expect(runaActivations(dataDir)).toBe(before + 1);
    expect(errors).toEqual([]);
  });
});
