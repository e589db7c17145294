// U-TRAY-1 / U-I18N-1: the balance notice carries kopecks; each language formats the money
// its own way (the core never sends "1.00 UAH").
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { noteText } from '../../../renderer/src/components/Notifications';
import { resources } from '../../../renderer/src/i18n';

beforeAll(async () => {
  await i18next.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
});

const note = (params: Record<string, string | number>) => ({ note: { type: 'notification' as const, id: 'b', level: 'warning' as const, code: 'balance_short', text: 'x', at: '2026-11-17T10:00:00Z', params }, count: 1 });

describe('balance notice', () => {
  it.each([
    ['en', 'The balance is UAH 1.00 short of the fee due on the 1st'],
    ['uk', 'На рахунку бракує 1,00 ₴ до абонплати 1-го числа'],
    ['ru', 'На счёте не хватает 1,00 ₴ до абонплаты 1-го числа'],
  ] as const)('%s formats 100 kopecks in its own way', async (lang, text) => {
    await i18next.changeLanguage(lang);
    expect(noteText(i18next.t, lang, note({ shortKopecks: 100, feeDay: '2026-12-01' })).replace(/\u00a0/g, ' ')).toBe(text);
  });
  it('a thousand hryvnias keep their grouping per language', async () => {
    await i18next.changeLanguage('uk');
    expect(noteText(i18next.t, 'uk', note({ shortKopecks: 123456 })).replace(/\u00a0|\u202f/g, ' ')).toMatch(/1 234,56 ₴/);
  });
});
