// D-TRAF-4: each local session beside the operator's record of it (A-DET-2), paired by
// time overlap, with the difference in bytes. Operator records come from ASSA over the
// account link; without a login the card says so.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import type { LocalSessionDto } from '../../../../src/shared/app-methods-traffic';
import { reconcileSessions, type ReconciledPair } from '../../../../src/shared/reconcile-sessions';
import { formatBytes, formatKyivDateTime } from '../../format';
import { useAssaCall } from '../../hooks/use-assa';
import { ErrorNote } from '../../pages/account/AccountShell';

interface OperatorSession {
  id: string;
  startedAt: string;
  endedAt: string | null;
  inBytes?: number;
  outBytes?: number;
}

export function ReconcileCard({ local, from, to }: { local: LocalSessionDto[]; from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const call = useAssaCall();
  const [pairs, setPairs] = useState<ReconciledPair[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    call<{ items: OperatorSession[] }>('GET', '/api/v1/details', undefined, { query: { kind: 'sessions', from, to, limit: '500' } }).then(
      (r) => {
        if (!live) return;
        const mine = local.map((s) => ({ id: s.id, start: Date.parse(s.startedAt), end: s.endedAt ? Date.parse(s.endedAt) : null, rxBytes: s.rxBytes, txBytes: s.txBytes }));
        const theirs = r.items.map((o) => ({ id: o.id, start: Date.parse(o.startedAt), end: o.endedAt ? Date.parse(o.endedAt) : null, rxBytes: o.inBytes ?? 0, txBytes: o.outBytes ?? 0 }));
        setPairs(reconcileSessions(mine, theirs, Date.now()));
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [call, local, from, to]);
  const diff = (d: number | null) => (d === null ? '—' : `${d > 0 ? '+' : d < 0 ? '−' : ''}${formatBytes(Math.abs(d), lang)}`);
  return (
    <article className="card wide" aria-labelledby="rec-title">
      <h2 id="rec-title">{t('trafficPage.reconcile')}</h2>
      <ErrorNote error={error} />
      {pairs && pairs.length === 0 ? <p className="muted">{t('trafficPage.noSessions')}</p> : null}
      {pairs && pairs.length > 0 ? (
        <table className="table" data-testid="reconcile-table">
          <thead>
            <tr>
              <th scope="col">{t('trafficPage.started')}</th>
              <th scope="col">{t('trafficPage.local')}</th>
              <th scope="col">{t('trafficPage.operator')}</th>
              <th scope="col">{t('trafficPage.difference')}</th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((p, i) => (
              <tr key={i}>
                <td>{formatKyivDateTime(p.local?.start ?? p.operator?.start ?? 0, lang)}</td>
                <td>{p.local ? `↓ ${formatBytes(p.local.rxBytes, lang)} ↑ ${formatBytes(p.local.txBytes, lang)}` : '—'}</td>
                <td>{p.operator ? `↓ ${formatBytes(p.operator.rxBytes, lang)} ↑ ${formatBytes(p.operator.txBytes, lang)}` : t('trafficPage.notBilled')}</td>
                <td>{p.rxDiff === null ? '—' : `↓ ${diff(p.rxDiff)} ↑ ${diff(p.txDiff)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </article>
  );
}
