// U-DASH-1 / D-DIAL-1/2: connect and disconnect, the progress in words, the reason of a
// failure in the user's language, the next automatic attempt.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionStateDto } from '../../../../src/shared/app-methods-connection';
import { useApi } from '../../api-context';
import { errorText, useLive } from '../../hooks/use-live';

export function ConnectCard({ modemReady }: { modemReady: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const [state] = useLive('connection.state', {}, (e) => (e.type === 'connection.state' ? e.state : undefined));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const s: ConnectionStateDto | null = state;
  const up = s?.status === 'connected';
  const working = s?.status === 'connecting' || s?.status === 'disconnecting';
  const act = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.call(up ? 'connection.disconnect' : 'connection.connect', {});
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <article className="card" aria-labelledby="conn-card">
      <h2 id="conn-card">{t('connection.title')}</h2>
      <p className="big" data-testid="connection-status" aria-live="polite">
        {s ? t(`connection.status.${s.status}`) : '…'}
        {s?.phase && working ? <span className="muted"> — {t(`connection.phase.${s.phase}`, { defaultValue: s.phase })}</span> : null}
      </p>
      {s?.localIp && up ? <p className="muted">{t('connection.address', { ip: s.localIp })}</p> : null}
      {s?.error ? (
        <p className="error" role="alert" data-testid="connection-error">
          {errorText(t, s.error)}
        </p>
      ) : null}
      {s?.status === 'reconnecting' && s.nextAttemptAt ? <p className="muted">{t('connection.retry', { attempt: s.attempt })}</p> : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
      <button type="button" onClick={act} disabled={busy || working || (!up && !modemReady)} data-testid="connect-button">
        {up ? t('connection.disconnect') : t('connection.connect')}
      </button>
    </article>
  );
}
