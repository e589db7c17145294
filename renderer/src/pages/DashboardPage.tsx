// U-DASH-1: modem and port (virtual marked), signal per technology, network mode, number,
// balance and the next fee, connect, the live traffic graph; registration, login,
// recovery and log out (components/auth) as the account needs them.
import { useTranslation } from 'react-i18next';
import { useModemState } from '../api-context';
import { AuthCard } from '../components/auth/AuthCard';
import { BalanceCard } from '../components/dashboard/BalanceCard';
import { ConnectCard } from '../components/dashboard/ConnectCard';
import { SignalBars } from '../components/dashboard/SignalBars';
import { SignalHistory } from '../components/dashboard/SignalHistory';
import { TrafficGraph } from '../components/dashboard/TrafficGraph';
import { useLive } from '../hooks/use-live';

export function DashboardPage() {
  const { t } = useTranslation();
  const modem = useModemState();
  const [details] = useLive('modem.details', {}, (e) => (e.type === 'modem.details' ? e.details : undefined));
  const [account] = useLive('account.status', {}, (e) => (e.type === 'account.status' ? e.status : undefined));
  const present = modem && modem.status !== 'no-modem' && modem.status !== 'probing';
  return (
    <section aria-labelledby="page-title" className="dashboard">
      <h1 id="page-title">{t('pages.dashboard.title')}</h1>
      <div className="cards">
        <article className="card" aria-labelledby="modem-card">
          <h2 id="modem-card">{t('pages.dashboard.modemCard')}</h2>
          <p className="big" data-testid="dashboard-modem-status">
            {modem ? t(`modem.status.${modem.status}`) : '…'}
            {modem?.virtual ? <span className="badge" data-testid="virtual-badge">{t('modem.virtual')}</span> : null}
          </p>
          {present ? (
            <>
              <dl className="facts">
                <dt>{t('modem.port')}</dt>
                <dd data-testid="modem-port">{modem.port ?? '—'}</dd>
                <dt>{t('modem.model')}</dt>
                <dd>{[modem.manufacturer, modem.model].filter(Boolean).join(' ') || '—'}</dd>
                <dt>{t('modem.number')}</dt>
                <dd data-testid="modem-number">{modem.number ?? t('modem.numberUnknown')}</dd>
                <dt>{t('modem.network')}</dt>
                <dd data-testid="network-mode">
                  {details?.network ? t(`network.${details.network.mode}`) : '—'}
                  {details?.network?.roaming ? <span className="badge">{t('network.roaming')}</span> : null}
                </dd>
              </dl>
              <h3 className="sub">{t('signal.title')}</h3>
              <SignalBars signal={details?.signal ?? null} />
              <SignalHistory signal={details?.signal ?? null} at={details?.updatedAt ?? null} />
            </>
          ) : (
            <p className="muted">{modem?.error ? modem.error.message : t('modem.none')}</p>
          )}
        </article>
        <ConnectCard modemReady={modem?.status === 'ready'} />
        <AuthCard status={account} number={modem?.number ?? null} />
        <BalanceCard loggedIn={account?.loggedIn ?? false} />
        <TrafficGraph />
      </div>
    </section>
  );
}
