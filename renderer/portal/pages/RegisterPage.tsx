// A-REG-1..4 in the portal: number, password twice, e-mail; the RUNA field appears only
// once ASSA answers ownership_unproven (the request did not come over the number's own
// data session), with the seed's explanation of how to activate one.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormAction } from '../../src/components/forms/use-form-action';
import { useAccountClient } from '../../src/pages/account/account-client';
import { FindMyNumber } from '../components/FindMyNumber';
import { NumberField, canonical } from '../components/NumberField';
import { PasswordRules } from '../components/PasswordRules';
import { codeOf, fieldOf, portalErrorText } from '../portal-errors';

export function RegisterPage({ number, setNumber, onRegistered }: { number: string; setNumber: (n: string) => void; onRegistered: (number: string) => void }) {
  const { t } = useTranslation();
  const client = useAccountClient();
  const rulesId = useId();
  const againId = useId();
  const runaRef = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [email, setEmail] = useState('');
  const [runa, setRuna] = useState('');
  const [needsRuna, setNeedsRuna] = useState(false);
  const a = useFormAction();
  const error = a.error;
  const busy = a.busy;
  const login = canonical(number);

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    void a.run(async () => {
      // the screen's own check: the server is asked only once the two passwords agree
      if (password !== again) throw { code: 'passwords_differ' };
      try {
        const body = { number, password, passwordAgain: again, ...(email ? { email } : {}), ...(needsRuna && runa ? { runa } : {}) };
        const r = await client.request<{ number: string }>('POST', '/api/v1/registrations', body);
        onRegistered(r.number);
      } catch (e) {
        if (codeOf(e) === 'ownership_unproven' || codeOf(e) === 'runa_invalid') {
          setNeedsRuna(true);
          // The field appears now: take the subscriber to it.
          setTimeout(() => runaRef.current?.focus(), 0);
        }
        throw e;
      }
    });
  };
  const field = fieldOf(error);
  const code = codeOf(error) ?? (error as { code?: string } | null)?.code ?? null;

  return (
    <section className="public" aria-labelledby="reg-title">
      <div className="public-head">
        <h1 id="reg-title">{t('portal.register.title')}</h1>
        <FindMyNumber onFound={setNumber} />
      </div>
      <div className="card">
        <p className="muted">{t('portal.register.intro')}</p>
        <form className="form" onSubmit={submit}>
          <NumberField value={number} onChange={setNumber} serverError={field === 'number' ? portalErrorText(t, error) : null} />
          <label>
            {t('portal.register.password')}
            <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required maxLength={64} aria-describedby={rulesId} data-testid="reg-password" />
          </label>
          <PasswordRules id={rulesId} password={password} number={login ?? ''} />
          <label>
            {t('portal.register.passwordAgain')}
            <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} required maxLength={64} aria-describedby={againId} aria-invalid={(again !== '' && again !== password) || undefined} data-testid="reg-password2" />
            <span id={againId} className={again !== '' && again === password ? 'canonical' : 'field-error'} aria-live="polite" data-testid="reg-match">
              {again === '' ? '' : again === password ? t('portal.register.match') : t('portal.register.mismatch')}
            </span>
          </label>
          <label>
            {t('portal.register.email')}
            <input type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={254} aria-describedby={`${againId}-email`} data-testid="reg-email" />
            <span id={`${againId}-email`} className="hint">
              {t('portal.register.emailHint')}
            </span>
          </label>
          {needsRuna ? (
            <div className="runa" data-testid="reg-runa-block">
              <p>{t('portal.register.runaWhy')}</p>
              <ul>
                <li>{t('portal.register.runaSms')}</li>
                <li>{t('portal.register.runaDial')}</li>
              </ul>
              <p className="muted">{t('portal.register.runaValid')}</p>
              <p className="muted">{t('portal.register.runaOther')}</p>
              <label>
                {t('portal.register.runa')}
                <input ref={runaRef} value={runa} onChange={(e) => setRuna(e.target.value.replace(/\D/g, '').slice(0, 6))} inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" required data-testid="reg-runa" />
              </label>
            </div>
          ) : null}
          <button type="submit" disabled={busy} data-testid="reg-submit">
            {t('portal.register.submit')}
          </button>
          {error && field !== 'number' && code !== 'ownership_unproven' ? (
            <p className="error" role="alert" data-testid="reg-error">
              {portalErrorText(t, error)}
            </p>
          ) : null}
          {code === 'already_registered' ? (
            <p className="links">
              <a href="#/login">{t('portal.register.login')}</a>
              <a href="#/recover">{t('portal.login.forgot')}</a>
            </p>
          ) : null}
        </form>
        <p className="links">
          <span>
            {t('portal.register.haveLogin')} <a href="#/login">{t('portal.register.login')}</a>
          </span>
        </p>
      </div>
    </section>
  );
}
