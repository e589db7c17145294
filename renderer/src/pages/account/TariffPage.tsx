// A-TAR-1/2: compare plans with their switching cost; a change applies from the 1st of
// next month, at most once per 30 days, and stays cancellable until then.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import { formatKyivDate, formatUah } from '../../format';
import { useAssaCall, useAssaGet } from '../../hooks/use-assa';
import { ErrorNote } from './ErrorNote';
import { AssaCallError } from '../../hooks/use-assa';
import { TermsGate } from './TermsGate';
import { useCatalogueText } from '../../i18n/catalogue-texts';

interface Tariffs {
  current: { id: string; name: string; monthlyFee: number; description: string };
  pending: { tariffId: string; name: string; effectiveFrom: string } | null;
  plans: Array<{ id: string; name: string; monthlyFee: number; description: string; switchCost: number }>;
}

export function TariffPage() {
  const { t, i18n } = useTranslation();
  const word = useCatalogueText();
  const lang = i18n.language as Language;
  const call = useAssaCall();
  const { data, error, reload } = useAssaGet<Tariffs>('/api/v1/tariffs');
  const [actionError, setActionError] = useState<unknown>(null);
  const act = async (fn: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await fn();
      reload();
    } catch (e) {
      setActionError(e);
    }
  };
  // After every hook: the gate replaces the section until the terms are accepted (A-SVC-3).
  if (error instanceof AssaCallError && error.code === 'terms_required') return <TermsGate onAccepted={reload} />;
  return (
    <article className="card wide" aria-labelledby="tar-title">
      <h2 id="tar-title">{t('acc.nav.tariff')}</h2>
      <ErrorNote error={error ?? actionError} />
      {data ? (
        <>
          <p>{t('acc.tar.current', { name: word(data.current.id, 'name', data.current.name), fee: formatUah(data.current.monthlyFee, lang) })}</p>
          {data.pending ? (
            <p data-testid="tariff-pending">
              {t('acc.tar.pending', { name: word(data.pending.tariffId, 'name', data.pending.name), date: formatKyivDate(`${data.pending.effectiveFrom}T12:00:00Z`, lang) })}{' '}
              <button type="button" className="secondary" onClick={() => void act(() => call('DELETE', '/api/v1/tariffs/change'))} data-testid="tariff-cancel">
                {t('acc.tar.cancel')}
              </button>
            </p>
          ) : null}
          <table className="table" data-testid="tariff-plans">
            <thead>
              <tr>
                <th scope="col">{t('acc.tar.plan')}</th>
                <th scope="col">{t('acc.tar.fee')}</th>
                <th scope="col">{t('acc.tar.switchCost')}</th>
                <th scope="col">{t('acc.tar.conditions')}</th>
                <th scope="col"><span className="sr-only">{t('acc.tar.action')}</span></th>
              </tr>
            </thead>
            <tbody>
              {data.plans.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{word(p.id, 'name', p.name)}</th>
                  <td>{formatUah(p.monthlyFee, lang)}</td>
                  <td>{formatUah(p.switchCost, lang)}</td>
                  <td>{word(p.id, 'description', p.description)}</td>
                  <td>
                    {p.id === data.current.id ? (
                      <span className="muted">{t('acc.tar.yours')}</span>
                    ) : (
                      <button type="button" onClick={() => void act(() => call('POST', '/api/v1/tariffs/change', { tariffId: p.id }))} data-testid={`tariff-choose-${p.id}`}>
                        {t('acc.tar.choose')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </article>
  );
}
