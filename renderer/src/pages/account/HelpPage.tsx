// A-HLP-1/2: ask the help desk, my questions and call-backs with their answers, and what
// the self-service system cannot do.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssaCall, useAssaGet } from '../../hooks/use-assa';
import { ContactsCard } from './ContactsCard';
import { ErrorNote } from './ErrorNote';
import { CallbackForm, MyRequests, useHelpRequests } from './help-desk';

export function HelpPage() {
  const { t } = useTranslation();
  const call = useAssaCall();
  const unsupported = useAssaGet<Array<{ id: string; operation: string; reason: string; whereToGo: string }>>('/api/v1/help/unsupported');
  const [text, setText] = useState('');
  const [msg, setMsg] = useState<string | null>(null);
  const [err, setErr] = useState<unknown>(null);
  const requests = useHelpRequests();
  const ticket = async (ev: FormEvent) => {
    ev.preventDefault();
    try {
      const r = await call<{ id: string | number }>('POST', '/api/v1/help/tickets', { text });
      setMsg(t('acc.help.ticketCreated', { id: r.id }));
      setText('');
      requests.reload();
    } catch (e) {
      setErr(e);
    }
  };
  return (
    <>
      <article className="card" aria-labelledby="ticket-title">
        <h2 id="ticket-title">{t('acc.help.ticket')}</h2>
        <form className="form" onSubmit={ticket}>
          <label>
            {t('acc.help.question')}
            <textarea value={text} onChange={(e) => setText(e.target.value)} required maxLength={2000} />
          </label>
          <button type="submit">{t('acc.help.send')}</button>
        </form>
        <p aria-live="polite">{msg ?? ''}</p>
        <ErrorNote error={err} />
      </article>
      <MyRequests requests={requests.data} error={requests.error} />
      <ContactsCard />
      <CallbackForm onSent={requests.reload} />
      <article className="card" aria-labelledby="cannot-title">
        <h2 id="cannot-title">{t('acc.help.cannot')}</h2>
        <ErrorNote error={unsupported.error} />
        <dl data-testid="help-unsupported">
          {(unsupported.data ?? []).map((u) => (
            <div key={u.id} className="faq">
              <dt>{t(`docs.unsupported.${u.id}.operation`, { defaultValue: u.operation })}</dt>
              <dd>
                {t(`docs.unsupported.${u.id}.reason`, { defaultValue: u.reason })} <strong>{t(`docs.unsupported.${u.id}.whereToGo`, { defaultValue: u.whereToGo })}</strong>
              </dd>
            </div>
          ))}
        </dl>
      </article>
    </>
  );
}
