// U-I18N-1: Ukrainian (default), Russian and English through i18next.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../src/shared/app-contract';
import { en } from './en';
import { ru } from './ru';
import { serverDocuments } from './server-documents';
import { serverErrorTexts } from './server-error-texts';
import { uk } from './uk';

/** A language's catalogue with the words for every server error code (the app's own win) and the server's documents. */
function withServerTexts<L extends typeof en>(base: L, server: (typeof serverErrorTexts)['en'], docs: (typeof serverDocuments)['en']) {
  return { ...base, docs, errors: { ...server, ...base.errors, codes: { ...server.codes, ...base.errors.codes } } };
}

export const resources = {
  uk: { translation: withServerTexts(uk, serverErrorTexts.uk, serverDocuments.uk) },
  ru: { translation: withServerTexts(ru, serverErrorTexts.ru, serverDocuments.ru) },
  en: { translation: withServerTexts(en, serverErrorTexts.en, serverDocuments.en) },
} as const;

/** The first of the system's languages that we have; English otherwise. */
export function systemLanguage(preferred: readonly string[] = navigator.languages): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'uk' || base === 'ru' || base === 'en') return base;
  }
  return 'en';
}

export async function initI18n(lng: Language) {
  await i18next.use(initReactI18next).init({ resources, lng, fallbackLng: 'en', interpolation: { escapeValue: false }, returnNull: false });
  return i18next;
}

export function setLanguage(lng: Language) {
  document.documentElement.lang = lng;
  return i18next.changeLanguage(lng);
}
