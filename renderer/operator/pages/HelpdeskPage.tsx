// The help desk (A-HLP-1): questions and call-back orders, each answered here; the
// subscriber reads the answer in Help.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { kyiv } from '../format';
import { Field, Message, Section, useErrorText, useResource, type Note } from '../ui';

interface Ticket {
  id: number;
  number: string;
  kind: 'question' | 'callback';
  text: string;
  phone: string | null;
  status: string;
  createdAt: string;
  answers: Array<{ text: string; operator: string; at: string }>;
}

export function HelpdeskPage() {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const q = all ? '' : '?status=open';
  const questions = useResource(() => api<Ticket[]>('GET', `/tickets${q}`), [q]);
  const callbacks = useResource(() => api<Ticket[]>('GET', `/callbacks${q}`), [q]);
  const reload = () => {
    questions.reload();
    callbacks.reload();
  };
  return (
    <>
      <h1>{t('helpdesk.title')}</h1>
      <div className="field check">
        <input id="hd-all" type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
        <label htmlFor="hd-all">{t('helpdesk.showAll')}</label>
      </div>
      <Section title={t('helpdesk.questions')} testId="hd-questions">
        {(questions.data ?? []).map((x) => (
          <TicketCard key={x.id} ticket={x} onDone={reload} />
        ))}
        {questions.data?.length === 0 ? <p>{t('common.none')}</p> : null}
      </Section>
      <Section title={t('helpdesk.callbacks')} testId="hd-callbacks">
        {(callbacks.data ?? []).map((x) => (
          <TicketCard key={x.id} ticket={x} onDone={reload} />
        ))}
        {callbacks.data?.length === 0 ? <p>{t('common.none')}</p> : null}
      </Section>
    </>
  );
}

function TicketCard({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [close, setClose] = useState(ticket.kind === 'callback');
  const [note, setNote] = useState<Note>(null);
  const errorText = useErrorText();
  const send = async () => {
    try {
      await api('POST', `/tickets/${ticket.id}/answer`, { text, close });
      setNote({ kind: 'ok', text: t('helpdesk.answered') });
      setText('');
      onDone();
    } catch (err) {
      setNote({ kind: 'error', text: errorText(err) });
    }
  };
  return (
    <article className="ticket" data-testid={`ticket-${ticket.id}`} aria-labelledby={`ticket-${ticket.id}-h`}>
      <h3 id={`ticket-${ticket.id}-h`}>
        #{ticket.id} · <a href={`#/subscribers/${ticket.number}`}>{ticket.number}</a> · {kyiv(ticket.createdAt, i18n.language)} · {t(`status.${ticket.status}`)}
      </h3>
      <p>{ticket.text}</p>
      {ticket.phone ? (
        <p>
          {t('helpdesk.phone')}: <a href={`tel:+380${ticket.phone}`}>0{ticket.phone}</a>
        </p>
      ) : null}
      {ticket.answers.map((a) => (
        <blockquote key={a.at}>
          {a.text} — {a.operator}, {kyiv(a.at, i18n.language)}
        </blockquote>
      ))}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <Field label={ticket.kind === 'callback' ? t('helpdesk.callbackDone') : t('helpdesk.answer')} value={text} onChange={setText} multiline required testId={`answer-${ticket.id}`} />
        <div className="field check">
          <input id={`close-${ticket.id}`} type="checkbox" checked={close} onChange={(e) => setClose(e.target.checked)} />
          <label htmlFor={`close-${ticket.id}`}>{t('helpdesk.close')}</label>
        </div>
        <button type="submit" data-testid={`answer-submit-${ticket.id}`}>
          {t('helpdesk.answerSubmit')}
        </button>
      </form>
      <Message note={note} testId={`answer-message-${ticket.id}`} />
    </article>
  );
}
