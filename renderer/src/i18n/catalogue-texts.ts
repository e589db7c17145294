// U-I18N-1: a catalogue item's words in the screen's language, as the server holds them
// (GET /api/v1/catalogue/texts?lang=...). Fetched once per language and shared by every
// screen; until they arrive, or for an item the server has no words for, the words the
// item's own answer carried.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountClient, type AccountClient } from '../pages/account/account-client';

export interface CatalogueText {
  name: string;
  description: string;
  terms: string;
}
export interface CatalogueTexts {
  lang: string;
  tariffs: Record<string, CatalogueText>;
  services: Record<string, CatalogueText>;
}
export type CatalogueField = keyof CatalogueText;

const cache = new Map<string, Promise<CatalogueTexts>>();

/** The server's texts for `lang` (one request per language; a failed one is asked again next time). */
export function loadCatalogueTexts(client: AccountClient, lang: string): Promise<CatalogueTexts> {
  let p = cache.get(lang);
  if (!p) {
    p = client.request<CatalogueTexts>('GET', '/api/v1/catalogue/texts', undefined, { query: { lang } });
    p.catch(() => cache.delete(lang));
    cache.set(lang, p);
  }
  return p;
}

/** The word of `field` for item `id`: the server's in this language, else `fromServer`. */
export function catalogueWord(texts: CatalogueTexts | null, id: string, field: CatalogueField, fromServer: string): string {
  const t = texts?.tariffs[id] ?? texts?.services[id];
  return t?.[field] || fromServer;
}

export function useCatalogueText(): (id: string, field: CatalogueField, fromServer: string) => string {
  const client = useAccountClient();
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const [texts, setTexts] = useState<CatalogueTexts | null>(null);
  useEffect(() => {
    let live = true;
    loadCatalogueTexts(client, lang).then(
      (t) => live && setTexts(t),
      () => live && setTexts(null),
    );
    return () => {
      live = false;
    };
    // The client object is made anew by its host's render; the server behind it is the same.
  }, [lang]);
  return (id, field, fromServer) => catalogueWord(texts?.lang === lang ? texts : null, id, field, fromServer);
}
