// A-SVC-1..3: the services of the number, switched on and off; paid ones charge through
// the ledger; some need their terms accepted first.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import { formatUah } from '../../format';
import { useAssaCall, useAssaGet } from '../../hooks/use-assa';
import { ErrorNote } from './ErrorNote';
import { AssaCallError } from '../../hooks/use-assa';
import { TermsGate } from './TermsGate';
import { useCatalogueText } from '../../i18n/catalogue-texts';

interface Service {
  id: string;
  name: string;
  description: string;
  monthlyFee: number;
  enabled: boolean;
  requiresTerms: boolean;
  terms?: string;
}

export function ServicesPage() {
  const { t, i18n } = useTranslation();
  const word = useCatalogueText();
  const lang = i18n.language as Language;
  const call = useAssaCall();
  const { data, error, reload } = useAssaGet<Service[]>('/api/v1/services');
  const [accepted, setAccepted] = useState<Record<string, boolean>>({});
  const [actionError, setActionError] = useState<unknown>(null);
  const toggle = async (s: Service) => {
    setActionError(null);
    try {
      await call('PUT', `/api/v1/services/${s.id}`, { enabled: !s.enabled, ...(s.requiresTerms && !s.enabled ? { acceptTerms: accepted[s.id] === true } : {}) });
      reload();
    } catch (e) {
      setActionError(e);
    }
  };
  // After every hook: the gate replaces the section until the terms are accepted (A-SVC-3).
  if (error instanceof AssaCallError && error.code === 'terms_required') return <TermsGate onAccepted={reload} />;
  return (
    <article className="card wide" aria-labelledby="svc-title">
      <h2 id="svc-title">{t('acc.nav.services')}</h2>
      <ErrorNote error={error ?? actionError} />
      <ul className="list" data-testid="services-list">
        {(data ?? []).map((s) => (
          <li key={s.id} data-testid={`service-${s.id}`}>
            <div>
              <strong>{word(s.id, 'name', s.name)}</strong> {s.monthlyFee > 0 ? <span className="muted">{t('acc.svc.perMonth', { fee: formatUah(s.monthlyFee, lang) })}</span> : <span className="muted">{t('acc.svc.free')}</span>}
              <p className="muted">{word(s.id, 'description', s.description)}</p>
              {s.requiresTerms && !s.enabled ? (
                <label className="inline">
                  <input type="checkbox" checked={accepted[s.id] ?? false} onChange={(e) => setAccepted({ ...accepted, [s.id]: e.target.checked })} />
                  {t('acc.svc.acceptTerms')}
                  {s.terms ? <span className="muted"> — {word(s.id, 'terms', s.terms)}</span> : null}
                </label>
              ) : null}
            </div>
            <button type="button" className={s.enabled ? 'secondary' : undefined} aria-pressed={s.enabled} onClick={() => void toggle(s)} data-testid={`service-toggle-${s.id}`}>
              {s.enabled ? t('acc.svc.turnOff') : t('acc.svc.turnOn')}
            </button>
          </li>
        ))}
      </ul>
    </article>
  );
}
