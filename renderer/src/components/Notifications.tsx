// U-TRAY-1 in the page: the core's notifications (balance short of the next fee, limit
// reached, link dropped, new SMS) as a polite live region, each dismissible, the same
// news never stacked (notification-list.ts). In Electron the main process also shows them
// natively.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AppEvent, Language } from '../../../src/shared/app-contract';
import { useAppEvents } from '../api-context';
import { formatBytes, formatDuration, formatUah, shownNumber } from '../format';
import { addNotification, type Note, type ShownNote } from './notification-list';

/** A limit is named by what it counts, how much and per what period — never by its id. */
function limitName(t: TFunction, lang: Language, p: Record<string, string | number>): string {
  const amount = Number(p.amount ?? 0);
  const kind = String(p.kind ?? 'bytes');
  const shown = kind === 'seconds' ? formatDuration(amount) : kind === 'kopecks' ? formatUah(amount, lang) : formatBytes(amount, lang);
  return t('notifications.limitName', { kind: t(`limits.kinds.${kind}`), amount: shown, period: t(`limits.periods.${String(p.period ?? 'month')}`) });
}

export function noteText(t: TFunction, lang: Language, { note, count }: ShownNote): string {
  const params = { ...note.params };
  if (note.code === 'sms_received' && typeof params.from === 'string') params.from = shownNumber(params.from);
  if (note.code === 'sms_received' && count > 1) return t('notifications.sms_received_many', { count, from: params.from });
  // Money comes as kopecks and is formatted here, in the screen's language.
  if (note.code === 'balance_short') return t('notifications.balance_short', { missing: formatUah(Number(params.shortKopecks ?? 0), lang) });
  if (note.code === 'limit_warning' || note.code === 'limit_reached') return t(`notifications.${note.code}`, { ...params, limit: limitName(t, lang, params) });
  return t(`notifications.${note.code}`, { defaultValue: note.text, ...params });
}

export function Notifications() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [notes, setNotes] = useState<ShownNote[]>([]);
  const onEvent = useCallback((e: AppEvent) => {
    if (e.type === 'notification') setNotes((prev) => addNotification(prev, e as Note));
  }, []);
  useAppEvents(onEvent);
  return (
    <section className="notifications" aria-live="polite" aria-label={t('notifications.label')}>
      {notes.map((s) => (
        <div key={s.note.id} className={`note note-${s.note.level}`} role={s.note.level === 'error' ? 'alert' : undefined} data-testid="notification">
          <span>{noteText(t, lang, s)}</span>
          <button type="button" className="link" aria-label={t('notifications.dismiss')} onClick={() => setNotes((prev) => prev.filter((x) => x !== s))}>
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
