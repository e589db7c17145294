import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorText } from './error-text';
import { resources } from './index';

describe('U-I18N-1 error text', () => {
  beforeAll(async () => {
    await i18next.init({ resources, lng: 'uk', fallbackLng: 'en', interpolation: { escapeValue: false } });
  });
  const t = (k: string, o?: Record<string, unknown>) => String(i18next.t(k, o as never));

  it('translates a server code and never shows its English message in Ukrainian', async () => {
    await i18next.changeLanguage('uk');
    const e = { status: 400, error: { code: 'voucher_used', message: 'That scratch card has already been used.' } };
    expect(errorText(t, e)).toBe('Цю картку поповнення вже використано.');
  });
  it("turns a validator's words into the field's label", async () => {
    await i18next.changeLanguage('ru');
    expect(errorText(t, { code: 'invalid_request', message: 'body/amount must be >= 1', field: 'amount' })).toBe('Проверьте поле «Сумма».');
    await i18next.changeLanguage('en');
    expect(errorText(t, { code: 'invalid_request', message: 'body/expiry must match pattern "^\\d\\d/\\d\\d$"', field: 'expiry' })).toBe('Check the field “Valid until”.');
  });
  it('shows an unknown code as a code in uk, and the server words only in English', async () => {
    await i18next.changeLanguage('uk');
    expect(errorText(t, { code: 'brand_new', message: 'A brand new rule.' })).toBe('Сервер відмовив (brand_new).');
    await i18next.changeLanguage('en');
    expect(errorText(t, { code: 'brand_new', message: 'A brand new rule.' })).toBe('A brand new rule.');
    expect(errorText(t, { code: 'brand_new', message: 'body/x must be string' })).toBe('The server refused (brand_new).');
  });
  it('a wrong current password in a change form is said as that, not as "wrong number or password"', async () => {
    await i18next.changeLanguage('uk');
    expect(errorText(t, { code: 'bad_credentials', message: 'The current password is wrong.', field: 'oldPassword' })).toBe('Поточний пароль неправильний.');
    expect(errorText(t, { code: 'bad_credentials', message: 'Wrong number or password.' })).toBe('Невірний номер або пароль.');
  });
});
