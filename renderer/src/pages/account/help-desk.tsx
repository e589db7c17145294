// A-HLP-1 from the subscriber's side: the questions and call-back orders this number sent to
// the help desk, with the desk's answers (the operator console answers them, issue 14), and
// the form to order a call back. The answers come from the server each time the page opens:
// the desk may have answered while the app was closed.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import { formatKyivDateTime } from '../../format';
import { useAssaCall, useAssaGet } from '../../hooks/use-assa';
import { ErrorNote } from './ErrorNote';
import { NumberInput, numberForServer } from '../../components/forms/NumberInput';
import { FieldError, FormStatus } from '../../components/forms/FormStatus';
import { useFormAction } from '../../components/forms/use-form-action';

export interface HelpRequest {
  id: number;
  kind: string;
  text: string;
  status: string;
  createdAt: string;
  answers: Array<{ text: string; at: string }>;
}

/** The list of this number's requests, newest first, each with its status and answers. */
export function MyRequests({ requests, error }: { requests: HelpRequest[] | null; error: unknown }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const list = [...(requests ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <article className="card" aria-labelledby="requests-title">
      <h2 id="requests-title">{t('acc.help.requests')}</h2>
      <ErrorNote error={error} />
      {requests && list.length === 0 ? <p>{t('acc.help.noRequests')}</p> : null}
      <ol className="help-requests" data-testid="help-requests">
        {list.map((r) => (
          <li key={r.id} data-testid={`help-request-${r.id}`}>
            <p>
              <strong>{t(r.kind === 'callback' ? 'acc.help.callbackNo' : 'acc.help.ticketNo', { id: r.id })}</strong>{' '}
              <time dateTime={r.createdAt}>{formatKyivDateTime(r.createdAt, lang)}</time>{' '}
              <span className={`status status-${r.status}`}>{t(`acc.help.status.${r.status}`, { defaultValue: r.status })}</span>
            </p>
            <p className="help-question">{r.text}</p>
            {r.answers.map((a, i) => (
              <blockquote key={i} className="help-answer" data-testid="help-answer">
                <p>
                  {t('acc.help.answered')} <time dateTime={a.at}>{formatKyivDateTime(a.at, lang)}</time>
                </p>
                <p>{a.text}</p>
              </blockquote>
            ))}
          </li>
        ))}
      </ol>
    </article>
  );
}

/** A-HLP-1 "order a call back": the number to call and what it is about. */
export function CallbackForm({ onSent }: { onSent: () => void }) {
  const { t } = useTranslation();
  const call = useAssaCall();
  const [phone, setPhone] = useState('');
  const [topic, setTopic] = useState('');
  const a = useFormAction();
  const send = (ev: FormEvent) => {
    ev.preventDefault();
    void a.run(async () => {
      const r = await call<{ id: number }>('POST', '/api/v1/help/callbacks', { phone: numberForServer(phone) ?? phone, topic });
      setTopic('');
      onSent();
      return t('acc.help.callbackCreated', { id: r.id });
    });
  };
  return (
    <article className="card" aria-labelledby="callback-title">
      <h2 id="callback-title">{t('acc.help.callback')}</h2>
      <form className="form" onSubmit={send}>
        <NumberInput label={t('acc.help.callbackPhone')} value={phone} onChange={setPhone} required describedBy="callback-phone-err" testId="callback-phone" />
        <FieldError action={a} field="phone" id="callback-phone-err" />
        <label>
          {t('acc.help.callbackTopic')}
          <input value={topic} onChange={(e) => setTopic(e.target.value)} maxLength={500} aria-describedby="callback-topic-err" data-testid="callback-topic" />
          <FieldError action={a} field="topic" id="callback-topic-err" />
        </label>
        <button type="submit" disabled={a.busy} data-testid="callback-submit">{t('acc.help.callbackSend')}</button>
        <FormStatus action={a} fields={['phone', 'topic']} testId="callback-status" />
      </form>
    </article>
  );
}

/** The requests as the page needs them: the list and a way to read it again after sending. */
export function useHelpRequests() {
  return useAssaGet<HelpRequest[]>('/api/v1/help/tickets');
}
