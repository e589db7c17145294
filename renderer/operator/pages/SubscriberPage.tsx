// One subscriber: the account, the status changes with a reason, adjustments, owner and
// number changes, unlocking the login; movements, details, operations and audit trail.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { kyiv, money, newKey, toKopecks } from '../format';
import { auditAction, movementDescription, movementKind, operationKind, operationReason, operationValue } from '../server-words';
import { Field, Message, Section, Select, Table, useErrorText, useResource, type Note } from '../ui';

interface View {
  number: string;
  accountNumber: string;
  ownerName: string;
  status: string;
  corporate: boolean;
  balance: number;
  tariff: { id: string; name: string; monthlyFee: number };
  email: string | null;
  login: { registered: boolean; locked: boolean; failedLogins: number };
  services: Array<{ id: string; name: string; monthlyFee: number }>;
  group: { id: string; name: string; curator: string } | null;
  movements: Array<{ id: number; at: string; kind: string; amount: number; balanceAfter: number; description: string }>;
  sessions: Array<{ id: string; startedAt: string; endedAt: string | null; inBytes?: number; outBytes?: number; seconds: number }>;
  calls: Array<{ id: string; startedAt: string; peer?: string; direction?: string; seconds: number }>;
  operations: Array<{ at: string; kind: string; from: string | null; to: string | null; reason: string; operator: string }>;
  audit: Array<{ at: string; operator: string; action: string }>;
  securityEvents: Array<{ at: string; event: string; ip: string | null }>;
}

