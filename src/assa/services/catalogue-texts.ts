// U-I18N-1: the catalogue's names, descriptions and terms in the subscriber's language.
// The language is the one asked for by ?lang=, else the best of Accept-Language, else
// Ukrainian (the operator's country).
import type { AssaStore } from '../store/assa-store';
import { CatalogueTextStore, type CatalogueLang, type CatalogueText } from '../store/catalogue-text-store';

export const CATALOGUE_LANGS: readonly CatalogueLang[] = ['uk', 'ru', 'en'];
export const DEFAULT_CATALOGUE_LANG: CatalogueLang = 'uk';

/**
 * The language of an Accept-Language header (RFC 9110 12.5.4): the highest-weighted tag
 * whose primary subtag we have; q=0 refuses a language; `*` means any (our default).
 */
export function languageOf(acceptLanguage: string | undefined): CatalogueLang | null {
  if (!acceptLanguage) return null;
  let best: { lang: CatalogueLang; q: number; order: number } | null = null;
  acceptLanguage.split(',').forEach((part, order) => {
    const [tag = '', ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0 || q > 1) return;
    const primary = tag.trim().toLowerCase().split('-')[0] ?? '';
    const lang = primary === '*' ? DEFAULT_CATALOGUE_LANG : (CATALOGUE_LANGS as readonly string[]).includes(primary) ? (primary as CatalogueLang) : null;
    if (lang && (!best || q > best.q)) best = { lang, q, order };
  });
  return (best as { lang: CatalogueLang } | null)?.lang ?? null;
}

export function chooseCatalogueLang(query: string | undefined, acceptLanguage: string | undefined): CatalogueLang {
  if (query && (CATALOGUE_LANGS as readonly string[]).includes(query)) return query as CatalogueLang;
  return languageOf(acceptLanguage) ?? DEFAULT_CATALOGUE_LANG;
}

export interface CatalogueTexts {
  lang: CatalogueLang;
  tariffs: Record<string, CatalogueText>;
  services: Record<string, CatalogueText>;
}

export async function catalogueTexts(store: AssaStore, lang: CatalogueLang): Promise<CatalogueTexts> {
  const all = await new CatalogueTextStore(store).texts(lang);
  const strip = (m: Record<string, CatalogueText & { translated: boolean }>) => Object.fromEntries(Object.entries(m).map(([id, { name, description, terms }]) => [id, { name, description, terms }]));
  return { lang, tariffs: strip(all.tariff), services: strip(all.service) };
}
