// U-TRAY-1 in the page: the core's notifications (balance short of the next fee, limit
// reached, link dropped, new SMS) as a polite live region, each dismissible. In Electron
// the main process also shows them natively.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppEvent } from '../../../src/shared/app-contract';
import { useAppEvents } from '../api-context';

type Note = Extract<AppEvent, { type: 'notification' }>;

export function Notifications() {
  const { t } = useTranslation();
  const [notes, setNotes] = useState<Note[]>([]);
  const onEvent = useCallback((e: AppEvent) => {
    if (e.type !== 'notification') return;
    setNotes((prev) => [e, ...prev.filter((n) => n.id !== e.id)].slice(0, 5));
  }, []);
  useAppEvents(onEvent);
  return (
    <div className="notifications" aria-live="polite" aria-label={t('notifications.label')}>
      {notes.map((n) => (
        <div key={n.id} className={`note note-${n.level}`} role={n.level === 'error' ? 'alert' : 'status'} data-testid="notification">
          <span>{t(`notifications.${n.code}`, { defaultValue: n.text, ...(n.params ?? {}) })}</span>
          <button type="button" className="link" aria-label={t('notifications.dismiss')} onClick={() => setNotes((prev) => prev.filter((x) => x.id !== n.id))}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
