// Billing: the month starts that ran, a month start on demand (idempotent), the payments
// left pending, and with --demo the clock an operator's QA moves.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { kyiv, money } from '../format';
import { Field, Message, Section, Table, useErrorText, useResource, type Note } from '../ui';

export function BillingPage({ demoClock, onClock }: { demoClock: boolean; onClock: () => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const runs = useResource(() => api<Array<{ month: string; ranAt: string }>>('GET', '/billing/runs'), []);
  const pending = useResource(() => api<Array<{ id: string; payer: string; forNumber: string; amount: number; status: string; createdAt: string; ageMinutes: number }>>('GET', '/billing/reconciliation'), []);
  const [month, setMonth] = useState('');
  const [at, setAt] = useState('');
  const [note, setNote] = useState<Note>(null);
  const errorText = useErrorText();
  const run = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await api<{ month: string; charged: number; blocked: number; alreadyRan: boolean }>('POST', '/billing/month-start', { month });
      setNote({ kind: 'ok', text: t('billing.result', { month: r.month, charged: r.charged, blocked: r.blocked, again: r.alreadyRan ? t('billing.again') : '' }) });
      runs.reload();
    } catch (err) {
      setNote({ kind: 'error', text: errorText(err) });
    }
  };
  const move = async (e: FormEvent) => {
    e.preventDefault();
    try {
      // The operator types Kyiv wall time; the API takes an instant.
      const guess = new Date(`${at}:00Z`).getTime();
      const offset = new Date(guess).getTime() - new Date(new Date(guess).toLocaleString('en-US', { timeZone: 'Europe/Kyiv' }) + 'Z').getTime();
      await api('PUT', '/clock', { now: new Date(guess + offset).toISOString() });
      setNote({ kind: 'ok', text: t('common.done') });
      runs.reload();
      onClock();
    } catch (err) {
      setNote({ kind: 'error', text: errorText(err) });
    }
  };
  return (
    <>
      <h1>{t('billing.title')}</h1>
      <Message note={note} testId="b-message" />
      <Section title={t('billing.run')}>
        <form className="row" onSubmit={run}>
          <Field label={t('billing.month')} value={month} onChange={setMonth} required pattern="\d{4}-\d{2}" testId="b-month" hint="2027-02" />
          <button type="submit" data-testid="b-run">
            {t('billing.runSubmit')}
          </button>
        </form>
      </Section>
      {demoClock ? (
        <Section title={t('billing.clock')} testId="b-clock">
          <p>{t('billing.clockHint')}</p>
          <form className="row" onSubmit={move}>
            <Field label={t('billing.clockAt')} value={at} onChange={setAt} type="datetime-local" required testId="b-clock-at" />
            <button type="submit" data-testid="b-clock-submit">
              {t('billing.clockSubmit')}
            </button>
          </form>
        </Section>
      ) : null}
      <Table caption={t('billing.runs')} testId="b-runs" rows={runs.data ?? []} rowKey={(r) => r.month} columns={[{ head: t('billing.month'), cell: (r) => r.month }, { head: t('billing.ranAt'), cell: (r) => kyiv(r.ranAt, lng) }]} />
      <Table caption={t('billing.pending')} testId="b-pending" rows={pending.data ?? []} rowKey={(r) => r.id} columns={[{ head: 'Id', cell: (r) => r.id }, { head: t('billing.payer'), cell: (r) => r.payer }, { head: t('billing.forNumber'), cell: (r) => r.forNumber }, { head: t('common.amount'), cell: (r) => money(r.amount, lng) }, { head: t('common.status'), cell: (r) => r.status }, { head: t('billing.age'), cell: (r) => r.ageMinutes }]} />
    </>
  );
}
