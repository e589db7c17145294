// A-UTL: who called, blocked numbers, call forwarding (every condition, the waiting
// interval, to a number or a SIP address) and the SIP password; transfers are on Payments.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import { formatNumber } from '../../../../src/shared/phone-number';
import { FieldError, FormStatus } from '../../components/forms/FormStatus';
import { NumberInput, numberForServer } from '../../components/forms/NumberInput';
import { useFormAction } from '../../components/forms/use-form-action';
import { formatKyivDateTime } from '../../format';
import { useAssaCall, useAssaGet } from '../../hooks/use-assa';
import { ErrorNote } from './ErrorNote';

/** A number as people read it (044 123 45 67) when it is a Ukrainian one; as given otherwise. */
export const shownNumber = (n: string) => {
  const national = numberForServer(n);
  return national ? formatNumber(national) : n;
};

export function UtilitiesPage() {
  return (
    <>
      <MissedCalls />
      <BlockedNumbers />
      <ForwardingEditor />
      <SipPassword />
    </>
  );
}

function MissedCalls() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const missed = useAssaGet<Array<{ from: string; at: string }>>('/api/v1/utilities/missed-calls');
  return (
    <article className="card" aria-labelledby="missed-title">
      <h2 id="missed-title">{t('acc.utl.missed')}</h2>
      <ErrorNote error={missed.error} />
      <ul className="list" data-testid="missed-calls">
        {(missed.data ?? []).map((m, i) => (
          <li key={i}>
            <span>{shownNumber(m.from)}</span> <time dateTime={m.at}>{formatKyivDateTime(m.at, lang)}</time>
          </li>
        ))}
      </ul>
    </article>
  );
}

function BlockedNumbers() {
  const { t } = useTranslation();
  const call = useAssaCall();
  const blocked = useAssaGet<Array<{ number: string }>>('/api/v1/utilities/blocked');
  const a = useFormAction();
  const [num, setNum] = useState('');
  const block = (ev: FormEvent) => {
    ev.preventDefault();
    void a.run(async () => {
      await call('POST', '/api/v1/utilities/blocked', { number: numberForServer(num) ?? num });
      setNum('');
      blocked.reload();
    });
  };
  const unblock = (n: string) =>
    void a.run(async () => {
      await call('DELETE', `/api/v1/utilities/blocked/${n}`);
      blocked.reload();
    });
  return (
    <article className="card" aria-labelledby="blocked-title">
      <h2 id="blocked-title">{t('acc.utl.blocked')}</h2>
      <ErrorNote error={blocked.error} />
      <ul className="list" data-testid="blocked-list">
        {(blocked.data ?? []).map((b) => (
          <li key={b.number}>
            {shownNumber(b.number)}{' '}
            <button type="button" className="secondary" onClick={() => unblock(b.number)} aria-label={`${t('acc.utl.unblock')} ${shownNumber(b.number)}`}>
              {t('acc.utl.unblock')}
            </button>
          </li>
        ))}
      </ul>
      <form className="form" onSubmit={block}>
        <NumberInput label={t('acc.utl.blockNumber')} value={num} onChange={setNum} required describedBy="block-number-err" testId="block-number" />
        <FieldError action={a} field="number" id="block-number-err" />
        <button type="submit" disabled={a.busy} data-testid="block-submit">{t('acc.utl.block')}</button>
        <FormStatus action={a} fields={['number']} />
      </form>
      <p>
        <a href="#/account/payments">{t('acc.utl.transferLink')}</a>
      </p>
    </article>
  );
}

const CONDITIONS = ['always', 'busy', 'no-answer', 'unreachable'] as const;
type Condition = (typeof CONDITIONS)[number];
interface Forwarding {
  kind: Condition;
  target: string;
  waitSeconds: number;
}
const SIP = /^sip:[^\s@]+@[^\s@]+$/i;
export const WAIT_MIN_S = 5;
export const WAIT_MAX_S = 30;

/** What the editor sends for a target: a SIP address as typed, a number in its 9-digit form. */
export function forwardingTarget(raw: string): string {
  const s = raw.trim();
  return SIP.test(s) ? s : (numberForServer(s) ?? s);
}

