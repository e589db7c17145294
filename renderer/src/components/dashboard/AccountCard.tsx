// R-AUTO-1..3: registration and login where the automatic flow needs the user: only a
// password (and an e-mail) is asked; the steps the app takes by itself (own data session,
// or a RUNA it activates by SMS) are told in words. The user never types a RUNA.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountStatusDto } from '../../../../src/shared/app-methods-account';
import { useApi } from '../../api-context';
import { errorText } from '../../hooks/use-live';

export function AccountCard({ status, number }: { status: AccountStatusDto | null; number: string | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const [password, setPassword] = useState('');
  const [password2, setPassword2] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!status) return null;
  const locked = status.error?.code === 'login_locked';
  const mode: 'register' | 'login' | 'unlock' = locked ? 'unlock' : status.registered || status.credentialsStored ? 'login' : 'register';
  if (status.loggedIn) {
    return (
      <article className="card" aria-labelledby="acc-card">
        <h2 id="acc-card">{t('account.title')}</h2>
        <p data-testid="account-state">{t('account.loggedIn', { number: status.number ?? number ?? '' })}</p>
        {status.provedBy ? <p className="muted">{t(`account.provedBy.${status.provedBy}`)}</p> : null}
      </article>
    );
  }
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    if (mode !== 'login' && password !== password2) return setError(t('account.mismatch'));
    setBusy(true);
    try {
      if (mode === 'register') await api.call('account.register', email ? { password, email } : { password });
      else if (mode === 'unlock') await api.call('account.unlock', { newPassword: password });
      else await api.call('account.login', { password });
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const working = busy && status.step !== 'idle' && status.step !== 'done' && status.step !== 'failed';
  return (
    <article className="card" aria-labelledby="acc-card">
      <h2 id="acc-card">{t(`account.${mode}.title`)}</h2>
      <p className="muted">{t(`account.${mode}.intro`, { number: number ?? '—' })}</p>
      <form className="form" onSubmit={submit} aria-describedby="acc-step">
        <label>
          {mode === 'unlock' ? t('account.newPassword') : t('account.password')}
          <input type="password" autoComplete={mode === 'login' ? 'current-password' : 'new-password'} value={password} onChange={(e) => setPassword(e.target.value)} required maxLength={14} data-testid="account-password" />
        </label>
        {mode !== 'login' ? (
          <label>
            {t('account.passwordAgain')}
            <input type="password" autoComplete="new-password" value={password2} onChange={(e) => setPassword2(e.target.value)} required maxLength={14} data-testid="account-password2" />
          </label>
        ) : null}
        {mode === 'register' ? (
          <label>
            {t('account.email')}
            <input type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} data-testid="account-email" />
          </label>
        ) : null}
        <p className="muted">{t('account.rules')}</p>
        <button type="submit" disabled={busy || !number} data-testid="account-submit">
          {t(`account.${mode}.submit`)}
        </button>
        <p id="acc-step" aria-live="polite" data-testid="account-step">
          {working ? t(`account.step.${status.step}`) : ''}
        </p>
        {error ? (
          <p className="error" role="alert" data-testid="account-error">
            {error}
          </p>
        ) : null}
      </form>
    </article>
  );
}
