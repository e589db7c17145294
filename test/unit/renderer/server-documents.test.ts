// A-HLP-2 / A-SVC-3 in every language: the screens know every document the server sends
// by id, and their English is the server's own words (so the three stay one text).
import { describe, expect, it } from 'vitest';
import { serverDocuments } from '../../../renderer/src/i18n/server-documents';
import { DEMO_CATALOGUE_TEXTS, demoText } from '../../../src/assa/store/demo-catalogue-texts';
import { DEMO_SERVICES, DEMO_TARIFFS } from '../../../src/assa/store/demo-data';
import { UNSUPPORTED_OPERATIONS } from '../../../src/assa/domain/unsupported-operations';
import { TERMS_OF_USE } from '../../../src/assa/services/terms-service';

describe('server documents on screen', () => {
  it('A-HLP-2 has uk/ru/en words for every operation the server lists, the English being the server’s', () => {
    for (const op of UNSUPPORTED_OPERATIONS) {
      expect(serverDocuments.en.unsupported[op.id], op.id).toEqual({ operation: op.operation, reason: op.reason, whereToGo: op.whereToGo });
      for (const lang of ['uk', 'ru'] as const) expect(serverDocuments[lang].unsupported[op.id]?.operation, `${lang} ${op.id}`).toMatch(/[а-яіїєґ]/i);
    }
    expect(Object.keys(serverDocuments.uk.unsupported).sort()).toEqual(UNSUPPORTED_OPERATIONS.map((o) => o.id).sort());
  });
  it('A-SVC-3 terms of use are the server’s in English and translated in uk/ru', () => {
    expect(serverDocuments.en.terms).toBe(TERMS_OF_USE);
    expect(serverDocuments.uk.terms).not.toBe(TERMS_OF_USE);
    expect(serverDocuments.ru.terms).not.toBe(TERMS_OF_USE);
  });
});

describe('the demo catalogue’s words (loaded into catalogue_texts)', () => {
  const DEMO_CATALOGUE = [...DEMO_TARIFFS, ...DEMO_SERVICES];
  it('has uk/ru/en words for every tariff and service of the demo catalogue, the English being the item’s own row', () => {
    for (const item of DEMO_CATALOGUE) {
      expect(demoText('en', item.id), item.id).toEqual({ name: item.name, description: item.description, terms: 'terms' in item ? item.terms : '' });
      for (const lang of ['uk', 'ru'] as const) {
        const w = demoText(lang, item.id);
        expect(w?.name, `${lang} ${item.id}`).toMatch(/[а-яіїєґ]/i);
        expect(w?.description, `${lang} ${item.id}`).toMatch(/[а-яіїєґ]/i);
        if ('terms' in item && item.terms) expect(w?.terms, `${lang} ${item.id}`).toMatch(/[а-яіїєґ]/i);
      }
    }
    for (const lang of ['uk', 'ru', 'en'] as const) expect(Object.keys(DEMO_CATALOGUE_TEXTS[lang]).sort()).toEqual(DEMO_CATALOGUE.map((i) => i.id).sort());
  });
});
