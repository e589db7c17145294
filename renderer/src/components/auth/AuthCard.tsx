// R-AUTO-1..3 and A-SEC-6 on screen: what the account needs from the user, and only that.
// Registered numbers are never offered registration again (the app remembers them); a
// saved login opens by itself, or with the vault's passphrase once per start where the
// OS keeps no key; otherwise a login form, with password recovery by e-mail. A locked
// login opens with one button (a RUNA the app activates through the modem) and a new
// password. Password rules are checked here, per rule, before anything is sent.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import type { AccountStatusDto } from '../../../../src/shared/app-methods-account';
import { useApi } from '../../api-context';
import { authErrorText } from './auth-error-text';
import { brokenRules, PasswordRules } from './PasswordRules';

export type AuthMode = 'register' | 'login' | 'unlock' | 'passphrase' | 'recover';

export function authMode(status: AccountStatusDto, wanted: 'recover' | 'password' | null): AuthMode {
  if (status.error?.code === 'login_locked') return 'unlock';
  if (wanted === 'recover') return 'recover';
  if (status.vaultNeedsPassphrase && status.credentialsStored && wanted !== 'password') return 'passphrase';
  if (status.registered || status.credentialsStored) return 'login';
  return 'register';
}

export function AuthCard({ status, number }: { status: AccountStatusDto | null; number: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const api = useApi();
  const [wanted, setWanted] = useState<'recover' | 'password' | null>(null);
  const [password, setPassword] = useState('');
  const [password2, setPassword2] = useState('');
  const [email, setEmail] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [showRules, setShowRules] = useState(false);
  const [error, setError] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!status) return null;
  const shownNumber = status.number ?? number;

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(authErrorText(t, e, lang));
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (status.loggedIn) {
    return (
      <article className="card" aria-labelledby="acc-card">
        <h2 id="acc-card">{t('account.title')}</h2>
        <p data-testid="account-state">{t('account.loggedIn', { number: shownNumber ?? '' })}</p>
        {status.provedBy ? <p className="muted">{t(`account.provedBy.${status.provedBy}`)}</p> : null}
        <button type="button" className="secondary" disabled={busy} onClick={() => void run(() => api.call('account.logout', {}))} data-testid="account-logout">
          {t('auth.logout')}
        </button>
        {error ? <Problems lines={error} /> : null}
      </article>
    );
  }

  const mode = authMode(status, wanted);
  const newPassword = mode === 'register' || mode === 'unlock';
  // Remembering the login needs the vault; where the OS keeps no key, a passphrase opens it.
  const offerPassphrase = status.vaultNeedsPassphrase && (mode === 'register' || mode === 'login');

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (mode === 'passphrase') {
      await run(() => api.call('account.unlockVault', { passphrase }));
      return;
    }
    if (mode === 'recover') {
      if (await run(() => api.call('account.recoverPassword', { email }))) {
        setWanted('password');
        setPassword('');
        setNotice(t('auth.recover.sent'));
      }
      return;
    }
    if (newPassword) {
      const broken = brokenRules(password, shownNumber);
      if (broken.length) {
        // The broken rules are listed under the field (PasswordRules); nothing is sent.
        setShowRules(true);
        setError(null);
        document.getElementById('acc-password')?.focus();
        return;
      }
      if (password !== password2) {
        setError([t('account.mismatch')]);
        return;
      }
    }
    await run(async () => {
      if (offerPassphrase && passphrase) await api.call('account.unlockVault', { passphrase });
      if (mode === 'register') await api.call('account.register', email ? { password, email } : { password });
      else if (mode === 'unlock') await api.call('account.unlock', { newPassword: password });
      else await api.call('account.login', { password });
    });
  };

  const working = busy && status.step !== 'idle' && status.step !== 'done' && status.step !== 'failed';
  return (
    <article className="card" aria-labelledby="acc-card" data-testid={`auth-${mode}`}>
      <h2 id="acc-card">{t(`auth.${mode}.title`)}</h2>
      <p className="muted">{t(`auth.${mode}.intro`, { number: shownNumber ?? '—' })}</p>
      {notice ? (
        <p className="ok" role="status" data-testid="account-notice">
          {notice}
        </p>
      ) : null}
      <form className="form" onSubmit={(e) => void submit(e)} aria-describedby="acc-step" noValidate>
        {mode === 'passphrase' ? (
          <label>
            {t('auth.passphrase.label')}
            <input type="password" autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} required minLength={8} data-testid="account-passphrase" />
          </label>
        ) : null}
        {mode === 'recover' ? (
          <label>
            {t('auth.recover.email')}
            <input type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required data-testid="account-recover-email" />
          </label>
        ) : null}
        {mode === 'register' || mode === 'login' || mode === 'unlock' ? (
          <label>
            {mode === 'unlock' ? t('account.newPassword') : t('account.password')}
            <input
              id="acc-password"
              type="password"
              autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              onBlur={() => newPassword && setShowRules(true)}
              required
              aria-describedby={newPassword ? 'acc-rules' : undefined}
              aria-invalid={newPassword && showRules && brokenRules(password, shownNumber).length > 0 ? true : undefined}
              data-testid="account-password"
            />
          </label>
        ) : null}
        {newPassword ? <PasswordRules id="acc-rules" password={password} number={shownNumber} show={showRules} /> : null}
        {newPassword ? (
          <label>
            {t('account.passwordAgain')}
            <input type="password" autoComplete="new-password" value={password2} onChange={(e) => setPassword2(e.target.value)} required data-testid="account-password2" />
          </label>
        ) : null}
        {mode === 'register' ? (
          <label>
            {t('account.email')}
            <input type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} data-testid="account-email" />
          </label>
        ) : null}
        {offerPassphrase ? (
          <label>
            {t('auth.remember')}
            <input type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} minLength={8} aria-describedby="acc-remember" data-testid="account-remember-passphrase" />
            <span id="acc-remember" className="muted">
              {t('auth.rememberHint')}
            </span>
          </label>
        ) : null}
        <button type="submit" disabled={busy || (mode !== 'passphrase' && !shownNumber)} data-testid="account-submit">
          {t(`auth.${mode}.submit`)}
        </button>
        <p id="acc-step" aria-live="polite" data-testid="account-step">
          {working ? t(`account.step.${status.step}`) : ''}
        </p>
        {error ? <Problems lines={error} /> : null}
      </form>
      <p className="actions">
        {mode === 'login' ? (
          <button type="button" className="link-button" onClick={() => (setWanted('recover'), setError(null), setNotice(null))} data-testid="account-forgot">
            {t('auth.forgot')}
          </button>
        ) : null}
        {mode === 'recover' ? (
          <button type="button" className="link-button" onClick={() => (setWanted('password'), setError(null))} data-testid="account-back-to-login">
            {t('auth.recover.back')}
          </button>
        ) : null}
        {mode === 'passphrase' ? (
          <button type="button" className="link-button" onClick={() => (setWanted('password'), setError(null))} data-testid="account-use-password">
            {t('auth.passphrase.usePassword')}
          </button>
        ) : null}
      </p>
    </article>
  );
}

function Problems({ lines }: { lines: string[] }) {
  return (
    <div className="error" role="alert" data-testid="account-error">
      {lines.map((l) => (
        <p key={l}>{l}</p>
      ))}
    </div>
  );
}
