// U-I18N-1: the catalogue's words in one language — the operator's catalogue_texts row for
// that language where there is one, else the item's own row (its English words).
import type { Kysely } from 'kysely';
import type { AssaStore } from './assa-store';

export type CatalogueLang = 'uk' | 'ru' | 'en';
export type CatalogueKind = 'tariff' | 'service';

interface CatalogueTextDb {
  tariffs: { id: string; name: string; description: string };
  services: { id: string; name: string; description: string; terms: string };
  catalogue_texts: { kind: CatalogueKind; item_id: string; lang: CatalogueLang; name: string; description: string; terms: string };
}

export interface CatalogueText {
  name: string;
  description: string;
  terms: string;
}

export class CatalogueTextStore {
  private readonly k: Kysely<CatalogueTextDb>;

  /** Bound to what `store` is bound to: the root handle or one transaction. */
  constructor(store: AssaStore) {
    this.k = store.db as unknown as Kysely<CatalogueTextDb>;
  }

  /** Every tariff and service by id, in `lang`; `translated` says whether the operator's row was found. */
  async texts(lang: CatalogueLang): Promise<Record<CatalogueKind, Record<string, CatalogueText & { translated: boolean }>>> {
    const rows = await this.k.selectFrom('catalogue_texts').selectAll().where('lang', '=', lang).execute();
    const tariffs = await this.k.selectFrom('tariffs').select(['id', 'name', 'description']).orderBy('id').execute();
    const services = await this.k.selectFrom('services').select(['id', 'name', 'description', 'terms']).orderBy('id').execute();
    const pick = (kind: CatalogueKind, base: { id: string; name: string; description: string; terms?: string }) => {
      const row = rows.find((r) => r.kind === kind && r.item_id === base.id);
      return row
        ? { name: row.name, description: row.description || base.description, terms: row.terms || (base.terms ?? ''), translated: true }
        : { name: base.name, description: base.description, terms: base.terms ?? '', translated: false };
    };
    return {
      tariff: Object.fromEntries(tariffs.map((t) => [t.id, pick('tariff', t)])),
      service: Object.fromEntries(services.map((s) => [s.id, pick('service', s)])),
    };
  }

  async setText(kind: CatalogueKind, id: string, lang: CatalogueLang, t: CatalogueText): Promise<void> {
    await this.k
      .insertInto('catalogue_texts')
      .values({ kind, item_id: id, lang, ...t })
      .onConflict((c) => c.columns(['kind', 'item_id', 'lang']).doUpdateSet(t))
      .execute();
  }
}
