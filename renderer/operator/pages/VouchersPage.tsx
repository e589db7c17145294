// Voucher batches: the codes of a new batch are shown once; the list shows counts only.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { kyiv, money, toKopecks } from '../format';
import { Field, Message, Section, Table, useErrorText, useResource, type Note } from '../ui';

export function VouchersPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const batches = useResource(() => api<Array<{ batchId: number; count: number; amount: number; used: number; createdBy: string; createdAt: string }>>('GET', '/vouchers'), []);
  const [count, setCount] = useState('10');
  const [amount, setAmount] = useState('50');
  const [issued, setIssued] = useState<{ batchId: number; codes: string[] } | null>(null);
  const [note, setNote] = useState<Note>(null);
  const errorText = useErrorText();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await api<{ batchId: number; codes: string[] }>('POST', '/vouchers', { count: Number(count), amount: toKopecks(amount) });
      setIssued(r);
      setNote({ kind: 'ok', text: t('vouchers.once') });
      batches.reload();
    } catch (err) {
      setNote({ kind: 'error', text: errorText(err) });
    }
  };
  return (
    <>
      <h1>{t('vouchers.title')}</h1>
      <Section title={t('vouchers.issue')}>
        <form className="grid" onSubmit={submit}>
          <Field label={t('vouchers.count')} value={count} onChange={setCount} type="number" required testId="v-count" />
          <Field label={t('common.amount')} value={amount} onChange={setAmount} required testId="v-amount" />
          <button type="submit" data-testid="v-submit">
            {t('vouchers.submit')}
          </button>
        </form>
        <Message note={note} testId="v-message" />
        {issued ? (
          <div>
            <h3>{t('vouchers.codes', { id: issued.batchId })}</h3>
            <ul className="codes" data-testid="v-codes">
              {issued.codes.map((c) => (
                <li key={c}>
                  <code>{c}</code>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Section>
      <Table caption={t('vouchers.batches')} testId="v-batches" rows={batches.data ?? []} rowKey={(r) => r.batchId} columns={[{ head: t('vouchers.batch'), cell: (r) => r.batchId }, { head: t('vouchers.count'), cell: (r) => r.count }, { head: t('common.amount'), cell: (r) => money(r.amount, lng) }, { head: t('vouchers.used'), cell: (r) => r.used }, { head: t('vouchers.by'), cell: (r) => r.createdBy }, { head: t('common.when'), cell: (r) => kyiv(r.createdAt, lng) }]} />
    </>
  );
}
