// A-SVC-3: Services and Change package open once the subscriber has accepted the terms
// of use (a checkbox, once). Shown in place of the section until then.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssaCall, useAssaGet } from '../../hooks/use-assa';
import { ErrorNote } from './ErrorNote';

export function TermsGate({ onAccepted }: { onAccepted: () => void }) {
  const { t } = useTranslation();
  const call = useAssaCall();
  const terms = useAssaGet<{ accepted: boolean; text: string }>('/api/v1/terms');
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const accept = async () => {
    try {
      await call('POST', '/api/v1/terms/accept', {});
      onAccepted();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <article className="card wide" aria-labelledby="terms-title">
      <h2 id="terms-title">{t('acc.terms.title')}</h2>
      <p>{terms.data ? t('docs.terms', { defaultValue: terms.data.text }) : '…'}</p>
      <label className="inline">
        <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} data-testid="terms-check" />
        {t('acc.terms.accept')}
      </label>
      <button type="button" disabled={!checked} onClick={() => void accept()} data-testid="terms-accept">
        {t('acc.terms.continue')}
      </button>
      <ErrorNote error={error} />
    </article>
  );
}
