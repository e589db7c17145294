import { useTranslation } from 'react-i18next';
import { useModemState } from '../api-context';

export function DashboardPage() {
  const { t } = useTranslation();
  const modem = useModemState();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('pages.dashboard.title')}</h1>
      <article className="card" aria-labelledby="modem-card">
        <h2 id="modem-card">{t('pages.dashboard.modemCard')}</h2>
        <p className="big" data-testid="dashboard-modem-status">
          {modem ? t(`modem.status.${modem.status}`) : '…'}
          {modem?.virtual ? <span className="badge">{t('modem.virtual')}</span> : null}
        </p>
        {modem && modem.status !== 'no-modem' ? (
          <dl className="facts">
            <dt>{t('modem.port')}</dt>
            <dd>{modem.port ?? '—'}</dd>
            <dt>{t('modem.model')}</dt>
            <dd>{[modem.manufacturer, modem.model].filter(Boolean).join(' ') || '—'}</dd>
            <dt>{t('modem.number')}</dt>
            <dd>{modem.number ?? '—'}</dd>
          </dl>
        ) : (
          <p className="muted">{t('modem.none')}</p>
        )}
      </article>
    </section>
  );
}
