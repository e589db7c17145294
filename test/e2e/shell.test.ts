// Foundation e2e: `assa start` in browser mode, opened in Debian's Chromium. Every shell
// page is reachable from the navigation, the status bar shows the modem state from
// AppApi events, settings persist through the core, and a screenshot is kept.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium';
import { openUi, type UiSession } from '../support/ui-session';

describe.skipIf(!hasChromium)('browser mode shell (Debian Chromium)', () => {
  let ui: UiSession;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    ui = await openUi(['--no-virtual']);
    page = ui.page;
    pageErrors = ui.pageErrors;
  });

  afterAll(async () => ui?.close());

  it('shows the shell with "No modem" in the status bar', async () => {
    await expect.poll(() => page.getByTestId('modem-status').textContent()).toBe('No modem');
    expect(await page.getByTestId('dashboard-modem-status').textContent()).toContain('No modem');
    await page.screenshot({ path: 'test-results/screenshots/shell-dashboard.png', fullPage: true });
  });

  it('navigates every shell page from the navigation', async () => {
    const titles: Record<string, string> = { dashboard: 'Dashboard', account: 'Account', traffic: 'Traffic', diagnostics: 'Diagnostics', settings: 'Settings' };
    for (const [id, title] of Object.entries(titles)) {
      await page.getByTestId(`nav-${id}`).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(title);
      expect(await page.getByTestId(`nav-${id}`).getAttribute('aria-current')).toBe('page');
      expect(page.url()).toContain(`#/${id}`);
      await page.screenshot({ path: `test-results/screenshots/shell-${id}.png`, fullPage: true });
    }
  });

  it('U-SET-1 saves settings through the core and switches the language', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByLabel('Language').selectOption('uk');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('settings-message').textContent()).toBe('Збережено');
    expect(await page.getByTestId('modem-status').textContent()).toBe('Модем не знайдено');
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-settings').textContent()).toBe('Налаштування');
  });

  it('loads with no page errors and no CSP violations', () => {
    expect(pageErrors).toEqual([]);
  });
});
