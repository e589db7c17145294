// U-ACC-1: the account's sections, each its own page under #/account/<section>, the same
// in the app and in the portal.
import { useEffect, useState } from 'react';

export const SECTIONS = ['data', 'funds', 'payments', 'details', 'services', 'tariff', 'utilities', 'group', 'security', 'help'] as const;
export type Section = (typeof SECTIONS)[number];

/** The section a hash names; Data by number (the seed's default) for anything else. */
export function sectionFromHash(hash: string): Section {
  const s = hash.replace(/^#\/?/, '').split('/')[1] ?? '';
  return (SECTIONS as readonly string[]).includes(s) ? (s as Section) : 'data';
}

export function useSection(): Section {
  const [section, setSection] = useState<Section>(() => sectionFromHash(location.hash));
  useEffect(() => {
    const on = () => setSection(sectionFromHash(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return section;
}
