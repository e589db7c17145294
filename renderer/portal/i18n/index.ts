// The portal's language: the one the subscriber chose here before (kept in this browser),
// else the first of the browser's languages that we have. Its strings sit under `portal.`
// beside the app's catalogue, which the shared account pages use.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../src/shared/app-contract';
import { resources as appResources, systemLanguage } from '../../src/i18n';
import { en } from './en';
import { ru } from './ru';
import { uk } from './uk';

export const LANGUAGES: readonly Language[] = ['uk', 'ru', 'en'];
const KEY = 'assa.portal.language';

export const portalStrings = { uk, ru, en } as const;

export function chosenLanguage(stored: string | null, browser: readonly string[]): Language {
  return stored && (LANGUAGES as readonly string[]).includes(stored) ? (stored as Language) : systemLanguage(browser);
}

export async function initPortalI18n(): Promise<Language> {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch {
    stored = null; // storage switched off: the browser's language then
  }
  const lng = chosenLanguage(stored, navigator.languages);
  const resources = Object.fromEntries(LANGUAGES.map((l) => [l, { translation: { ...appResources[l].translation, portal: portalStrings[l] } }]));
  await i18next.use(initReactI18next).init({ resources, lng, fallbackLng: 'en', interpolation: { escapeValue: false }, returnNull: false });
  document.documentElement.lang = lng;
  return lng;
}

export async function switchLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(KEY, lng);
  } catch {
    // not kept: the choice holds for this page only
  }
  document.documentElement.lang = lng;
  await i18next.changeLanguage(lng);
}
