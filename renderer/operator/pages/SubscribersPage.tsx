// Subscribers: search by number, account number or owner; a new subscriber; CSV import.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { money, toKopecks } from '../format';
import { Field, Message, Section, Table, useErrorText, useResource, type Note } from '../ui';

export interface SubscriberRow {
  number: string;
  accountNumber: string;
  ownerName: string;
  status: string;
  tariffId: string;
  balance: number;
  corporate: boolean;
}

export function SubscribersPage({ canWrite }: { canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<SubscriberRow[] | null>(null);
  const [note, setNote] = useState<Note>(null);
  const errorText = useErrorText();
  const search = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setFound(await api<SubscriberRow[]>('GET', `/subscribers?q=${encodeURIComponent(q)}`));
    } catch (err) {
      setNote({ kind: 'error', text: errorText(err) });
    }
  };
  return (
    <>
      <h1>{t('subscribers.title')}</h1>
      <form className="card row" role="search" onSubmit={search}>
        <Field label={t('subscribers.search')} value={q} onChange={setQ} testId="sub-search" />
        <button type="submit" data-testid="sub-search-submit">
          {t('subscribers.find')}
        </button>
      </form>
      <Message note={note} testId="sub-search-message" />
      {found ? (
        <Table
          caption={t('subscribers.results')}
          testId="sub-results"
          rows={found}
          rowKey={(r) => r.number}
          columns={[
            { head: t('common.number'), cell: (r) => <a href={`#/subscribers/${r.number}`}>{r.number}</a> },
            { head: t('common.account'), cell: (r) => r.accountNumber },
            { head: t('common.owner'), cell: (r) => r.ownerName },
            { head: t('common.status'), cell: (r) => t(`status.${r.status}`) },
            { head: t('common.tariff'), cell: (r) => r.tariffId },
            { head: t('common.balance'), cell: (r) => money(r.balance, i18n.language) },
          ]}
        />
      ) : null}
      {canWrite ? <NewSubscriber /> : null}
      {canWrite ? <ImportCsv /> : null}
    </>
  );
}

function NewSubscriber() {
  const { t } = useTranslation();
  const tariffs = useResource(() => api<Array<{ id: string; texts: Record<string, { name: string }> }>>('GET', '/tariffs'), []);
  const [f, setF] = useState({ number: '', accountNumber: '', ownerName: '', tariffId: '', balance: '0', email: '', corporate: false });
  const [note, setNote] = useState<Note>(null);
  const errorText = useErrorText();
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const balance = toKopecks(f.balance || '0');
      const r = await api<SubscriberRow>('POST', '/subscribers', { number: f.number, accountNumber: f.accountNumber, ownerName: f.ownerName, tariffId: f.tariffId || tariffs.data?.[0]?.id || '', balance, corporate: f.corporate, ...(f.email ? { email: f.email } : {}) });
      setNote({ kind: 'ok', text: t('subscribers.created', { number: r.number }) });
      window.location.hash = `#/subscribers/${r.number}`;
    } catch (err) {
      setNote({ kind: 'error', text: errorText(err) });
    }
  };
  return (
    <Section title={t('subscribers.create')} testId="sub-create">
      <form onSubmit={submit} className="grid">
        <Field label={t('common.number')} value={f.number} onChange={set('number')} required testId="new-number" />
        <Field label={t('common.account')} value={f.accountNumber} onChange={set('accountNumber')} required testId="new-account" />
        <Field label={t('common.owner')} value={f.ownerName} onChange={set('ownerName')} required testId="new-owner" />
        <div className="field">
          <label htmlFor="new-tariff">{t('common.tariff')}</label>
          <select id="new-tariff" data-testid="new-tariff" value={f.tariffId} onChange={(e) => set('tariffId')(e.target.value)}>
            {(tariffs.data ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.texts[document.documentElement.lang]?.name ?? x.texts.en?.name ?? x.id}
              </option>
            ))}
          </select>
        </div>
        <Field label={t('subscribers.openingBalance')} value={f.balance} onChange={set('balance')} testId="new-balance" />
        <Field label={t('common.email')} value={f.email} onChange={set('email')} type="email" testId="new-email" />
        <div className="field check">
          <input id="new-corporate" type="checkbox" checked={f.corporate} onChange={(e) => setF({ ...f, corporate: e.target.checked })} data-testid="new-corporate" />
          <label htmlFor="new-corporate">{t('subscribers.corporate')}</label>
        </div>
        <button type="submit" data-testid="new-submit">
          {t('common.create')}
        </button>
      </form>
      <Message note={note} testId="new-message" />
    </Section>
  );
}

function ImportCsv() {
  const { t } = useTranslation();
  const [text, setText] = useState('number,accountNumber,ownerName,tariffId,balance\n');
  const [result, setResult] = useState<{ imported: number; rejected: Array<{ line: number; code: string; field?: string }> } | null>(null);
  const [note, setNote] = useState<Note>(null);
  const errorText = useErrorText();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await api<{ imported: number; rejected: Array<{ line: number; code: string }> }>('POST', '/subscribers/import', text, { csv: true });
      setResult(r);
      setNote({ kind: 'ok', text: t('subscribers.imported', { n: r.imported }) });
    } catch (err) {
      setNote({ kind: 'error', text: errorText(err) });
    }
  };
  return (
    <Section title={t('subscribers.import')} testId="sub-import">
      <form onSubmit={submit}>
        <Field label={t('subscribers.importFile')} value={text} onChange={setText} multiline hint={t('subscribers.importHint')} testId="import-text" />
        <button type="submit" data-testid="import-submit">
          {t('subscribers.importSubmit')}
        </button>
      </form>
      <Message note={note} testId="import-message" />
      {result && result.rejected.length ? (
        <Table caption={t('subscribers.rejected')} testId="import-rejected" rows={result.rejected} rowKey={(r) => r.line} columns={[{ head: t('subscribers.line'), cell: (r) => r.line }, { head: t('subscribers.code'), cell: (r) => `${t(`errors.codes.${r.code}`, { defaultValue: r.code })}${r.field ? ` (${t(`errors.fields.${r.field}`, { defaultValue: r.field })})` : ''}` }]} />
      ) : null}
    </Section>
  );
}
