// M-USSD-1 in Debian's Chromium on the real stack: `assa start --virtual-profile generic-3gpp`
// (the virtual Huawei E1550 on 3G, the embedded ASSA). The Messages page's USSD card sends a
// code through the app's AT channel to the virtual network: a menu that waits for an answer,
// the answer, the balance shortcut, and Cancel, which ends the session on the network too.
// Then the default CDMA stick (huawei-ec): the card says why there is no USSD. axe clean and
// screenshots in uk, ru and en on both.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium';
import { openUi, seriousAxeFindings as axe, type UiSession } from '../support/ui-session';

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();

async function setLanguage(page: Page, lang: 'uk' | 'ru' | 'en') {
  await page.evaluate(() => (location.hash = '#/settings'));
  await page.getByLabel(/Language|Мова|Язык/).selectOption(lang);
  await page.getByRole('button', { name: /^(Save|Зберегти|Сохранить)$/ }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
  await page.evaluate(() => (location.hash = '#/messages'));
}

describe.skipIf(!hasChromium)('USSD on the 3G virtual modem', () => {
  let ui: UiSession;
  let page: Page;

  beforeAll(async () => {
    ui = await openUi(['--virtual-transport', 'in-process', '--virtual-profile', 'generic-3gpp'], '#/messages');
    page = ui.page;
  }, 180_000);
  afterAll(async () => ui?.close());

  it('a menu (*100#) waits for an answer; the answer "1" gets the balance and ends the session', async () => {
    await expect.poll(() => page.getByTestId('ussd-send').isEnabled(), { timeout: 60_000 }).toBe(true);
    await page.getByTestId('ussd-code').fill('*100#');
    await page.getByTestId('ussd-send').click();
    await expect.poll(() => page.getByTestId('ussd-answer').count(), { timeout: 30_000 }).toBe(1);
    expect(await text(page, 'ussd-session')).toContain('1 - balans, 2 - taryf');
    expect(await text(page, 'ussd-status')).toBe('The network waits for your answer.');
    await page.getByTestId('ussd-answer').fill('1');
    await page.getByTestId('ussd-answer-send').click();
    await expect.poll(() => text(page, 'ussd-session'), { timeout: 30_000 }).toContain('Balans: 29.00 grn');
    // Both steps stay on screen, in order; nothing waits any more.
    expect(await page.getByTestId('ussd-session').locator('li').count()).toBe(2);
    expect(await page.getByTestId('ussd-answer').count()).toBe(0);
    expect(await text(page, 'ussd-status')).toBe('');
    await ui.shot('ussd-3g-menu-en');
    expect(await axe(page)).toEqual([]);
  });

  it('the balance shortcut asks *111# in one click, as a new session', async () => {
    await page.getByTestId('ussd-balance').click();
    await expect.poll(() => page.getByTestId('ussd-session').locator('li').count(), { timeout: 30_000 }).toBe(1);
    expect(await text(page, 'ussd-session')).toMatch(/^\*111#\s*Balans: 29\.00 grn$/);
  });

  it('Cancel ends an open menu on the network: the next answer "1" is no longer a menu choice', async () => {
    await page.getByTestId('ussd-code').fill('*100#');
    await page.getByTestId('ussd-send').click();
    await expect.poll(() => page.getByTestId('ussd-cancel').count(), { timeout: 30_000 }).toBe(1);
    await page.getByTestId('ussd-cancel').click();
    await expect.poll(() => text(page, 'ussd-status')).toBe('The session is ended.');
    expect(await page.getByTestId('ussd-session').count()).toBe(0);
    expect(await page.getByTestId('ussd-answer').count()).toBe(0);
    // "1" outside a menu is a code the network does not know, and the card says so in words.
    await page.getByTestId('ussd-code').fill('1');
    await page.getByTestId('ussd-send').click();
    await expect.poll(() => text(page, 'ussd-session'), { timeout: 30_000 }).toContain('The network does not know this code.');
    // The Cancel words went with that action.
    expect(await text(page, 'ussd-status')).toBe('');
  });

  it('uk and ru: the menu in the user’s language around the network’s text; axe clean', async () => {
    for (const lang of ['uk', 'ru'] as const) {
      await setLanguage(page, lang);
      await expect.poll(() => page.getByTestId('ussd-send').isEnabled(), { timeout: 30_000 }).toBe(true);
      await page.getByTestId('ussd-code').fill('*100#');
      await page.getByTestId('ussd-send').click();
      await expect.poll(() => page.getByTestId('ussd-answer').count(), { timeout: 30_000 }).toBe(1);
      expect(await text(page, 'ussd-status')).toBe(lang === 'uk' ? 'Мережа чекає на вашу відповідь.' : 'Сеть ждёт вашего ответа.');
      await ui.shot(`ussd-3g-menu-${lang}`);
      expect(await axe(page)).toEqual([]);
      await page.getByTestId('ussd-cancel').click();
      await expect.poll(() => page.getByTestId('ussd-answer').count()).toBe(0);
    }
    await setLanguage(page, 'en');
  });

  it('has no page errors', () => expect(ui.pageErrors).toEqual([]));
});

describe.skipIf(!hasChromium)('USSD on the CDMA virtual modem (huawei-ec, the default)', () => {
  let ui: UiSession;
  let page: Page;

  beforeAll(async () => {
    ui = await openUi(['--virtual-transport', 'in-process'], '#/messages');
    page = ui.page;
  }, 180_000);
  afterAll(async () => ui?.close());

  it('says why there is no USSD, with no form to send one; in uk, ru and en; axe clean', async () => {
    await expect.poll(() => page.getByTestId('ussd-unsupported').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByTestId('ussd-code').count()).toBe(0);
    expect(await text(page, 'ussd-unsupported')).toMatch(/USSD is a 3G \(GSM\/UMTS\) service, and this modem is CDMA/);
    await ui.shot('ussd-cdma-en');
    expect(await axe(page)).toEqual([]);
    for (const [lang, words] of [['uk', /цей модем CDMA/], ['ru', /этот модем CDMA/]] as const) {
      await setLanguage(page, lang);
      await expect.poll(() => text(page, 'ussd-unsupported')).toMatch(words);
      await ui.shot(`ussd-cdma-${lang}`);
      expect(await axe(page)).toEqual([]);
    }
  });

  it('has no page errors', () => expect(ui.pageErrors).toEqual([]));
});