function ForwardingEditor() {
  const { t } = useTranslation();
  const call = useAssaCall();
  const current = useAssaGet<Forwarding | null>('/api/v1/utilities/forwarding');
  const a = useFormAction();
  const [draft, setDraft] = useState<{ kind: Condition; target: string; wait: string }>({ kind: 'no-answer', target: '', wait: '20' });
  // The saved forwarding fills the form when it arrives, unless the person has chosen or
  // typed something since the form opened or since their last save: a load answering after
  // they moved on (the save's own reload, a slow first load) must not put the old values
  // back under their hands (it did: the condition just chosen went back to "no answer").
  const edited = useRef(false);
  const edit = (change: Partial<typeof draft>) => {
    edited.current = true;
    setDraft((d) => ({ ...d, ...change }));
  };
  useEffect(() => {
    if (current.data && !edited.current) setDraft({ kind: current.data.kind, target: current.data.target, wait: String(current.data.waitSeconds) });
  }, [current.data]);
  const sip = SIP.test(draft.target.trim());
  const save = (ev: FormEvent) => {
    ev.preventDefault();
    void a.run(async () => {
      await call('PUT', '/api/v1/utilities/forwarding', { kind: draft.kind, target: forwardingTarget(draft.target), waitSeconds: Number(draft.wait) });
      edited.current = false;
      current.reload();
      return t('forwarding.saved');
    });
  };
  const clear = () =>
    void a.run(async () => {
      await call('PUT', '/api/v1/utilities/forwarding', null);
      edited.current = false;
      current.reload();
      setDraft({ kind: 'no-answer', target: '', wait: '20' });
      return t('forwarding.cleared');
    });
  const shownTarget = (target: string) => (SIP.test(target) ? t('forwarding.sipTarget', { address: target }) : shownNumber(target));
  return (
    <article className="card" aria-labelledby="fwd-title">
      <h2 id="fwd-title">{t('forwarding.title')}</h2>
      <ErrorNote error={current.error} />
      <p data-testid="fwd-current">{current.data ? t('forwarding.current', { condition: t(`forwarding.conditions.${current.data.kind}`), target: shownTarget(current.data.target) }) : t('forwarding.none')}</p>
      <p className="muted">{t('forwarding.needs')}</p>
      <form className="form" onSubmit={save}>
        <fieldset>
          <legend>{t('forwarding.condition')}</legend>
          {CONDITIONS.map((c) => (
            <label className="inline" key={c}>
              <input type="radio" name="fwd-kind" value={c} checked={draft.kind === c} onChange={() => edit({ kind: c })} data-testid={`fwd-kind-${c}`} />
              {t(`forwarding.conditions.${c}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('forwarding.target')}
          <input value={draft.target} onChange={(e) => edit({ target: e.target.value })} required maxLength={128} autoComplete="off" aria-describedby="fwd-target-hint fwd-target-err" data-testid="fwd-target" />
          <span className="hint" id="fwd-target-hint">
            {sip ? t('forwarding.sipTarget', { address: draft.target.trim() }) : numberForServer(draft.target) ? t('numberForm.reads', { number: shownNumber(draft.target) }) : t('numberForm.hint')}
          </span>
          <FieldError action={a} field="target" id="fwd-target-err" />
        </label>
        {draft.kind === 'no-answer' ? (
          <label>
            {t('forwarding.wait')}
            <input type="number" min={WAIT_MIN_S} max={WAIT_MAX_S} step={1} value={draft.wait} onChange={(e) => edit({ wait: e.target.value })} required aria-describedby="fwd-wait-err" data-testid="fwd-wait" />
            <FieldError action={a} field="waitSeconds" id="fwd-wait-err" />
          </label>
        ) : null}
        <div className="actions">
          <button type="submit" disabled={a.busy} data-testid="fwd-save">{t('forwarding.save')}</button>
          <button type="button" className="secondary" onClick={clear} disabled={a.busy || !current.data} data-testid="fwd-clear">
            {t('forwarding.clear')}
          </button>
        </div>
        <FormStatus action={a} fields={['target', 'waitSeconds']} testId="fwd-status" />
      </form>
    </article>
  );
}

function SipPassword() {
  const { t } = useTranslation();
  const call = useAssaCall();
  const a = useFormAction();
  const [password, setPassword] = useState('');
  const save = (ev: FormEvent) => {
    ev.preventDefault();
    void a.run(async () => {
      await call('PUT', '/api/v1/utilities/sip-password', { password });
      setPassword('');
      return t('sip.saved');
    });
  };
  return (
    <article className="card" aria-labelledby="sip-title">
      <h2 id="sip-title">{t('sip.title')}</h2>
      <form className="form" onSubmit={save}>
        <label>
          {t('sip.password')}
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" required maxLength={64} aria-describedby="sip-password-err" data-testid="sip-password" />
          <FieldError action={a} field="password" id="sip-password-err" />
        </label>
        <button type="submit" disabled={a.busy} data-testid="sip-save">{t('sip.save')}</button>
        <FormStatus action={a} fields={['password']} testId="sip-status" />
      </form>
    </article>
  );
}