export function SubscriberPage({ number, canWrite, canAdjust }: { number: string; canWrite: boolean; canAdjust: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const v = useResource(() => api<View>('GET', `/subscribers/${number}`), [number]);
  const [note, setNote] = useState<Note>(null);
  const errorText = useErrorText();
  const act = (fn: () => Promise<unknown>, after?: (r: unknown) => void) => async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await fn();
      setNote({ kind: 'ok', text: t('common.done') });
      if (after) after(r);
      else v.reload();
    } catch (err) {
      setNote({ kind: 'error', text: errorText(err) });
    }
  };
  const [status, setStatus] = useState<'active' | 'suspended' | 'disconnected'>('suspended');
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [adjReason, setAdjReason] = useState('');
  const [owner, setOwner] = useState('');
  const [ownerReason, setOwnerReason] = useState('');
  const [newNumber, setNewNumber] = useState('');
  const [numberReason, setNumberReason] = useState('');
  const s = v.data;
  if (!s) return <p role={v.error ? 'alert' : 'status'}>{v.error ?? t('common.loading')}</p>;
  return (
    <>
      <h1>{t('subscriber.title', { number: s.number })}</h1>
      <Message note={note} testId="sub-message" />
      <Section title={t('subscriber.summary')} testId="sub-summary">
        <dl className="facts">
          <dt>{t('common.owner')}</dt>
          <dd data-testid="sub-owner">{s.ownerName}</dd>
          <dt>{t('common.account')}</dt>
          <dd>{s.accountNumber}</dd>
          <dt>{t('common.status')}</dt>
          <dd data-testid="sub-status">{t(`status.${s.status}`)}</dd>
          <dt>{t('common.balance')}</dt>
          <dd data-testid="sub-balance">{money(s.balance, lng)}</dd>
          <dt>{t('common.tariff')}</dt>
          <dd>
            {s.tariff.name} ({money(s.tariff.monthlyFee, lng)})
          </dd>
          <dt>{t('subscriber.services')}</dt>
          <dd>{s.services.map((x) => x.name).join(', ') || '—'}</dd>
          <dt>{t('subscriber.group')}</dt>
          <dd>{s.group ? <a href={`#/groups/${s.group.id}`}>{s.group.name}</a> : '—'}</dd>
          <dt>{t('common.email')}</dt>
          <dd>{s.email ?? '—'}</dd>
          <dt>{t('subscriber.login')}</dt>
          <dd data-testid="sub-login">{s.login.registered ? (s.login.locked ? t('subscriber.locked') : t('subscriber.registered')) : t('subscriber.notRegistered')}</dd>
        </dl>
        {canWrite && s.login.locked ? (
          <button type="button" data-testid="sub-unlock" onClick={(e) => void act(() => api('POST', `/logins/${s.number}/unlock`, { reason: 'owner identified in person' }))(e)}>
            {t('subscriber.unlock')}
          </button>
        ) : null}
      </Section>
      {canWrite ? (
        <Section title={t('subscriber.statusChange')}>
          <form className="grid" onSubmit={act(() => api('PUT', `/subscribers/${s.number}/status`, { status, reason }))}>
            <Select label={t('subscriber.newStatus')} value={status} onChange={setStatus} testId="status-select" options={(['active', 'suspended', 'disconnected'] as const).map((x) => ({ value: x, label: t(`status.${x}`) }))} />
            <Field label={t('common.reason')} value={reason} onChange={setReason} required testId="status-reason" />
            <button type="submit" data-testid="status-submit">
              {t('subscriber.apply')}
            </button>
          </form>
        </Section>
      ) : null}
      {canAdjust ? (
        <Section title={t('subscriber.adjust')}>
          <form className="grid" onSubmit={act(() => api('POST', '/adjustments', { number: s.number, amount: toKopecks(amount), reason: adjReason }, { idempotencyKey: newKey() }))}>
            <Field label={t('common.amount')} value={amount} onChange={setAmount} required testId="adj-amount" hint={t('subscriber.adjustHint')} />
            <Field label={t('common.reason')} value={adjReason} onChange={setAdjReason} required testId="adj-reason" />
            <button type="submit" data-testid="adj-submit">
              {t('subscriber.adjustSubmit')}
            </button>
          </form>
        </Section>
      ) : null}
      {canWrite ? (
        <Section title={t('subscriber.owner')}>
          <form className="grid" onSubmit={act(() => api('PUT', `/subscribers/${s.number}/owner`, { ownerName: owner, reason: ownerReason }))}>
            <Field label={t('subscriber.newOwner')} value={owner} onChange={setOwner} required testId="owner-name" />
            <Field label={t('common.reason')} value={ownerReason} onChange={setOwnerReason} required testId="owner-reason" />
            <button type="submit">{t('common.save')}</button>
          </form>
        </Section>
      ) : null}
      {canWrite ? (
        <Section title={t('subscriber.number')}>
          <form className="grid" onSubmit={act(() => api<{ number: string }>('PUT', `/subscribers/${s.number}/number`, { newNumber, reason: numberReason }), (r) => (window.location.hash = `#/subscribers/${(r as { number: string }).number}`))}>
            <Field label={t('subscriber.newNumber')} value={newNumber} onChange={setNewNumber} required testId="number-new" />
            <Field label={t('common.reason')} value={numberReason} onChange={setNumberReason} required testId="number-reason" />
            <button type="submit">{t('common.save')}</button>
          </form>
        </Section>
      ) : null}
      <Table caption={t('subscriber.movements')} testId="sub-movements" rows={s.movements} rowKey={(r) => r.id} columns={[{ head: t('common.when'), cell: (r) => kyiv(r.at, lng) }, { head: t('common.kind'), cell: (r) => movementKind(t, r.kind) }, { head: t('common.amount'), cell: (r) => money(r.amount, lng) }, { head: t('common.balance'), cell: (r) => money(r.balanceAfter, lng) }, { head: t('common.description'), cell: (r) => movementDescription(t, lng, r.kind, r.description) }]} />
      <Table caption={t('subscriber.operations')} testId="sub-operations" rows={s.operations} rowKey={(r) => `${r.at}${r.kind}`} columns={[{ head: t('common.when'), cell: (r) => kyiv(r.at, lng) }, { head: t('common.kind'), cell: (r) => operationKind(t, r.kind) }, { head: t('subscriber.from'), cell: (r) => operationValue(t, lng, r.kind, r.from) }, { head: t('subscriber.to'), cell: (r) => operationValue(t, lng, r.kind, r.to) }, { head: t('common.reason'), cell: (r) => operationReason(t, r.reason) }, { head: t('common.operator'), cell: (r) => r.operator }]} />
      <Table caption={t('subscriber.sessions')} testId="sub-sessions" rows={s.sessions} rowKey={(r) => r.id} columns={[{ head: t('subscriber.started'), cell: (r) => kyiv(r.startedAt, lng) }, { head: t('subscriber.ended'), cell: (r) => kyiv(r.endedAt, lng) }, { head: t('subscriber.bytes'), cell: (r) => `${r.inBytes ?? 0} / ${r.outBytes ?? 0}` }, { head: t('subscriber.seconds'), cell: (r) => r.seconds }]} />
      <Table caption={t('subscriber.calls')} testId="sub-calls" rows={s.calls} rowKey={(r) => r.id} columns={[{ head: t('subscriber.started'), cell: (r) => kyiv(r.startedAt, lng) }, { head: t('subscriber.peer'), cell: (r) => r.peer ?? '' }, { head: t('subscriber.direction'), cell: (r) => r.direction ?? '' }, { head: t('subscriber.seconds'), cell: (r) => r.seconds }]} />
      <Table caption={t('subscriber.security')} testId="sub-security" rows={s.securityEvents} rowKey={(r) => `${r.at}${r.event}`} columns={[{ head: t('common.when'), cell: (r) => kyiv(r.at, lng) }, { head: t('audit.action'), cell: (r) => t(`subscriber.securityEvent.${r.event}`, { defaultValue: r.event }) }, { head: t('subscriber.address'), cell: (r) => r.ip ?? '—' }]} />
      <Table caption={t('subscriber.audit')} testId="sub-audit" rows={s.audit} rowKey={(r) => `${r.at}${r.action}`} columns={[{ head: t('common.when'), cell: (r) => kyiv(r.at, lng) }, { head: t('common.operator'), cell: (r) => r.operator }, { head: t('audit.action'), cell: (r) => auditAction(t, r.action) }]} />
    </>
  );
}
