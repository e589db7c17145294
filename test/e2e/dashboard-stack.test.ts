// Issue 8 acceptance (the parts built so far) in Debian's Chromium against the real stack:
// `assa start` in browser mode with the virtual modem on ptys and the embedded ASSA with
// the demo data. First run: the user gives a password, the app registers 441234567 by
// itself; the dashboard shows signal, number, 29.00 UAH and "1.00 UAH short on the 1st";
// connect, traffic rises; diagnostics and traffic pages work; axe finds nothing serious;
// switching language changes the labels. Screenshots under test-results/screenshots.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium';
import { openUi, seriousAxeFindings as axe, type UiSession } from '../support/ui-session';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

describe.skipIf(!hasChromium)('the dashboard on the real stack (virtual modem on a pty, embedded ASSA)', () => {
  let ui: UiSession;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    ui = await openUi(['--virtual-transport', 'pty']);
    page = ui.page;
    pageErrors = ui.pageErrors;
  });
  afterAll(async () => ui?.close());

  it('U-DASH-1 shows the virtual modem, its number, signal per technology and network', async () => {
    await expect.poll(() => page.getByTestId('dashboard-modem-status').textContent(), { timeout: 30_000 }).toContain('Modem ready');
    expect(await page.getByTestId('virtual-badge').textContent()).toBe('virtual modem');
    expect(await page.getByTestId('modem-number').textContent()).toBe('441234567');
    await expect.poll(() => page.getByTestId('signal-1x').count()).toBe(1);
    expect(await page.getByTestId('signal-1x').getAttribute('aria-label')).toMatch(/1x: \d of 5 bars, -\d+ dBm/);
    expect(await page.getByTestId('network-mode').textContent()).toMatch(/EV-DO|CDMA/);
  });

  it('R-AUTO-1 registers the number from the password alone, then shows 29.00 UAH and "1.00 UAH short on the 1st"', async () => {
    await page.getByTestId('account-password').fill('Kvitka2026');
    await page.getByTestId('account-password2').fill('Kvitka2026');
    await page.getByTestId('account-submit').click();
    await expect.poll(() => page.getByTestId('account-state').textContent(), { timeout: 30_000 }).toBe('Logged in as 441234567');
    await expect.poll(() => page.getByTestId('balance').textContent(), { timeout: 10_000 }).toMatch(/29[.,]00/);
    const forecast = (await page.getByTestId('fee-forecast').textContent()) ?? '';
    expect(forecast).toMatch(/1[.,]00/);
    expect(forecast).toContain('short on the 1st');
    expect(await page.getByTestId('fee-forecast').getAttribute('class')).toBe('short');
    await shot(page, 'stack-dashboard-registered');
  });

  it('D-DIAL-1/D-TRAF-1 connects; the session counters rise', async () => {
    await page.getByTestId('connect-button').click();
    await expect.poll(() => page.getByTestId('connection-status').textContent(), { timeout: 20_000 }).toContain('Connected');
    const read = async () => (await page.getByTestId('session-rx').textContent()) ?? '';
    await expect.poll(read, { timeout: 15_000 }).not.toBe('');
    const first = await read();
    await expect.poll(read, { timeout: 15_000 }).not.toBe(first);
    await shot(page, 'stack-dashboard-connected');
    expect(await axe(page)).toEqual([]);
  });

  it('U-DIAG-1 the AT terminal answers and the report names the modem', async () => {
    await page.getByTestId('nav-diagnostics').click();
    await page.getByTestId('at-input').fill('AT+GMM');
    await page.getByTestId('at-send').click();
    await expect.poll(() => page.getByTestId('at-transcript').textContent(), { timeout: 10_000 }).toContain('EC121');
    await page.getByTestId('diag-make').click();
    await expect.poll(() => page.getByTestId('diag-report').textContent(), { timeout: 10_000 }).toContain('80469BB7');
    await shot(page, 'stack-diagnostics');
    expect(await axe(page)).toEqual([]);
  });

  it('D-TRAF-2/3 the traffic page lists the session and saves a limit', async () => {
    await page.getByTestId('nav-traffic').click();
    await expect.poll(() => page.getByTestId('traffic-sessions').count(), { timeout: 10_000 }).toBe(1);
    // D-TRAF-2: the session's per-minute series opens under the list.
    await page.locator('[data-testid^="session-open-"]').first().click();
    await expect.poll(() => page.getByTestId('session-minutes').count()).toBe(1);
    // D-TRAF-4: the local session beside the operator's record (the virtual network reported it by RADIUS).
    await expect.poll(() => page.getByTestId('reconcile-table').locator('tbody tr').count()).toBeGreaterThan(0);
    await page.getByTestId('limit-add').click();
    await page.getByTestId('limits-save').click();
    await expect.poll(() => page.getByTestId('limits-message').textContent()).toBe('Limits saved');
    await shot(page, 'stack-traffic');
    expect(await axe(page)).toEqual([]);
  });

  it('U-I18N-1 switching to Ukrainian changes the labels, hryvnias and all', async () => {
    await page.getByTestId('nav-settings').click();
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Language').selectOption('uk');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('nav-dashboard').click();
    await expect.poll(() => page.getByTestId('nav-dashboard').textContent()).toBe('Головна');
    await expect.poll(() => page.getByTestId('fee-forecast').textContent(), { timeout: 10_000 }).toContain('Бракує');
    expect(await page.getByTestId('connection-status').textContent()).toContain('Підключено');
    await shot(page, 'stack-dashboard-uk');
  });

  it('has no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
