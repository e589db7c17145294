// D-TRAF-2..4: traffic by day of a month and by month of a year, the sessions of the
// month with their per-minute series, the limits editor, and each session beside the
// operator's record of it (A-DET-2) when the account is reachable.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../src/shared/app-contract';
import type { LocalSessionDto, PeriodTotalDto } from '../../../src/shared/app-methods-traffic';
import { kyivMidnight, kyivMonth, startOfNextKyivMonth } from '../../../src/shared/kyiv-time';
import { useApi } from '../api-context';
import { LimitsEditor } from '../components/traffic/LimitsEditor';
import { ReconcileCard } from '../components/traffic/ReconcileCard';
import { SessionMinutes } from '../components/traffic/SessionMinutes';
import { PeriodChart } from '../components/traffic/PeriodChart';
import { formatBytes, formatDuration, formatKyivDateTime, formatMonth } from '../format';

/** The Kyiv month as a UTC interval [its first midnight, the next month's). */
function monthBounds(month: string): { from: string; to: string } {
  const from = kyivMidnight(`${month}-01`);
  return { from: from.toISOString(), to: startOfNextKyivMonth(from).toISOString() };
}

export function TrafficPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const api = useApi();
  const [month, setMonth] = useState(() => kyivMonth(Date.now()));
  const [daily, setDaily] = useState<PeriodTotalDto[]>([]);
  const [monthly, setMonthly] = useState<PeriodTotalDto[]>([]);
  const [sessions, setSessions] = useState<LocalSessionDto[]>([]);
  const [open, setOpen] = useState<number | null>(null);
  const fmt = useCallback((b: number) => formatBytes(b, lang), [lang]);

  useEffect(() => {
    api.call('traffic.daily', { month }).then(setDaily, () => setDaily([]));
    api.call('traffic.monthly', { year: month.slice(0, 4) }).then(setMonthly, () => setMonthly([]));
    api.call('traffic.sessions', monthBounds(month)).then(setSessions, () => setSessions([]));
  }, [api, month]);

  const total = daily.reduce((a, r) => a + r.rxBytes + r.txBytes, 0);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('pages.traffic.title')}</h1>
      <div className="cards">
        <article className="card wide" aria-labelledby="by-day">
          <h2 id="by-day">{t('trafficPage.byDay')}</h2>
          <label className="inline">
            {t('trafficPage.month')} <input type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} data-testid="traffic-month" />
          </label>
          <p data-testid="traffic-month-total">{t('trafficPage.total', { total: fmt(total) })}</p>
          {daily.length ? <PeriodChart rows={daily} label={t('trafficPage.byDay')} format={fmt} /> : <p className="muted">{t('trafficPage.empty')}</p>}
        </article>
        <article className="card wide" aria-labelledby="by-month">
          <h2 id="by-month">{t('trafficPage.byMonth')}</h2>
          {monthly.length ? (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('trafficPage.period')}</th>
                  <th scope="col">↓ {t('traffic.received')}</th>
                  <th scope="col">↑ {t('traffic.sent')}</th>
                  <th scope="col">{t('trafficPage.sessions')}</th>
                  <th scope="col">{t('traffic.duration')}</th>
                </tr>
              </thead>
              <tbody>
                {monthly.map((r) => (
                  <tr key={r.period}>
                    <td>{formatMonth(r.period, lang)}</td>
                    <td>{fmt(r.rxBytes)}</td>
                    <td>{fmt(r.txBytes)}</td>
                    <td>{r.sessions}</td>
                    <td>{formatDuration(r.seconds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">{t('trafficPage.empty')}</p>
          )}
        </article>
        <article className="card wide" aria-labelledby="sessions">
          <h2 id="sessions">{t('trafficPage.sessionsTitle')}</h2>
          {sessions.length ? (
            <table className="table" data-testid="traffic-sessions">
              <thead>
                <tr>
                  <th scope="col">{t('trafficPage.started')}</th>
                  <th scope="col">{t('traffic.duration')}</th>
                  <th scope="col">↓ {t('traffic.received')}</th>
                  <th scope="col">↑ {t('traffic.sent')}</th>
                  <th scope="col">{t('trafficPage.modemOs')}</th>
                  <th scope="col">{t('trafficPage.ended')}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <button type="button" className="link-button" aria-expanded={open === s.id} onClick={() => setOpen(open === s.id ? null : s.id)} data-testid={`session-open-${s.id}`}>
                        {formatKyivDateTime(s.startedAt, lang)}
                      </button>
                      {s.virtual ? <span className="badge">{t('modem.virtual')}</span> : null}
                    </td>
                    <td>{s.endedAt ? formatDuration(Math.round((Date.parse(s.endedAt) - Date.parse(s.startedAt)) / 1000)) : t('trafficPage.running')}</td>
                    <td>{fmt(s.rxBytes)}</td>
                    <td>{fmt(s.txBytes)}</td>
                    <td>
                      {s.modemRxBytes !== null ? fmt(s.modemRxBytes + (s.modemTxBytes ?? 0)) : '—'} / {s.osRxBytes !== null ? fmt(s.osRxBytes + (s.osTxBytes ?? 0)) : '—'}
                    </td>
                    <td>{s.endReason ? t(`trafficPage.reasons.${s.endReason}`, { defaultValue: s.endReason }) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">{t('trafficPage.noSessions')}</p>
          )}
          {open !== null ? <SessionMinutes sessionId={open} /> : null}
        </article>
        <ReconcileCard local={sessions} {...monthBounds(month)} />
        <LimitsEditor />
      </div>
    </section>
  );
}
