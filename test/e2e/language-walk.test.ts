// U-I18N-1 across every page: the app registered and logged in, each page (the shell's and
// every account section) is opened in Ukrainian and in Russian and read as a person reads
// it. The test fails on any string of the English catalogue on a uk/ru screen, on any
// validator's raw words, and (in the account, where the server writes) on runs of English
// words. Screenshots of every page in uk, ru and en go to test-results/screenshots/pages/.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { serverErrorTexts } from '../../renderer/src/i18n/server-error-texts';
import { uk } from '../../renderer/src/i18n/uk';
import { hasChromium } from '../support/chromium';
import { openUi, seriousAxeFindings, type UiSession } from '../support/ui-session';

const SHELL = ['dashboard', 'messages', 'traffic', 'diagnostics', 'settings'];
const SECTIONS = ['data', 'funds', 'payments', 'details', 'services', 'tariff', 'utilities', 'group', 'security', 'help'];

function leaves(o: object): string[] {
  return Object.values(o).flatMap((v) => (typeof v === 'object' && v !== null ? leaves(v) : [String(v)]));
}
// The parts of English strings that are words a person would notice: without placeholders,
// at least two words, and not the same in the other languages (names like "ASSA", "RUNA").
function englishFragments(): string[] {
  const same = new Set([...leaves(uk), ...leaves(ru)]);
  const parts = [...leaves(en), ...leaves(serverErrorTexts.en)]
    .filter((s) => !same.has(s))
    .flatMap((s) => s.split(/\{\{\w+\}\}/))
    .map((s) => s.trim().replace(/[.:,…]+$/, ''))
    .filter((s) => /[A-Za-z]{3,}\s+[A-Za-z]{2,}/.test(s) && s.length >= 8);
  return [...new Set(parts)];
}
const RAW_VALIDATOR = /(must (match|be|have)|body\/|querystring\/|should (match|be))/;
// Three or more English words in a row: what a server-written sentence looks like. Product
// and protocol names (CDMA EV-DO Rev.A, SIP, e-mail) stay short of that.
const ENGLISH_RUN = /\b[A-Za-z]{2,}(?:[ ,'’-]+[A-Za-z]{2,}){2,}\b/g;
const ALLOWED_RUNS = [/^EV-DO Rev\b/, /^(CDMA|UMTS|HSPA|LTE|GSM)\b/];

describe.skipIf(!hasChromium)('U-I18N-1 every page in Ukrainian and Russian', () => {
  let ui: UiSession;
  let page: Page;
  const fragments = englishFragments();

  beforeAll(async () => {
    mkdirSync('test-results/screenshots/pages', { recursive: true });
    ui = await openUi(['--virtual-transport', 'in-process'], '#/account/data');
    page = ui.page;
  });
  afterAll(async () => ui?.close());

  it('R-AUTO-1 registers the number from a password, so that the account pages have content', async () => {
    await expect.poll(() => page.getByTestId('account-password').count(), { timeout: 60_000 }).toBe(1);
    // U-A11Y-1 logged out: the registration card and every shell page.
    const loggedOut: string[] = (await seriousAxeFindings(page)).map((f) => `account: ${f}`);
    for (const p of SHELL) {
      await visit(`#/${p}`);
      loggedOut.push(...(await seriousAxeFindings(page)).map((f) => `${p}: ${f}`));
    }
    expect(loggedOut).toEqual([]);
    await visit('#/account/data');
    await page.getByTestId('account-password').fill('Kvitka2026');
    await page.getByTestId('account-password2').fill('Kvitka2026');
    await page.getByTestId('account-submit').click();
    await expect.poll(() => page.getByTestId('acc-data').count(), { timeout: 60_000 }).toBe(1);
    // Services and Change package show their lists (the catalogue's words) once the terms are accepted.
    await visit('#/account/services');
    await page.getByTestId('terms-check').check();
    await page.getByTestId('terms-accept').click();
    await expect.poll(() => page.getByTestId('services-list').count()).toBe(1);
  });

  const visit = async (hash: string) => {
    await page.evaluate((h) => (location.hash = h), hash);
    await page.waitForTimeout(400); // the page's first answers; nothing asserted on timing
    await page.waitForLoadState('networkidle').catch(() => undefined);
  };
  const problems = async (lang: string, account: boolean): Promise<string[]> => {
    const text = await page.evaluate(() => document.body.innerText);
    const found = fragments.filter((f) => text.includes(f)).map((f) => `${lang} shows English "${f}"`);
    if (RAW_VALIDATOR.test(text)) found.push(`${lang} shows validator text`);
    if (account)
      for (const m of text.matchAll(ENGLISH_RUN)) if (!ALLOWED_RUNS.some((r) => r.test(m[0]))) found.push(`${lang} shows English words "${m[0]}"`);
    return found;
  };

  for (const lang of ['uk', 'ru', 'en'] as const) {
    it(`${lang}: every page ${lang === 'en' ? 'photographed' : 'in its language, no English left'}`, async () => {
      await visit('#/settings');
      await page.getByLabel(/Language|Мова|Язык/).selectOption(lang);
      await page.getByRole('button', { name: /^(Save|Зберегти|Сохранить)$/ }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
      const found: string[] = [];
      for (const p of SHELL) {
        await visit(`#/${p}`);
        await page.screenshot({ path: `test-results/screenshots/pages/${p}-${lang}.png`, fullPage: true, timeout: 120_000 });
        if (lang !== 'en') found.push(...(await problems(`${lang} #/${p}`, false)));
        found.push(...(await seriousAxeFindings(page)).map((f) => `${lang} #/${p} axe: ${f}`));
      }
      for (const s of SECTIONS) {
        await visit(`#/account/${s}`);
        await page.screenshot({ path: `test-results/screenshots/pages/account-${s}-${lang}.png`, fullPage: true, timeout: 120_000 });
        if (lang !== 'en') found.push(...(await problems(`${lang} #/account/${s}`, true)));
        found.push(...(await seriousAxeFindings(page)).map((f) => `${lang} #/account/${s} axe: ${f}`));
      }
      expect([...new Set(found)]).toEqual([]);
      // Sixteen pages, each photographed and checked by axe, on a shared 2-core machine.
    }, 900_000);
  }
});
