// A-DET-1..3: the calls or data sessions of a period, and the same as CSV.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import { kyivDay, kyivMidnight } from '../../../../src/shared/kyiv-time';
import { formatBytes, formatKyivDateTime } from '../../format';
import { useAssaCall, useAssaGet } from '../../hooks/use-assa';
import { ErrorNote } from './ErrorNote';

interface DetailItem {
  id: string;
  startedAt: string;
  endedAt?: string | null;
  kind?: string;
  peer?: string;
  seconds?: number;
  inBytes?: number;
  outBytes?: number;
  ip?: string;
  cost?: number;
}

export function DetailsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const call = useAssaCall();
  const today = kyivDay(Date.now());
  const [kind, setKind] = useState<'sessions' | 'calls'>('sessions');
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const query = { kind, from: kyivMidnight(from).toISOString(), to: new Date(kyivMidnight(today).getTime() + 86_400_000).toISOString() };
  const { data, error } = useAssaGet<{ items: DetailItem[]; totals?: Record<string, number> }>('/api/v1/details', query);
  const [csvError, setCsvError] = useState<unknown>(null);
  const csv = async () => {
    try {
      const text = await call<string>('GET', '/api/v1/details.csv', undefined, { query });
      const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: `details-${kind}-${from}.csv` });
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setCsvError(e);
    }
  };
  return (
    <article className="card wide" aria-labelledby="det-title">
      <h2 id="det-title">{t('acc.nav.details')}</h2>
      <div className="actions">
        <label>
          {t('acc.det.kind')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as 'sessions' | 'calls')}>
            <option value="sessions">{t('acc.det.sessions')}</option>
            <option value="calls">{t('acc.det.calls')}</option>
          </select>
        </label>
        <label>
          {t('acc.from')} <input type="date" value={from} max={today} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </label>
        <button type="button" className="secondary" onClick={() => void csv()}>{t('acc.det.csv')}</button>
      </div>
      <ErrorNote error={error ?? csvError} />
      {data ? (
        <table className="table" data-testid="details-table">
          <thead>
            <tr>
              <th scope="col">{t('acc.when')}</th>
              <th scope="col">{kind === 'sessions' ? 'IP' : t('acc.det.peer')}</th>
              <th scope="col">{kind === 'sessions' ? t('acc.det.traffic') : t('acc.det.duration')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((d) => (
              <tr key={d.id}>
                <td>{formatKyivDateTime(d.startedAt, lang)}</td>
                <td>{kind === 'sessions' ? (d.ip ?? '—') : (d.peer ?? '—')}</td>
                <td>{kind === 'sessions' ? `↓ ${formatBytes(d.inBytes ?? 0, lang)} ↑ ${formatBytes(d.outBytes ?? 0, lang)}` : `${d.seconds ?? 0} s`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </article>
  );
}
