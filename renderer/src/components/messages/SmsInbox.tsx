// M-SMS-1 for the user: the modem's messages in folders (inbox, unread, sent), unread
// marks, reply and compose in any alphabet (the core picks GSM 7-bit or UCS2).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import type { SmsDto } from '../../../../src/shared/app-methods-modem';
import { useApi } from '../../api-context';
import { formatKyivDateTime, shownNumber } from '../../format';
import { FormStatus } from '../forms/FormStatus';
import { useFormAction } from '../forms/use-form-action';

export type Folder = 'inbox' | 'unread' | 'sent';
export interface SentSms {
  to: string;
  text: string;
  at: string;
}

/** The modem keeps what it received; what this app sent is kept here, on this computer. */
const SENT_KEY = 'assa.sms.sent';
const SENT_KEPT = 200;
const readSent = (): SentSms[] => {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(SENT_KEY) ?? '[]');
    return Array.isArray(v) ? (v as SentSms[]) : [];
  } catch {
    return [];
  }
};

/** The messages of a folder, newest first. */
export function inFolder(inbox: SmsDto[], folder: Exclude<Folder, 'sent'>): SmsDto[] {
  const list = folder === 'unread' ? inbox.filter((s) => !s.read) : inbox;
  return [...list].sort((x, y) => (y.at ?? '').localeCompare(x.at ?? '') || y.index - x.index);
}

/** sms.send takes digits, * # and a leading +; people type spaces and dashes too. */
export const smsAddress = (raw: string) => raw.replace(/[\s\-().]/g, '');

export function SmsInbox({ enabled }: { enabled: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const api = useApi();
  const a = useFormAction();
  const [inbox, setInbox] = useState<SmsDto[]>([]);
  const [sent, setSent] = useState<SentSms[]>(readSent);
  const [folder, setFolder] = useState<Folder>('inbox');
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  /** The message open in full (its index); opening clears its unread mark. */
  const [openIndex, setOpenIndex] = useState<number | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (enabled) api.call('sms.list', {}).then(setInbox, () => undefined);
    return api.subscribe((e) => {
      if (e.type === 'sms.received') setInbox((prev) => [...prev.filter((s) => s.index !== e.sms.index), e.sms]);
    });
  }, [api, enabled]);

  const send = (ev: FormEvent) => {
    ev.preventDefault();
    void a.run(async () => {
      await api.call('sms.send', { to: smsAddress(to), text });
      const next = [{ to: smsAddress(to), text, at: new Date().toISOString() }, ...sent].slice(0, SENT_KEPT);
      localStorage.setItem(SENT_KEY, JSON.stringify(next));
      setSent(next);
      setText('');
      return t('inbox.sent');
    });
  };
  const del = (index: number) =>
    void a.run(async () => {
      await api.call('sms.delete', { index });
      setInbox((prev) => prev.filter((s) => s.index !== index));
    });
  const open = (s: SmsDto) => {
    if (openIndex === s.index) return setOpenIndex(null);
    setOpenIndex(s.index);
    if (s.read) return;
    setInbox((prev) => prev.map((x) => (x.index === s.index ? { ...x, read: true } : x)));
    api.call('sms.markRead', { index: s.index }).catch(() => undefined);
  };
  const replyTo = (from: string) => {
    setTo(from);
    textRef.current?.focus();
  };
  const unread = inbox.filter((s) => !s.read).length;
  const counts: Record<Folder, number> = { inbox: inbox.length, unread, sent: sent.length };

  return (
    <article className="card wide" aria-labelledby="inbox-title">
      <h2 id="inbox-title">{t('inbox.title')}</h2>
      {!enabled ? <p className="muted">{t('inbox.noModem')}</p> : null}
      <ul className="folders" aria-label={t('inbox.folders')}>
        {(['inbox', 'unread', 'sent'] as const).map((f) => (
          <li key={f}>
            <button type="button" className="secondary" aria-pressed={folder === f} onClick={() => setFolder(f)} data-testid={`sms-folder-${f}`}>
              {t(`inbox.folder.${f}`)} ({counts[f]})
            </button>
          </li>
        ))}
      </ul>
      {folder === 'sent' ? (
        <ul className="inbox" data-testid="sms-list">
          {sent.length === 0 ? <li className="muted">{t('inbox.empty')}</li> : null}
          {sent.map((s, i) => (
            <li key={`${s.at}-${i}`} data-testid="sms-sent-item">
              <span>
                {t('inbox.to')} <strong>{shownNumber(s.to)}</strong> <time dateTime={s.at}>{formatKyivDateTime(s.at, lang)}</time>
              </span>
              <p>{s.text}</p>
            </li>
          ))}
        </ul>
      ) : (
        <ul className="inbox" data-testid="sms-list">
          {inFolder(inbox, folder).length === 0 ? <li className="muted">{t('inbox.empty')}</li> : null}
          {inFolder(inbox, folder).map((s) => (
            <li key={`${s.index}-${s.from}`} className={s.read ? undefined : 'unread'} data-testid={`sms-item-${s.index}`}>
              <button type="button" className="sms-open" aria-expanded={openIndex === s.index} onClick={() => open(s)} data-testid={`sms-open-${s.index}`}>
                <strong>{shownNumber(s.from)}</strong> {s.at ? <time dateTime={s.at}>{formatKyivDateTime(s.at, lang)}</time> : null} {s.read ? null : <span className="badge">{t('inbox.unread')}</span>}
                {openIndex === s.index ? null : <span className="sms-preview">{s.text}</span>}
              </button>
              {openIndex === s.index ? (
                <>
                  <p className="sms-text" data-testid={`sms-text-${s.index}`}>{s.text}</p>
                  <div className="actions">
                    <button type="button" className="secondary" onClick={() => replyTo(shownNumber(s.from))} aria-label={t('inbox.replyTo', { from: shownNumber(s.from) })} disabled={!enabled} data-testid={`sms-reply-${s.index}`}>
                      {t('inbox.reply')}
                    </button>
                    <button type="button" className="secondary" onClick={() => del(s.index)} aria-label={t('inbox.deleteFrom', { from: shownNumber(s.from) })} disabled={!enabled} data-testid={`sms-delete-${s.index}`}>
                      {t('inbox.delete')}
                    </button>
                  </div>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <form className="form" onSubmit={send} aria-labelledby="compose-title">
        <h3 id="compose-title">{t('inbox.compose')}</h3>
        <label>
          {t('inbox.to')}
          <input value={to} onChange={(e) => setTo(e.target.value)} required pattern="\+?[0-9*# \(\)\-]{1,30}" inputMode="tel" disabled={!enabled} data-testid="sms-to" />
        </label>
        <label>
          {t('inbox.text')}
          <textarea ref={textRef} value={text} onChange={(e) => setText(e.target.value)} required maxLength={640} disabled={!enabled} data-testid="sms-text" />
          <span className="hint">{t('inbox.chars', { count: text.length })}</span>
        </label>
        <button type="submit" disabled={!enabled || a.busy} data-testid="sms-send">{t('inbox.send')}</button>
        <FormStatus action={a} testId="sms-status" />
      </form>
    </article>
  );
}
