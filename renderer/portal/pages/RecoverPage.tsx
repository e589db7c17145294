// A-SEC-6 in the portal: the recovery flow the server offers (number plus the registered
// e-mail); the answer never tells whether either exists.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormAction } from '../../src/components/forms/use-form-action';
import { useAccountClient } from '../../src/pages/account/account-client';
import { NumberField } from '../components/NumberField';
import { portalErrorText } from '../portal-errors';

export function RecoverPage({ number, setNumber }: { number: string; setNumber: (n: string) => void }) {
  const { t } = useTranslation();
  const client = useAccountClient();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const a = useFormAction();
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    setSent(false);
    void a.run(async () => {
      await client.request('POST', '/api/v1/password-recovery', { number, email });
      setSent(true);
    });
  };
  return (
    <section className="public" aria-labelledby="rec-title">
      <div className="public-head">
        <h1 id="rec-title">{t('portal.recover.title')}</h1>
      </div>
      <div className="card">
        <p className="muted">{t('portal.recover.intro')}</p>
        <form className="form" onSubmit={submit}>
          <NumberField value={number} onChange={setNumber} />
          <label>
            {t('portal.recover.email')}
            <input type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required maxLength={254} data-testid="rec-email" />
          </label>
          <button type="submit" disabled={a.busy} data-testid="rec-submit">
            {t('portal.recover.submit')}
          </button>
          {sent ? (
            <p className="ok" role="status" data-testid="rec-sent">
              {t('portal.recover.sent')}
            </p>
          ) : null}
          {a.error ? (
            <p className="error" role="alert">
              {portalErrorText(t, a.error)}
            </p>
          ) : null}
        </form>
        <p className="links">
          <a href="#/login">{t('portal.recover.back')}</a>
        </p>
      </div>
    </section>
  );
}
