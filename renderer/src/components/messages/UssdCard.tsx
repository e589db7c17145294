// M-USSD-1 on screen: a USSD request (*111#, a balance shortcut), the network's reply, and
// the answers of a multi-step menu while the network waits for one (+CUSD status 1).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api-context';
import { useLive } from '../../hooks/use-live';
import { FormStatus } from '../forms/FormStatus';
import { useFormAction } from '../forms/use-form-action';

/** The balance request of Ukrainian 3G operators. */
export const BALANCE_CODE = '*111#';
/** 27.007 +CUSD <m>: 1 means the network waits for the user's answer. */
export const USSD_WAITS = 1;
/** 27.007 +CUSD <m> with no text: 2 the network ended it, 4 the code is not supported, 5 time-out. */
const STATUS_WORDS: Record<number, 'ussd.networkEnded' | 'ussd.unsupportedCode' | 'ussd.timedOut'> = { 2: 'ussd.networkEnded', 4: 'ussd.unsupportedCode', 5: 'ussd.timedOut' };

/** USSD is a 3GPP service: a CDMA stick (profile ids *-cdma) has none, and the page says so. */
export const isCdmaProfile = (profile: string | null | undefined) => !!profile && /-cdma$/.test(profile);

interface Exchange {
  sent: string;
  reply: string | null;
  status: number;
}

export function UssdCard({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const [details] = useLive('modem.details', {}, (e) => (e.type === 'modem.details' ? e.details : undefined));
  const cdma = isCdmaProfile(details?.profile);
  const a = useFormAction();
  const [code, setCode] = useState('');
  const [answer, setAnswer] = useState('');
  const [session, setSession] = useState<Exchange[]>([]);
  const waiting = session.length > 0 && session[session.length - 1]!.status === USSD_WAITS;

  const send = (what: string, fresh: boolean) =>
    void a.run(async () => {
      const r = await api.call('ussd.send', { code: what.replace(/\s/g, '') });
      setSession((prev) => [...(fresh ? [] : prev), { sent: what, reply: r.text, status: r.status }]);
      setAnswer('');
      return r.status === USSD_WAITS ? t('ussd.waiting') : null;
    });
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    send(code, true);
  };
  const reply = (ev: FormEvent) => {
    ev.preventDefault();
    send(answer, false);
  };
  // Cancel ends the session on the network too (AT+CUSD=2), so the next request starts fresh.
  const cancel = () =>
    void a.run(async () => {
      await api.call('ussd.cancel', {});
      setSession([]);
      setAnswer('');
      return t('ussd.cancelled');
    });
  if (cdma)
    return (
      <article className="card" aria-labelledby="ussd-title">
        <h2 id="ussd-title">{t('ussd.title')}</h2>
        <p data-testid="ussd-unsupported">{t('ussd.cdma')}</p>
      </article>
    );
  return (
    <article className="card" aria-labelledby="ussd-title">
      <h2 id="ussd-title">{t('ussd.title')}</h2>
      <p className="muted">{t('ussd.intro')}</p>
      <form className="form" onSubmit={submit}>
        <label>
          {t('ussd.code')}
          <input value={code} onChange={(e) => setCode(e.target.value)} pattern="[0-9*#+ ]{1,64}" placeholder="*111#" required disabled={!enabled} data-testid="ussd-code" />
        </label>
        <div className="actions">
          <button type="submit" disabled={!enabled || a.busy} data-testid="ussd-send">{t('ussd.send')}</button>
          <button type="button" className="secondary" disabled={!enabled || a.busy} onClick={() => send(BALANCE_CODE, true)} data-testid="ussd-balance">
            {t('ussd.balance')}
          </button>
        </div>
      </form>
      {session.length ? (
        <ol className="list ussd-session" data-testid="ussd-session" aria-label={t('ussd.reply')}>
          {session.map((x, i) => (
            <li key={i}>
              <code>{x.sent}</code>
              <pre className="ussd-reply">{x.reply ?? t(STATUS_WORDS[x.status] ?? 'ussd.ended')}</pre>
            </li>
          ))}
        </ol>
      ) : null}
      {waiting ? (
        <form className="form" onSubmit={reply}>
          <label>
            {t('ussd.answer')}
            <input value={answer} onChange={(e) => setAnswer(e.target.value)} pattern="[0-9*#+]{1,64}" inputMode="numeric" required autoFocus data-testid="ussd-answer" />
          </label>
          <div className="actions">
            <button type="submit" disabled={a.busy} data-testid="ussd-answer-send">{t('ussd.answerSend')}</button>
            <button type="button" className="secondary" disabled={a.busy} onClick={cancel} data-testid="ussd-cancel">
              {t('ussd.end')}
            </button>
          </div>
        </form>
      ) : null}
      <FormStatus action={a} testId="ussd-status" />
    </article>
  );
}
