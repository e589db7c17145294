// Issue 18 in Debian's Chromium on the real stack (`assa start`, the embedded ASSA, the
// virtual modem): every account feature the server has, used once from its screen — the
// e-wallet and the card for another number, 3-D Secure with a wrong code, the right one and
// Cancel, an invoice downloaded, call forwarding to a number and to SIP, the SIP password,
// blocking in any number form, the operator's contacts — each error under its own control
// and gone with the next action; axe clean on each page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium';
import { openUi, seriousAxeFindings as axe, type UiSession, registerWithPassword } from '../support/ui-session';

describe.skipIf(!hasChromium)('every account feature on screen', () => {
  let ui: UiSession;
  let page: Page;

  beforeAll(async () => {
    ui = await openUi(['--virtual-transport', 'in-process'], '#/account/data');
    page = ui.page;
  });
  afterAll(async () => ui?.close());

  const open = async (section: string) => {
    await page.getByTestId(`acc-nav-${section}`).click();
    await expect.poll(() => page.getByTestId(`acc-nav-${section}`).getAttribute('aria-current')).toBe('page');
  };
  // Money is formatted with no-break spaces (Intl); the test reads it as a person does.
  const text = async (testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

  it('registers the number from a password (R-AUTO-1)', async () => {
    await registerWithPassword(page);
  });

  it('one number form: every form A-NUM-1 allows reads as the same number; a wrong one says why under the field', async () => {
    await open('payments');
    for (const typed of ['0441234568', '+380 44 123 45 68', '380441234568', '441234568', '(044) 123-45-68']) {
      await page.getByTestId('transfer-to').fill(typed);
      expect(await text('transfer-to-reads'), typed).toBe('Reads as 044 123 45 68');
    }
    await page.getByTestId('transfer-to').fill('04412345');
    await page.getByTestId('transfer-to').blur();
    expect(await text('transfer-to-reads')).toMatch(/9 digits after the 0/);
    expect(await page.getByTestId('transfer-to').getAttribute('aria-invalid')).toBe('true');
  });

  it('e-wallet top-up for another number, in any number form; a refusal shows under the wallet form only', async () => {
    await page.getByTestId('wallet-account').fill('UA-wallet-1');
    await page.getByTestId('wallet-amount').fill('25');
    await page.getByTestId('wallet-for').fill('+380 44 123 45 68');
    await page.getByTestId('wallet-submit').click();
    await expect.poll(() => text('wallet-status')).toMatch(/Paid UAH 25\.00 from the wallet/);
    await page.getByTestId('wallet-account').fill('please-decline');
    await page.getByTestId('wallet-submit').click();
    // The refusal names the account: it stands under that field.
    await expect.poll(() => page.locator('#wallet-account-err').count()).toBe(1);
    expect(await page.locator('#wallet-account-err').textContent()).toMatch(/e-wallet declined/i);
    expect(await text('wallet-status')).toBe('');
    // Under its own form: the card form and the transfer form say nothing.
    expect(await text('card-status')).toBe('');
    expect(await text('transfer-status')).toBe('');
  });

  it('a field the server refuses is named under that field, never as validator text', async () => {
    await page.getByTestId('card-number').fill('4111111111111111');
    await page.getByTestId('card-expiry').fill('13/99');
    await page.getByTestId('card-cvc').fill('123');
    await page.getByTestId('card-amount').fill('10');
    await page.getByTestId('card-submit').click();
    await expect.poll(() => page.locator('#card-expiry-err').count()).toBe(1);
    expect(await page.locator('#card-expiry-err').textContent()).toMatch(/Check the field .Valid until./);
    expect(await page.locator('body').innerText()).not.toMatch(/must match|body\//);
    // The next action clears it: the wallet's old refusal went already, this one goes now.
    expect(await text('wallet-status')).toBe('');
  });

  it('3-D Secure: a wrong code is said under the code field, the right one pays; Cancel leaves nothing waiting', async () => {
    await page.getByTestId('card-number').fill('4000 0000 0000 3220');
    await page.getByTestId('card-expiry').fill('12/30');
    await page.getByTestId('card-submit').click();
    await expect.poll(() => page.getByTestId('three-ds').count()).toBe(1);
    expect(await text('three-ds')).toMatch(/confirm UAH 10\.00/);
    await page.getByTestId('three-ds-code').fill('0000');
    await page.getByTestId('three-ds-confirm').click();
    // Either the server keeps the payment for another try (the code field says so) or it
    // ends it (the card form is back with its details): both say why, neither is a dead end.
    await expect.poll(async () => (await page.locator('#card-otp-err').count()) + (await page.getByTestId('card-status').count())).toBe(1);
    if ((await page.getByTestId('three-ds').count()) === 1) {
      await page.getByTestId('three-ds-code').fill('1234');
      await page.getByTestId('three-ds-confirm').click();
    } else {
      expect(await text('card-status')).toMatch(/bank|code/i);
      expect(await page.getByTestId('card-number').inputValue()).toBe('4000 0000 0000 3220');
      await page.getByTestId('card-submit').click();
      await expect.poll(() => page.getByTestId('three-ds').count()).toBe(1);
      await page.getByTestId('three-ds-code').fill('1234');
      await page.getByTestId('three-ds-confirm').click();
    }
    await expect.poll(() => text('card-status')).toMatch(/Paid UAH 10\.00/);
    // Another payment, cancelled at the code step (the CVC is asked again after a payment).
    expect(await page.getByTestId('card-cvc').inputValue()).toBe('');
    await page.getByTestId('card-cvc').fill('123');
    await page.getByTestId('card-submit').click();
    await expect.poll(() => page.getByTestId('three-ds').count()).toBe(1);
    await page.getByTestId('three-ds-cancel').click();
    await expect.poll(() => text('card-status')).toMatch(/cancelled; nothing was charged/);
    expect(await page.getByTestId('card-submit').isEnabled()).toBe(true);
    await ui.shot('features-payments');
    expect(await axe(page)).toEqual([]);
  });

  it('Movement of funds lists the payments in words and the invoice of a month downloads', async () => {
    await open('funds');
    await expect.poll(() => page.getByTestId('funds-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    // The server's English line is shown in English; the kind of the movement is what counts.
    expect(await page.getByTestId('funds-table').textContent()).toMatch(/Card payment/);
    const month = await page.getByTestId('invoice-month').inputValue();
    await page.getByTestId('invoice-month').selectOption({ index: 0 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('invoice-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^invoice-\d{4}-\d{2}\.html$/);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(path, 'utf8');
    expect(html).toMatch(/Tax invoice for \d{4}-\d{2}/);
    expect(html).toMatch(/incl\. VAT 20%/);
    expect(month).toMatch(/^\d{4}-\d{2}$/);
    await expect.poll(() => text('invoice-status')).toMatch(/downloaded/);
    expect(await axe(page)).toEqual([]);
  });

  it('Utilities: forwarding needs its service, then forwards on no answer after 15 s to a number, then to SIP; then off', async () => {
    await open('utilities');
    await page.getByTestId('fwd-kind-no-answer').check();
    await page.getByTestId('fwd-target').fill('+380 44 123 45 68');
    await page.getByTestId('fwd-wait').fill('15');
    await page.getByTestId('fwd-save').click();
    // The service is off in the demo: the server refuses, in words, under the form.
    await expect.poll(() => text('fwd-status')).not.toBe('');
    if (!/saved/.test(await text('fwd-status'))) {
      await open('services');
      // The section shows nothing until GET /services is answered: then either the terms gate
      // (terms not accepted yet: 403 terms_required) or the list. Decided before that, the
      // gate was missed and the toggles never came (a 15 s poll timeout, 1 run in 5).
      await expect.poll(async () => (await page.getByTestId('terms-check').count()) + (await page.getByTestId('service-toggle-call-forwarding').count())).toBe(1);
      if ((await page.getByTestId('terms-check').count()) === 1) {
        await page.getByTestId('terms-check').check();
        await page.getByTestId('terms-accept').click();
      }
      for (const id of ['call-forwarding', 'sip-forwarding']) {
        const toggle = page.getByTestId(`service-toggle-${id}`);
        await expect.poll(() => toggle.count()).toBe(1);
        if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
        await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
      }
      await open('utilities');
      await page.getByTestId('fwd-kind-no-answer').check();
      await page.getByTestId('fwd-target').fill('+380 44 123 45 68');
      await page.getByTestId('fwd-wait').fill('15');
      await page.getByTestId('fwd-save').click();
    }
    await expect.poll(() => text('fwd-status')).toBe('Forwarding saved.');
    await expect.poll(() => text('fwd-current')).toBe('Now: When there is no answer, to 044 123 45 68');
    await page.getByTestId('fwd-kind-busy').check();
    await page.getByTestId('fwd-target').fill('sip:olena@voip.example');
    await expect.poll(() => page.getByTestId('fwd-wait').count()).toBe(0);
    await page.getByTestId('fwd-save').click();
    await expect.poll(() => text('fwd-current')).toBe('Now: When the line is busy, to SIP address sip:olena@voip.example');
    await page.getByTestId('sip-password').fill('Kvitka2026sip');
    await page.getByTestId('sip-save').click();
    await expect.poll(() => text('sip-status')).toBe('The SIP password is set.');
    // The forwarding form's words went with that action.
    expect(await text('fwd-status')).toBe('');
    await page.getByTestId('fwd-clear').click();
    await expect.poll(() => text('fwd-current')).toBe('Calls are not forwarded.');
    await page.getByTestId('block-number').fill('+380 (44) 765-43-21');
    await page.getByTestId('block-submit').click();
    await expect.poll(() => text('blocked-list')).toMatch(/044 765 43 21/);
    await ui.shot('features-utilities');
    expect(await axe(page)).toEqual([]);
  });

  it('Help shows the operator’s contacts', async () => {
    await open('help');
    await expect.poll(() => page.getByTestId('help-contacts').count()).toBe(1);
    expect(await text('help-contacts')).toMatch(/0 800 300 900/);
    expect(await axe(page)).toEqual([]);
  });

  it('has no page errors', () => expect(ui.pageErrors).toEqual([]));
});
