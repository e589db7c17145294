// Issue 16 on screen: which backend drives the modem (the ports directly, or ModemManager over
// D-Bus), the setting that chooses it, and "take the port over": ModemManager lets go of the
// stick (InhibitDevice) while the app, its AT terminal or `assa diag` use the ports, and gets
// it back with one more press. Shown on the Diagnostics and the Settings page.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackendStatusDto, ModemBackendSettingDto } from '../../../../src/shared/app-methods-backend';
import { useApi } from '../../api-context';
import { errorText } from '../../hooks/use-live';

/** The backend status, fetched again whenever the modem or the settings change. */
export function useBackendStatus(): [BackendStatusDto | null, () => void] {
  const api = useApi();
  const [status, setStatus] = useState<BackendStatusDto | null>(null);
  const load = useCallback(() => void api.call('modem.backend', {}).then(setStatus, () => setStatus(null)), [api]);
  useEffect(() => {
    load();
    // MM letting go or taking the stick back is not always a modem-state change the app sees
    // at that instant (the setting 'serial' inhibits in the background): look again every 2 s
    const every = setInterval(load, 2000);
    const off = api.subscribe((e) => {
      if (e.type === 'modem.state' || e.type === 'settings.changed') load();
    });
    return () => {
      clearInterval(every);
      off();
    };
  }, [api, load]);
  return [status, load];
}

const SETTINGS: ModemBackendSettingDto[] = ['auto', 'serial', 'modemmanager'];

export function ModemBackendCard() {
  const { t } = useTranslation();
  const api = useApi();
  const [status, reload] = useBackendStatus();
  const [msg, setMsg] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!status) return null;

  const act = async (f: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    setMsg(null);
    try {
      await f();
      if (done) setMsg(done);
    } catch (e) {
      setMsg(errorText(t, e));
    } finally {
      setBusy(false);
      reload();
    }
  };

  return (
    <article className="card wide" aria-labelledby="backend-title" data-testid="backend-card">
      <h2 id="backend-title">{t('modemBackend.title')}</h2>
      <p data-testid="backend-active">{t(`modemBackend.active.${status.active ?? 'none'}`)}</p>
      <p className="muted">{t(status.modemManagerRunning ? 'modemBackend.mmRunning' : 'modemBackend.mmAbsent')}</p>
      {status.dataCalls ? <p data-testid="backend-data-calls">{t(`modemBackend.dataCalls.${status.dataCalls}`)}</p> : null}
      <div className="form">
        <label>
          {t('modemBackend.setting')}
          <select data-testid="backend-setting" value={status.setting} disabled={busy} onChange={(e) => void act(() => api.call('settings.update', { modemBackend: e.target.value as ModemBackendSettingDto }), t('modemBackend.saved'))}>
            {SETTINGS.map((s) => (
              <option key={s} value={s}>
                {t(`modemBackend.settings.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {status.active === 'modemmanager' && !status.atTerminal ? <p data-testid="backend-at-unavailable">{t('modemBackend.atUnavailable')}</p> : null}
      {status.takenOver ? (
        <>
          <p data-testid="backend-taken-over">{t('modemBackend.takenOver', { device: status.takenOverDevice ?? '' })}</p>
          <button type="button" data-testid="backend-give-back" disabled={busy} onClick={() => void act(() => api.call('modem.takeOver', { on: false }))}>
            {t('modemBackend.giveBack')}
          </button>
        </>
      ) : status.modemManagerHasModem ? (
        <>
          <p className="muted" id="backend-take-hint">{t('modemBackend.takeOverHint')}</p>
          <button type="button" data-testid="backend-take-over" aria-describedby="backend-take-hint" disabled={busy} onClick={() => void act(() => api.call('modem.takeOver', { on: true }))}>
            {t('modemBackend.takeOver')}
          </button>
        </>
      ) : null}
      <p role="status" data-testid="backend-message">{msg ?? ''}</p>
    </article>
  );
}
