// A-SEC-1/2 in the portal: log in by number and password; "forgot password" and
// registration one link away; a locked login is unlocked here in one step with a RUNA
// from the subscriber's own phone and a new password.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormAction } from '../../src/components/forms/use-form-action';
import { useAccountClient } from '../../src/pages/account/account-client';
import { FindMyNumber } from '../components/FindMyNumber';
import { NumberField, canonical } from '../components/NumberField';
import { PasswordRules } from '../components/PasswordRules';
import { codeOf, portalErrorText } from '../portal-errors';

export function LoginPage({ number, setNumber, onLoggedIn }: { number: string; setNumber: (n: string) => void; onLoggedIn: (number: string) => void }) {
  const { t } = useTranslation();
  const client = useAccountClient();
  const rulesId = useId();
  const [password, setPassword] = useState('');
  const [locked, setLocked] = useState(false);
  const [runa, setRuna] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [unlocked, setUnlocked] = useState(false);
  const login = useFormAction();
  const unlocking = useFormAction();

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    setUnlocked(false);
    void login.run(async () => {
      try {
        const r = await client.request<{ number: string }>('POST', '/api/v1/sessions', { number, password });
        onLoggedIn(r.number);
      } catch (e) {
        if (codeOf(e) === 'login_locked') setLocked(true);
        throw e;
      }
    });
  };
  const unlock = (ev: FormEvent) => {
    ev.preventDefault();
    void unlocking.run(async () => {
      await client.request('POST', '/api/v1/sessions/unlock', { number, runa, newPassword });
      setLocked(false);
      setUnlocked(true);
      setPassword('');
    });
  };

  return (
    <section className="public" aria-labelledby="login-title">
      <div className="public-head">
        <h1 id="login-title">{t('portal.login.title')}</h1>
        <FindMyNumber onFound={setNumber} />
      </div>
      <div className="card">
        <p className="muted">{t('portal.login.intro')}</p>
        <form className="form" onSubmit={submit} noValidate={false}>
          <NumberField value={number} onChange={setNumber} />
          <label>
            {t('portal.login.password')}
            <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required maxLength={64} data-testid="login-password" />
          </label>
          <button type="submit" disabled={login.busy} data-testid="login-submit">
            {t('portal.login.submit')}
          </button>
          {login.error && !locked ? (
            <p className="error" role="alert" data-testid="login-error">
              {portalErrorText(t, login.error)}
            </p>
          ) : null}
          {unlocked ? (
            <p className="ok" role="status">
              {t('portal.login.unlocked')}
            </p>
          ) : null}
        </form>
        <p className="links">
          <a href="#/recover" data-testid="link-recover">
            {t('portal.login.forgot')}
          </a>
          <span>
            {t('portal.login.noAccount')}{' '}
            <a href="#/register" data-testid="link-register">
              {t('portal.login.register')}
            </a>
          </span>
        </p>
      </div>
      {locked ? (
        <div className="card" aria-labelledby="unlock-title">
          <h2 id="unlock-title">{t('portal.login.unlockTitle')}</h2>
          <p role="alert" className="error" data-testid="login-error">
            {portalErrorText(t, unlocking.error ?? login.error ?? { code: 'login_locked' })}
          </p>
          <p className="muted">{t('portal.login.unlockIntro')}</p>
          <form className="form" onSubmit={unlock}>
            <label>
              {t('portal.register.runa')}
              <input value={runa} onChange={(e) => setRuna(e.target.value.replace(/\D/g, '').slice(0, 6))} inputMode="numeric" autoComplete="one-time-code" required pattern="\d{6}" data-testid="unlock-runa" />
            </label>
            <label>
              {t('portal.login.newPassword')}
              <input type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNewPassword(e.target.value)} required maxLength={64} aria-describedby={rulesId} data-testid="unlock-password" />
            </label>
            <PasswordRules id={rulesId} password={newPassword} number={canonical(number) ?? ''} />
            <button type="submit" disabled={unlocking.busy} data-testid="unlock-submit">
              {t('portal.login.unlock')}
            </button>
          </form>
        </div>
      ) : null}
      <p className="footer-link">
        <a href="#/cannot">{t('portal.cannot.link')}</a>
      </p>
    </section>
  );
}
