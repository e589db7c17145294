// The language of a catalogue request: ?lang= first, then Accept-Language as browsers and
// Electron send it, then Ukrainian.
import { describe, expect, it } from 'vitest';
import { chooseCatalogueLang, languageOf } from './catalogue-texts';

// Real headers: Chromium/Electron with a Ukrainian, Russian, English system; Firefox; curl sends none.
const HEADERS: Array<[string | undefined, 'uk' | 'ru' | 'en' | null]> = [
  ['uk-UA,uk;q=0.9,en-US;q=0.8,en;q=0.7', 'uk'],
  ['ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7', 'ru'],
  ['en-US,en;q=0.9', 'en'],
  ['en-GB;q=0.5,en;q=0.4,uk;q=0.9', 'uk'], // the weight decides, not the order
  ['de-DE,de;q=0.9,ru;q=0.5', 'ru'], // a language we lack is passed over
  ['uk;q=0,en', 'en'], // q=0 refuses
  ['fr-FR,fr;q=0.9', null],
  ['*', 'uk'],
  ['RU', 'ru'],
  ['uk;q=abc,ru;q=0.4', 'ru'], // a broken weight is not read as 1
  ['', null],
  [undefined, null],
];

describe('catalogue language', () => {
  it.each(HEADERS)('Accept-Language %j → %s', (header, lang) => {
    expect(languageOf(header)).toBe(lang);
  });
  it('?lang= wins over the header; a language we lack in it is ignored', () => {
    expect(chooseCatalogueLang('ru', 'uk-UA,uk')).toBe('ru');
    expect(chooseCatalogueLang('de', 'en-US')).toBe('en');
    expect(chooseCatalogueLang(undefined, undefined)).toBe('uk');
  });
});
