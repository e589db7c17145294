// Operator API errors in the console's language (issue 18): every code the operator side of
// the server can answer with has words in uk, ru and en (read from the server's sources, so a
// new code without words fails here), and no English server message reaches a uk/ru console.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/operator/api';
import { consoleErrorText } from '../../../renderer/operator/error-words';
import { resources } from '../../../renderer/operator/i18n';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(n) && !/\.test\.ts$/.test(n) ? [p] : [];
  });

function operatorCodes(): string[] {
  const codes = new Set<string>();
  for (const f of files(path.resolve('src/assa/operator'))) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/fail\(\s*\d{3},\s*'([a-z0-9_]+)'/g)) codes.add(m[1]!);
    // the CSV import's and the adjustment rule's own codes (answered as they are)
    for (const m of text.matchAll(/code: '([a-z0-9_]+)'/g)) codes.add(m[1]!);
  }
  return [...codes].sort();
}

describe('operator console: error codes in words', () => {
  const codes = operatorCodes();
  it('finds the codes in the operator sources', () => {
    expect(codes.length).toBeGreaterThan(30);
    expect(codes).toEqual(expect.arrayContaining(['forbidden_role', 'weak_password', 'duplicate_in_file']));
  });
  for (const lng of ['en', 'uk', 'ru'] as const) {
    it(`${lng} has words for every code`, () => {
      expect(codes.filter((c) => !(c in resources[lng].translation.errors.codes))).toEqual([]);
    });
  }
  it('uk and ru word every code differently from English', () => {
    for (const [code, text] of Object.entries(resources.en.translation.errors.codes)) {
      expect(resources.uk.translation.errors.codes[code as never], code).not.toBe(text);
      expect(resources.ru.translation.errors.codes[code as never], code).not.toBe(text);
    }
  });

  const i = i18next.createInstance();
  beforeAll(async () => {
    await i.init({ resources, lng: 'uk', fallbackLng: 'en', interpolation: { escapeValue: false } });
  });
  const say = async (lng: string, e: unknown) => {
    await i.changeLanguage(lng);
    return consoleErrorText(i.t.bind(i), lng, e);
  };

  it('a weak password names the rules it breaks, in the console language', async () => {
    const weak = new ApiError(400, 'weak_password', 'The password must be 12 to 128 characters long. Add at least one letter.', 'newPassword', { rules: ['length', 'letter'] });
    expect(await say('uk', weak)).toBe('Від 12 до 128 символів. Додайте хоча б одну літеру.');
    expect(await say('en', weak)).toBe('Use 12 to 128 characters. Add at least one letter.');
  });
  it('a code the console has no words for: its code in uk/ru, the server message only in English', async () => {
    const odd = new ApiError(409, 'brand_new_rule', 'Something only the server can say.');
    expect(await say('uk', odd)).toBe('Сервер відмовив (brand_new_rule).');
    expect(await say('ru', odd)).toBe('Сервер отказал (brand_new_rule).');
    expect(await say('en', odd)).toBe('Something only the server can say.');
  });
  it('a validator’s words never reach the screen; the field gets its label', async () => {
    expect(await say('uk', new ApiError(400, 'invalid_request', 'body/count must be >= 1', 'count'))).toBe('Перевірте поле «Скільки кодів».');
  });
  it('a wrong current password, a role that may not, a server that cannot be reached', async () => {
    expect(await say('ru', new ApiError(403, 'bad_credentials', 'The current password is wrong.', 'oldPassword'))).toBe('Текущий пароль неверный.');
    expect(await say('uk', new ApiError(403, 'forbidden_role', 'The support role may not do this.', undefined, { permission: 'operators.manage' }))).toBe('Ваша роль не дозволяє цієї дії.');
    expect(await say('uk', new TypeError('Failed to fetch'))).toBe('Сервер недоступний. Перевірте з’єднання і спробуйте ще раз.');
  });
  it('codes both sides send take the subscriber side’s words (one text per code)', async () => {
    expect(await say('uk', new ApiError(400, 'invalid_number', 'x'))).toBe((resources.uk.translation.errors.codes as Record<string, string>).invalid_number);
  });
});
