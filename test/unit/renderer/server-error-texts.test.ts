// U-I18N-1: every error code the subscriber's side of ASSA can answer with has words in
// uk, ru and en, so no English server message reaches a Ukrainian or Russian screen. The
// codes are read from the server's sources, so a new code without words fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { serverErrorTexts } from '../../../renderer/src/i18n/server-error-texts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'operator' ? [] : sources(p); // the console has its own words
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [p] : [];
  });
}

function serverCodes(): string[] {
  const codes = new Set<string>();
  for (const file of sources(path.resolve('src/assa'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/fail\(\s*\d{3},\s*'([a-z_]+)'/g)) codes.add(m[1] ?? '');
    // Rules that answer with a code of their own (the routes pass it on as it is).
    if (file.includes(`${path.sep}domain${path.sep}`)) for (const m of text.matchAll(/code: '([a-z_]+)'/g)) codes.add(m[1] ?? '');
  }
  codes.delete('');
  return [...codes].sort();
}

describe('U-I18N-1 server error codes on screen', () => {
  const codes = serverCodes();
  it('finds the codes in the server sources', () => {
    expect(codes.length).toBeGreaterThan(40);
    expect(codes).toContain('ownership_unproven');
  });
  for (const lang of ['en', 'uk', 'ru'] as const) {
    it(`${lang} has words for every code`, () => {
      const have = { ...serverErrorTexts[lang].codes, ...(lang === 'en' ? en.errors.codes : {}) };
      expect(codes.filter((c) => !(c in have) && c !== 'invalid_request' && c !== 'bad_request')).toEqual([]);
    });
  }
  it('uk and ru word every code differently from English', () => {
    for (const [code, text] of Object.entries(serverErrorTexts.en.codes)) {
      expect(serverErrorTexts.uk.codes[code], code).not.toBe(text);
      expect(serverErrorTexts.ru.codes[code], code).not.toBe(text);
    }
  });
});
