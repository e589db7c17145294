// The catalogue: tariffs and services with names in uk/ru/en, includes and price versions.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { money, toKopecks } from '../format';
import { Field, Message, Section, Select, Table, useErrorText, useResource, type Note } from '../ui';

interface Item {
  id: string;
  kind: 'tariff' | 'service';
  monthlyFee: number;
  texts: Record<string, { name: string; description: string } | undefined>;
  includes: { minutes: number; megabytes: number };
  prices: Array<{ validFrom: string; monthlyFee: number }>;
}

export function CataloguePage({ canWrite }: { canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const tariffs = useResource(() => api<Item[]>('GET', '/tariffs'), []);
  const services = useResource(() => api<Item[]>('GET', '/services'), []);
  const reload = () => {
    tariffs.reload();
    services.reload();
  };
  const columns = [
    { head: t('catalogue.id'), cell: (r: Item) => r.id },
    { head: t('catalogue.name'), cell: (r: Item) => r.texts[lng]?.name ?? r.texts.en?.name ?? r.id },
    { head: t('catalogue.fee'), cell: (r: Item) => money(r.monthlyFee, lng) },
    { head: t('catalogue.includes'), cell: (r: Item) => `${r.includes.minutes} ${t('catalogue.minutes')}, ${r.includes.megabytes} ${t('catalogue.megabytes')}` },
    { head: t('catalogue.prices'), cell: (r: Item) => r.prices.map((p) => `${p.validFrom}: ${money(p.monthlyFee, lng)}`).join('; ') || '—' },
  ];
  return (
    <>
      <h1>{t('catalogue.title')}</h1>
      <Table caption={t('catalogue.tariffs')} testId="cat-tariffs" rows={tariffs.data ?? []} rowKey={(r) => r.id} columns={columns} />
      <Table caption={t('catalogue.services')} testId="cat-services" rows={services.data ?? []} rowKey={(r) => r.id} columns={columns} />
      {canWrite ? <NewItem onDone={reload} /> : null}
      {canWrite ? <ChangePrice items={[...(tariffs.data ?? []), ...(services.data ?? [])]} onDone={reload} /> : null}
    </>
  );
}

function NewItem({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'tariffs' | 'services'>('tariffs');
  const [f, setF] = useState({ id: '', fee: '', minutes: '0', megabytes: '0', uk: '', ru: '', en: '', ukD: '', ruD: '', enD: '' });
  const [note, setNote] = useState<Note>(null);
  const errorText = useErrorText();
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', `/${kind}`, { id: f.id, monthlyFee: toKopecks(f.fee), includes: { minutes: Number(f.minutes), megabytes: Number(f.megabytes) }, texts: { uk: { name: f.uk, description: f.ukD }, ru: { name: f.ru, description: f.ruD }, en: { name: f.en, description: f.enD } } });
      setNote({ kind: 'ok', text: t('common.done') });
      onDone();
    } catch (err) {
      setNote({ kind: 'error', text: errorText(err) });
    }
  };
  return (
    <Section title={kind === 'tariffs' ? t('catalogue.newTariff') : t('catalogue.newService')} testId="cat-new">
      <form className="grid" onSubmit={submit}>
        <Select label={t('catalogue.kind')} value={kind} onChange={setKind} testId="cat-kind" options={[{ value: 'tariffs', label: t('catalogue.tariffs') }, { value: 'services', label: t('catalogue.services') }]} />
        <Field label={t('catalogue.id')} value={f.id} onChange={set('id')} required testId="cat-id" />
        <Field label={`${t('catalogue.fee')}, ₴`} value={f.fee} onChange={set('fee')} required testId="cat-fee" />
        <Field label={t('catalogue.minutes')} value={f.minutes} onChange={set('minutes')} type="number" testId="cat-minutes" />
        <Field label={t('catalogue.megabytes')} value={f.megabytes} onChange={set('megabytes')} type="number" testId="cat-mb" />
        {(['uk', 'ru', 'en'] as const).map((l) => (
          <div key={l} className="pair">
            <Field label={t('catalogue.nameIn', { lng: l })} value={f[l]} onChange={set(l)} required testId={`cat-name-${l}`} />
            <Field label={t('catalogue.descIn', { lng: l })} value={f[`${l}D`]} onChange={set(`${l}D`)} testId={`cat-desc-${l}`} />
          </div>
        ))}
        <button type="submit" data-testid="cat-submit">
          {t('common.create')}
        </button>
      </form>
      <Message note={note} testId="cat-message" />
    </Section>
  );
}

function ChangePrice({ items, onDone }: { items: Item[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [item, setItem] = useState('');
  const [fee, setFee] = useState('');
  const [from, setFrom] = useState('');
  const [note, setNote] = useState<Note>(null);
  const errorText = useErrorText();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const it = items.find((x) => `${x.kind}:${x.id}` === item) ?? items[0];
    if (!it) return;
    try {
      await api('PUT', `/${it.kind === 'tariff' ? 'tariffs' : 'services'}/${it.id}`, { monthlyFee: toKopecks(fee), ...(from ? { validFrom: from } : {}) });
      setNote({ kind: 'ok', text: t('catalogue.priceSaved') });
      onDone();
    } catch (err) {
      setNote({ kind: 'error', text: errorText(err) });
    }
  };
  return (
    <Section title={t('catalogue.changePrice')}>
      <form className="grid" onSubmit={submit}>
        <Select label={t('catalogue.item')} value={item} onChange={setItem} testId="price-item" options={items.map((x) => ({ value: `${x.kind}:${x.id}`, label: `${x.kind}: ${x.id}` }))} />
        <Field label={`${t('catalogue.fee')}, ₴`} value={fee} onChange={setFee} required testId="price-fee" />
        <Field label={t('catalogue.validFrom')} value={from} onChange={setFrom} testId="price-from" />
        <button type="submit">{t('common.save')}</button>
      </form>
      <Message note={note} testId="price-message" />
    </Section>
  );
}
