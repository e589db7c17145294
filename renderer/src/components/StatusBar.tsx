// The always-visible line at the bottom: modem state (D-DIAL-2), virtual marker, shell.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useModemState } from '../api-context';

export function StatusBar() {
  const { t } = useTranslation();
  const api = useApi();
  const modem = useModemState();
  const [info, setInfo] = useState<{ version: string; shell: 'electron' | 'browser' } | null>(null);
  useEffect(() => {
    api.call('app.info', {}).then(setInfo, () => undefined);
  }, [api]);
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <span className={`dot dot-${modem?.status ?? 'no-modem'}`} aria-hidden="true" />
      <span data-testid="modem-status" aria-live="polite">{modem ? t(`modem.status.${modem.status}`) : '…'}</span>
      {modem?.virtual ? <span className="badge">{t('modem.virtual')}</span> : null}
      {modem?.port ? <span className="muted">{modem.port}</span> : null}
      <span className="spacer" />
      {info ? (
        <span className="muted">
          {t(`status.shell.${info.shell}`)} · {t('status.version', { version: info.version })}
        </span>
      ) : null}
    </footer>
  );
}
