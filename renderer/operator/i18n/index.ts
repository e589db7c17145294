// The console's own i18next instance (uk default, ru, en), apart from the app's.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { serverErrorTexts } from '../../src/i18n/server-error-texts';
import { en, type Catalogue } from './en';
import { ru } from './ru';
import { uk } from './uk';

export type ConsoleLanguage = 'uk' | 'ru' | 'en';
export const LANGUAGES: readonly ConsoleLanguage[] = ['uk', 'ru', 'en'];
/**
 * The console's words, with the subscriber side's words for the error codes both sides of the
 * server send (invalid_number, unknown_group…): one text per code, the console's own where it
 * words one for an operator.
 */
const withServerCodes = (c: Catalogue, lng: ConsoleLanguage) => ({
  ...c,
  errors: { ...c.errors, codes: { ...serverErrorTexts[lng].codes, ...c.errors.codes }, fields: { ...serverErrorTexts[lng].fields, ...c.errors.fields } },
});
export const resources = { uk: { translation: withServerCodes(uk, 'uk') }, ru: { translation: withServerCodes(ru, 'ru') }, en: { translation: withServerCodes(en, 'en') } } as const;

export function pickLanguage(saved: string | null, preferred: readonly string[]): ConsoleLanguage {
  if (saved === 'uk' || saved === 'ru' || saved === 'en') return saved;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'uk' || base === 'ru' || base === 'en') return base;
  }
  return 'uk';
}

export async function initConsoleI18n(lng: ConsoleLanguage) {
  const i = i18next.createInstance();
  await i.use(initReactI18next).init({ resources, lng, fallbackLng: 'en', interpolation: { escapeValue: false }, returnNull: false });
  document.documentElement.lang = lng;
  return i;
}
