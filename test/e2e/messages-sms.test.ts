// M-SMS-1 for the user, in Debian's Chromium on the real stack (`assa start`, the embedded
// ASSA, the virtual CDMA stick): registration brings 2772's replies, announced once each;
// the inbox's folders and unread marks (gone when a message is opened, and still gone on the
// next visit); a new SMS in Ukrainian to the own number, which the virtual network delivers
// back; a reply to it in Russian; delete. axe clean and screenshots in uk, ru and en.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium';
import { openUi, seriousAxeFindings as axe, type UiSession, registerWithPassword } from '../support/ui-session';

const UKRAINIAN = 'Привіт! Їжак ґанок і єнот — перевірка SMS.';
const RUSSIAN = 'Съешь же ещё этих мягких французских булок.';

describe.skipIf(!hasChromium)('the SMS inbox on the virtual modem', () => {
  let ui: UiSession;
  let page: Page;

  beforeAll(async () => {
    ui = await openUi(['--virtual-transport', 'in-process'], '#/account/data');
    page = ui.page;
  }, 180_000);
  afterAll(async () => ui?.close());

  const text = async (testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();
  const visit = async (hash: string) => {
    await page.evaluate((h) => (location.hash = h), hash);
    await page.waitForLoadState('networkidle').catch(() => undefined);
  };
  const items = () => page.getByTestId('sms-list').locator('li[data-testid^="sms-item-"]');
  const itemWith = (words: string) => items().filter({ hasText: words });
  const indexOf = async (words: string) => Number(((await itemWith(words).first().getAttribute('data-testid')) ?? '').replace('sms-item-', ''));
  const folderCount = async (f: 'inbox' | 'unread' | 'sent') => Number(/\((\d+)\)/.exec(await text(`sms-folder-${f}`))?.[1] ?? NaN);

  it('registration reads 2772’s replies: one "New SMS" per message, never stacked', async () => {
    await registerWithPassword(page);
    await visit('#/messages');
    await expect.poll(() => itemWith('2772').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    const from2772 = await itemWith('2772').count();
    // One line on screen for the sender, counting each message once.
    const lines = page.getByTestId('notification').filter({ hasText: '2772' });
    await expect.poll(() => lines.count()).toBe(1);
    expect(await lines.first().textContent()).toContain(from2772 === 1 ? 'New SMS from 2772' : `${from2772} new SMS from 2772`);
  });

  it('unread marks: the Unread folder lists them; opening a message clears its mark, also on the next visit', async () => {
    const unread = await folderCount('unread');
    expect(unread).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('sms-list').locator('li.unread').count()).toBe(unread);
    await page.getByTestId('sms-folder-unread').click();
    expect(await items().count()).toBe(unread);
    await page.getByTestId('sms-folder-inbox').click();
    const first = await indexOf('2772');
    await ui.shot('sms-inbox-unread-en');
    await page.getByTestId(`sms-open-${first}`).click();
    expect(await text(`sms-text-${first}`)).not.toBe('');
    await expect.poll(() => page.getByTestId(`sms-item-${first}`).getAttribute('class')).toBeNull();
    expect(await folderCount('unread')).toBe(unread - 1);
    // The mark is the app's, not the page's: another page and back, and it stays cleared.
    await visit('#/dashboard');
    await visit('#/messages');
    await expect.poll(() => items().count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId(`sms-item-${first}`).getAttribute('class')).toBeNull();
    expect(await folderCount('unread')).toBe(unread - 1);
    expect(await axe(page)).toEqual([]);
  });

  it('compose in Ukrainian to the own number: the Sent folder has it and the network brings it back, letter for letter', async () => {
    await page.getByTestId('sms-to').fill('044 123 45 67');
    await page.getByTestId('sms-text').fill(UKRAINIAN);
    await page.getByTestId('sms-send').click();
    await expect.poll(() => text('sms-status'), { timeout: 30_000 }).toBe('The SMS is sent.');
    await expect.poll(() => itemWith(UKRAINIAN).count(), { timeout: 30_000 }).toBe(1);
    const back = await indexOf(UKRAINIAN);
    await page.getByTestId(`sms-open-${back}`).click();
    expect(await text(`sms-text-${back}`)).toBe(UKRAINIAN);
    await page.getByTestId('sms-folder-sent').click();
    expect(await page.getByTestId('sms-sent-item').filter({ hasText: UKRAINIAN }).count()).toBe(1);
    await page.getByTestId('sms-folder-inbox').click();
  });

  it('reply in Russian: the form is addressed to the sender; the answer comes back, letter for letter', async () => {
    const back = await indexOf(UKRAINIAN);
    if ((await page.getByTestId(`sms-reply-${back}`).count()) === 0) await page.getByTestId(`sms-open-${back}`).click();
    await page.getByTestId(`sms-reply-${back}`).click();
    // The sender as A-NUM-1 shows numbers, which is also a form sms.send takes.
    expect(await text(`sms-item-${back}`)).toContain('044 123 45 67');
    expect(await page.getByTestId('sms-to').inputValue()).toBe('044 123 45 67');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sms-text');
    await page.getByTestId('sms-text').fill(RUSSIAN);
    await page.getByTestId('sms-send').click();
    await expect.poll(() => itemWith(RUSSIAN).count(), { timeout: 30_000 }).toBe(1);
    const answer = await indexOf(RUSSIAN);
    await page.getByTestId(`sms-open-${answer}`).click();
    expect(await text(`sms-text-${answer}`)).toBe(RUSSIAN);
    await ui.shot('sms-inbox-open-en');
    expect(await axe(page)).toEqual([]);
  });

  it('delete: the message leaves the list and the modem’s memory', async () => {
    const answer = await indexOf(RUSSIAN);
    const before = await folderCount('inbox');
    if ((await page.getByTestId(`sms-delete-${answer}`).count()) === 0) await page.getByTestId(`sms-open-${answer}`).click();
    await page.getByTestId(`sms-delete-${answer}`).click();
    await expect.poll(() => itemWith(RUSSIAN).count()).toBe(0);
    expect(await folderCount('inbox')).toBe(before - 1);
    await visit('#/dashboard');
    await visit('#/messages');
    await expect.poll(() => folderCount('inbox')).toBe(before - 1);
    expect(await itemWith(RUSSIAN).count()).toBe(0);
  });

  it('uk and ru: the inbox in the user’s language; axe clean', async () => {
    for (const [lang, inbox] of [['uk', 'Вхідні'], ['ru', 'Входящие'], ['en', 'Inbox']] as const) {
      await visit('#/settings');
      await page.getByLabel(/Language|Мова|Язык/).selectOption(lang);
      await page.getByRole('button', { name: /^(Save|Зберегти|Сохранить)$/ }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await visit('#/messages');
      await expect.poll(() => text('sms-folder-inbox')).toMatch(new RegExp(`^${inbox} \\(\\d+\\)$`));
      await expect.poll(() => itemWith(UKRAINIAN).count()).toBe(1);
      await page.getByTestId(`sms-open-${await indexOf(UKRAINIAN)}`).click();
      await ui.shot(`sms-inbox-${lang}`);
      expect(await axe(page)).toEqual([]);
    }
  });

  it('has no page errors', () => expect(ui.pageErrors).toEqual([]));
});
