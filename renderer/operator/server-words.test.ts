// The server's kinds and lines in the console's language (issue 18).
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from './i18n';
import { auditAction, auditTarget, movementDescription, movementKind, operationKind, operationReason, operationValue } from './server-words';

describe('operator console: server words by code', () => {
  const i = i18next.createInstance();
  beforeAll(async () => {
    await i.init({ resources, lng: 'uk', fallbackLng: 'en', interpolation: { escapeValue: false } });
  });
  it('kinds, actions, values and system reasons in Ukrainian; unknown codes as they are', async () => {
    await i.changeLanguage('uk');
    const t = i.t.bind(i);
    expect([movementKind(t, 'voucher'), operationKind(t, 'create'), auditAction(t, 'subscriber.create'), operationValue(t, 'uk', 'resume', 'suspended'), operationReason(t, 'new subscriber')]).toEqual(['Картка поповнення', 'Створено', 'створено абонента', 'призупинений', 'новий абонент']);
    expect(operationValue(t, 'uk', 'adjustment', '500')).toMatch(/^5,00\s₴$/);
    expect(movementKind(t, 'brand_new')).toBe('brand_new');
    expect([auditTarget(t, 'voucher_batch:3'), auditTarget(t, 'subscriber:445550701'), auditTarget(t, 'odd:1'), auditTarget(t, null)]).toEqual(['партія карток 3', 'абонент 445550701', 'odd:1', '—']);
    expect(operationReason(t, 'kompensatsiia')).toBe('kompensatsiia');
  });
  it('movement lines: known patterns worded again with their parts; unknown ones by kind; English as the server wrote it', async () => {
    await i.changeLanguage('ru');
    const t = i.t.bind(i);
    expect(movementDescription(t, 'ru', 'adjustment', 'Opening balance (operator olena)')).toBe('Начальный баланс (оператор olena)');
    expect(movementDescription(t, 'ru', 'voucher', 'Scratch card 75 UAH from 441234567')).toBe('Карта пополнения на 75 грн от 441234567');
    expect(movementDescription(t, 'ru', 'payment', 'Card payment')).toBe('Платёж');
    await i.changeLanguage('en');
    expect(movementDescription(i.t.bind(i), 'en', 'payment', 'Card payment')).toBe('Card payment');
  });
});
