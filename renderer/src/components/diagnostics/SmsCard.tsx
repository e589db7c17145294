// M-SMS-1 / U-DIAG-1: the modem's inbox (the app reads RUNA confirmations from it too),
// sending, deleting; new messages appear as they arrive.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import type { SmsDto } from '../../../../src/shared/app-methods-modem';
import { useApi } from '../../api-context';
import { formatKyivDateTime } from '../../format';
import { errorText } from '../../hooks/use-live';

export function SmsCard({ enabled }: { enabled: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const api = useApi();
  const [inbox, setInbox] = useState<SmsDto[]>([]);
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  const [msg, setMsg] = useState<string | null>(null);
  const load = () => api.call('sms.list', {}).then(setInbox, (e: unknown) => setMsg(errorText(t, e)));
  useEffect(() => {
    if (enabled) void load();
    return api.subscribe((e) => {
      if (e.type === 'sms.received') setInbox((prev) => [...prev.filter((s) => s.index !== e.sms.index), e.sms]);
    });
  }, [api, enabled]);
  const send = async (ev: FormEvent) => {
    ev.preventDefault();
    setMsg(null);
    try {
      await api.call('sms.send', { to, text });
      setMsg(t('sms.sent'));
      setText('');
    } catch (e) {
      setMsg(errorText(t, e));
    }
  };
  const del = async (index: number) => {
    try {
      await api.call('sms.delete', { index });
      setInbox((prev) => prev.filter((s) => s.index !== index));
    } catch (e) {
      setMsg(errorText(t, e));
    }
  };
  return (
    <article className="card wide" aria-labelledby="sms-title">
      <h2 id="sms-title">{t('sms.title')}</h2>
      {inbox.length === 0 ? <p className="muted">{t('sms.empty')}</p> : null}
      <ul className="inbox" data-testid="sms-inbox">
        {inbox.map((s) => (
          <li key={`${s.index}-${s.from}`}>
            <strong>{s.from}</strong> {s.at ? <time dateTime={s.at}>{formatKyivDateTime(s.at, lang)}</time> : null}
            <p>{s.text}</p>
            <button type="button" className="secondary" onClick={() => void del(s.index)} aria-label={t('sms.deleteFrom', { from: s.from })}>
              {t('sms.delete')}
            </button>
          </li>
        ))}
      </ul>
      <form className="form" onSubmit={send}>
        <label>
          {t('sms.to')}
          <input value={to} onChange={(e) => setTo(e.target.value)} required pattern="\+?[0-9*#]{1,20}" disabled={!enabled} />
        </label>
        <label>
          {t('sms.text')}
          <textarea value={text} onChange={(e) => setText(e.target.value)} required maxLength={640} disabled={!enabled} />
        </label>
        <button type="submit" disabled={!enabled}>{t('sms.send')}</button>
      </form>
      <p aria-live="polite" className="muted">{msg ?? ''}</p>
    </article>
  );
}
