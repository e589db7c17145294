// A-HLP-1/2: ask the help desk, my questions and call-backs with their answers, and what
// the self-service system cannot do.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssaCall, useAssaGet } from '../../hooks/use-assa';
import { ContactsCard } from './ContactsCard';
import { FieldError, FormStatus } from '../../components/forms/FormStatus';
import { useFormAction } from '../../components/forms/use-form-action';
import { ErrorNote } from './ErrorNote';
import { CallbackForm, MyRequests, useHelpRequests } from './help-desk';

export function HelpPage() {
  const { t } = useTranslation();
  const call = useAssaCall();
  const unsupported = useAssaGet<Array<{ id: string; operation: string; reason: string; whereToGo: string }>>('/api/v1/help/unsupported');
  const [text, setText] = useState('');
  // The outcome under the Send button (issue 18), gone with the next action anywhere.
  const a = useFormAction();
  const requests = useHelpRequests();
  const ticket = (ev: FormEvent) => {
    ev.preventDefault();
    void a.run(async () => {
      const r = await call<{ id: string | number }>('POST', '/api/v1/help/tickets', { text });
      setText('');
      requests.reload();
      return t('acc.help.ticketCreated', { id: r.id });
    });
  };
  return (
    <>
      <article className="card" aria-labelledby="ticket-title">
        <h2 id="ticket-title">{t('acc.help.ticket')}</h2>
        <form className="form" onSubmit={ticket}>
          <label>
            {t('acc.help.question')}
            <textarea value={text} onChange={(e) => setText(e.target.value)} required maxLength={2000} aria-describedby="ticket-text-err" data-testid="ticket-text" />
            <FieldError action={a} field="text" id="ticket-text-err" />
          </label>
          <button type="submit" disabled={a.busy} data-testid="ticket-submit">{t('acc.help.send')}</button>
          <FormStatus action={a} fields={['text']} testId="ticket-status" />
        </form>
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
                {t(`docs.unsupported.${u.id}.reason`, { defaultValue: u.reason })}
                {/* the server's "where to go" is a phrase, not a sentence: it needs its label */}
                <br />
                {t('acc.help.whereToGo')} <strong>{t(`docs.unsupported.${u.id}.whereToGo`, { defaultValue: u.whereToGo })}</strong>
              </dd>
            </div>
          ))}
        </dl>
      </article>
    </>
  );
}
