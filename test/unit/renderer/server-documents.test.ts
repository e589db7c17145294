// A-HLP-2 / A-SVC-3 in every language: the screens know every document the server sends
// by id, and their English is the server's own words (so the three stay one text).
import { describe, expect, it } from 'vitest';
import { serverDocuments } from '../../../renderer/src/i18n/server-documents';
import { DEMO_SERVICES, DEMO_TARIFFS } from '../../../src/assa/store/demo-data';
import { UNSUPPORTED_OPERATIONS } from '../../../src/assa/domain/unsupported-operations';
import { TERMS_OF_USE } from '../../../src/assa/http/routes/services-routes';

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

describe('the built-in catalogue on screen', () => {
  const DEMO_CATALOGUE_IDS = [...DEMO_TARIFFS, ...DEMO_SERVICES].map((i) => [i.id, i.name] as const);
  it('has uk/ru/en names for every tariff and service of the demo catalogue, the English being the server’s', () => {
    for (const [id, name] of DEMO_CATALOGUE_IDS) {
      expect(serverDocuments.en.catalogue[id]?.name, id).toBe(name);
      expect(serverDocuments.uk.catalogue[id]?.name, id).toBeTruthy();
      expect(serverDocuments.ru.catalogue[id]?.name, id).toBeTruthy();
    }
  });
});
