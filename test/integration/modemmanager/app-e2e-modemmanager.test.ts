// Issue 16 end to end: `assa start` (browser mode, no virtual modem) on the ModemManager backend
// of Part 1's setup — the real MM 1.20 on its private bus, reading `assa sim --multi-port` as an
// E1550 stick in a private mount namespace — with a real `assa server --demo` that the sim's
// network side delivers 2772 SMS to. In Debian's Chromium the app reads the number through MM,
// registers by the RUNA SMS that goes out through MM's Messaging (and whose reply comes back
// through Messaging.Added), shows the balance, names the backend on the Diagnostics page, and
// takes the port over from MM and gives it back from the Settings page.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAssaServer, type AssaServerProcess } from '../../support/assa-server-process';
import { hasChromium } from '../../support/chromium';
import { modemManagerUnavailable, polkitUnavailable, startMmSandbox, type MmSandbox, type UsbStick } from '../../support/modemmanager';
import { seriousAxeFindings } from '../../support/ui-session';
import { launchChromium, openPage, runApp, shotsDir, type AppRun } from '../../e2e/app-stack';
import { startSim, type SimProcess } from '../virtual/sim-process';

const HUAWEI_E1550: UsbStick = { vendorId: '12d1', productId: '1001', manufacturer: 'HUAWEI Technology', product: 'HUAWEI Mobile' };
const PASSWORD = 'Kvitka2026';
const noPolkit = polkitUnavailable();
if (noPolkit) console.warn(`ModemManager take-over test skipped: ${noPolkit}`);
const why = modemManagerUnavailable() ?? (hasChromium ? null : 'no Chromium at /usr/bin/chromium');
if (why) console.warn(`ModemManager e2e skipped: ${why}`);

describe.skipIf(why !== null)('issue 16 e2e: the app on ModemManager registers by RUNA through MM and shows the balance', () => {
  let assa: AssaServerProcess;
  let sim: SimProcess;
  let box: MmSandbox;
  let run: AppRun;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  const shot = (name: string) => page.screenshot({ path: path.join(shotsDir(), `${name}.png`), fullPage: true });

  beforeAll(async () => {
    const { buildRendererIfStale } = await import('../../../src/cli/build-steps');
    await buildRendererIfStale(() => undefined);
    assa = await startAssaServer();
    sim = await startSim(['--multi-port', '--profile', 'generic-3gpp', '--assa', assa.url, '--network-secret', assa.networkSecret]);
    box = await startMmSandbox(HUAWEI_E1550, [sim.link, `${sim.link}-diag`, `${sim.link}-pcui`, `${sim.link}-silent`]);
    await box.startModemManager();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'assa-e2e-mm-'));
    run = await runApp(dataDir, ['--no-virtual', '--assa', assa.url, '--modemmanager-bus', box.busAddress]);
    browser = await launchChromium();
    ({ page } = await openPage(browser, run.url));
  }, 600_000);
  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await run?.stop();
    await box?.close();
    await sim?.stop();
    await assa?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads the number through ModemManager and says so on the Diagnostics page', async () => {
    await page.waitForFunction(() => document.querySelector('[data-testid="modem-number"]')?.textContent === '441234567', null, { timeout: 240_000 });
    await page.goto(`${run.url}/#/diagnostics`);
    await expect.poll(() => page.getByTestId('modem-backend').textContent().catch(() => null), { timeout: 20_000 }).toBe('Modem driven through ModemManager (D-Bus)');
    await expect.poll(() => page.getByTestId('backend-active').textContent().catch(() => null), { timeout: 20_000 }).toBe('In use: ModemManager (D-Bus)');
    await shot('app-modemmanager-diagnostics-en');
    expect(await seriousAxeFindings(page)).toEqual([]);
  }, 300_000);

  it('registers with the RUNA SMS sent through MM (the reply read through MM) and shows the balance', async () => {
    await page.goto(`${run.url}/#/dashboard`);
    await page.getByTestId('auth-register').waitFor({ timeout: 30_000 });
    await page.getByTestId('account-password').fill(PASSWORD);
    await page.getByTestId('account-password2').fill(PASSWORD);
    await page.getByTestId('account-submit').click();
    await expect.poll(() => page.getByTestId('account-state').textContent().catch(() => null), { timeout: 120_000 }).toBe('Logged in as 441234567');
    await expect.poll(() => page.getByTestId('balance').textContent().catch(() => null), { timeout: 30_000 }).toMatch(/29[.,]00/);
    // the SMS went to the network through MM's port, and ASSA's reply came back to the stick
    expect(sim.stderr()).toMatch(/2772 sms: reply "kod RUNA \d{6} vdalo aktyvovan"/);
    expect(await box.log()).toMatch(/AT\+CMGS/);
    await shot('app-modemmanager-registered-en');
  }, 300_000);

  it.skipIf(noPolkit !== null)('Settings: the backend setting, and taking the port over from MM and giving it back', async () => {
    await page.goto(`${run.url}/#/settings`);
    await page.getByTestId('backend-card').waitFor();
    expect(await page.getByTestId('backend-setting').inputValue()).toBe('auto');
    await page.getByTestId('backend-take-over').click();
    await page.getByTestId('backend-taken-over').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('backend-taken-over').textContent()).toMatch(/taken the port over from ModemManager \(\/sys\/devices\/.*1-2\)/);
    await expect.poll(() => box.mmcli(['-L']), { timeout: 30_000 }).toMatch(/No modems were found/);
    await shot('app-modemmanager-taken-over-en');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByTestId('backend-give-back').click();
    await expect.poll(() => box.mmcli(['-L']).catch(() => ''), { timeout: 180_000 }).toMatch(/Modem\/\d+/);
    await page.getByTestId('backend-take-over').waitFor({ timeout: 60_000 });
    await page.getByTestId('backend-setting').selectOption('serial');
    await expect.poll(() => page.getByTestId('backend-message').textContent()).toBe('Saved');
    // "directly over its ports" while MM holds the stick: the app asks MM to let go instead of fighting it
    await page
      .getByTestId('backend-taken-over')
      .waitFor({ timeout: 60_000 })
      .catch((e: unknown) => {
        throw new Error(`${String(e)}\napp log:\n${run.stderr().slice(-3000)}`);
      });
    await expect.poll(() => box.mmcli(['-L']), { timeout: 30_000 }).toMatch(/No modems were found/);
  }, 400_000);
});
