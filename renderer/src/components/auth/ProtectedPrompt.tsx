// R-AUTO-3 / A-SEC-4: when the server refused a section as protected, one button opens
// it — the app activates a RUNA through the modem and sends it; nobody types a code.
// Shown above whichever page asked; `onOpened` lets the page load again.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import { useApi } from '../../api-context';
import { useLive } from '../../hooks/use-live';
import { authErrorText } from './auth-error-text';

export function ProtectedPrompt({ onOpened }: { onOpened: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [status] = useLive('account.status', {}, (e) => (e.type === 'account.status' ? e.status : undefined));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string[] | null>(null);
  if (!status?.protectedSection || !status.loggedIn) return null;
  const section = t(`acc.sec.sectionNames.${status.protectedSection}`, { defaultValue: status.protectedSection });
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.call('account.openProtected', {});
      onOpened();
    } catch (e) {
      setError(authErrorText(t, e, i18n.language as Language));
    } finally {
      setBusy(false);
    }
  };
  const working = busy && status.step !== 'failed' && status.step !== 'done';
  return (
    <section className="card wide protected-prompt" aria-labelledby="protected-title" data-testid="protected-prompt">
      <h2 id="protected-title">{t('auth.protected.title', { section })}</h2>
      <p className="muted">{t('auth.protected.intro')}</p>
      <button type="button" onClick={() => void open()} disabled={busy} data-testid="protected-open">
        {t('auth.protected.open')}
      </button>
      <p aria-live="polite" data-testid="protected-step">
        {working ? t(`account.step.${status.step}`) : ''}
      </p>
      {error ? (
        <div className="error" role="alert" data-testid="protected-error">
          {error.map((l) => (
            <p key={l}>{l}</p>
          ))}
        </div>
      ) : null}
    </section>
  );
}
