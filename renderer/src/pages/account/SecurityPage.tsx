// A-SEC-3..7: login history, protected sections (opened with a RUNA: the app activates one
// through the modem by itself, R-AUTO-3; in the portal the subscriber activates one from
// their phone and types it), password and e-mail, curators.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import { formatKyivDateTime } from '../../format';
import { useAssaCall, useAssaGet } from '../../hooks/use-assa';
import { useAccountClient } from './account-client';
import { ErrorNote } from './ErrorNote';
import { NumberInput, numberForServer } from '../../components/forms/NumberInput';

const ALL_SECTIONS = ['services', 'tariff', 'utilities', 'transfer', 'security', 'payments', 'details'] as const;

export function SecurityPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const client = useAccountClient();
  const call = useAssaCall();
  const logins = useAssaGet<Array<{ at: string; ip: string; success: boolean; reason: string | null }>>('/api/v1/security/logins');
  const prot = useAssaGet<{ sections: string[]; openUntil: string | null }>('/api/v1/security/protected');
  const curators = useAssaGet<{ curators: Array<{ number: string; level: string }>; curating: Array<{ number: string; level: string }> }>('/api/v1/security/curators');
  const [pw, setPw] = useState({ oldPassword: '', newPassword: '' });
  const [email, setEmail] = useState('');
  // The recovery e-mail is the key to the account: changing it takes the current password.
  const [emailPassword, setEmailPassword] = useState('');
  const [runa, setRuna] = useState('');
  const [cur, setCur] = useState({ number: '', level: 'view' });
  const [msg, setMsg] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setMsg(null);
    setError(null);
    try {
      await fn();
      setMsg(done);
      logins.reload();
      prot.reload();
      curators.reload();
    } catch (e) {
      setError(e);
    }
  };
  const toggleSection = (s: string, on: boolean) => {
    const next = new Set(prot.data?.sections ?? []);
    if (on) next.add(s);
    else next.delete(s);
    void run(() => call('PUT', '/api/v1/security/protected', { sections: [...next] }), t('acc.sec.saved'));
  };
  return (
    <>
      <article className="card" aria-labelledby="prot-title">
        <h2 id="prot-title">{t('acc.sec.protected')}</h2>
        <p className="muted">{t('acc.sec.protectedIntro')}</p>
        <fieldset>
          <legend>{t('acc.sec.sections')}</legend>
          {ALL_SECTIONS.map((s) => (
            <label key={s} className="inline">
              <input type="checkbox" checked={prot.data?.sections.includes(s) ?? false} onChange={(e) => toggleSection(s, e.target.checked)} />
              {t(`acc.sec.sectionNames.${s}`)}
            </label>
          ))}
        </fieldset>
        <p>{prot.data?.openUntil ? t('acc.sec.openUntil', { time: formatKyivDateTime(prot.data.openUntil, lang) }) : t('acc.sec.closed')}</p>
        {client.openProtected ? (
          <button type="button" onClick={() => void run(client.openProtected!, t('acc.sec.opened'))} data-testid="open-protected">
            {t('acc.sec.openWithRuna')}
          </button>
        ) : (
          <form
            className="form"
            onSubmit={(ev: FormEvent) => {
              ev.preventDefault();
              void run(() => call('POST', '/api/v1/security/protected/unlock', { runa }), t('acc.sec.opened'));
            }}
          >
            <label>
              {t('acc.sec.runaCode')}
              <input value={runa} onChange={(e) => setRuna(e.target.value.replace(/\D/g, '').slice(0, 6))} inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" required data-testid="protected-runa" />
            </label>
            <p className="muted">{t('acc.sec.runaHow')}</p>
            <button type="submit" data-testid="open-protected">
              {t('acc.sec.openWithCode')}
            </button>
          </form>
        )}
      </article>
      <article className="card" aria-labelledby="pw-title">
        <h2 id="pw-title">{t('acc.sec.password')}</h2>
        <form
          className="form"
          onSubmit={(ev: FormEvent) => {
            ev.preventDefault();
            void run(() => call('PUT', '/api/v1/security/password', pw), t('acc.sec.passwordChanged'));
          }}
        >
          <label>
            {t('acc.sec.oldPassword')}
            <input type="password" autoComplete="current-password" value={pw.oldPassword} onChange={(e) => setPw({ ...pw, oldPassword: e.target.value })} required />
          </label>
          <label>
            {t('account.newPassword')}
            <input type="password" autoComplete="new-password" value={pw.newPassword} onChange={(e) => setPw({ ...pw, newPassword: e.target.value })} required />
          </label>
          <button type="submit">{t('acc.sec.change')}</button>
        </form>
        <form
          className="form"
          onSubmit={(ev: FormEvent) => {
            ev.preventDefault();
            void run(() => call('PUT', '/api/v1/security/email', { email, password: emailPassword }), t('acc.sec.emailChanged'));
          }}
        >
          <label>
            {t('acc.sec.newEmail')}
            <input type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
          </label>
          <label>
            {t('acc.sec.oldPassword')}
            <input type="password" autoComplete="current-password" value={emailPassword} onChange={(e) => setEmailPassword(e.target.value)} required data-testid="email-password" />
          </label>
          <button type="submit">{t('acc.sec.change')}</button>
        </form>
      </article>
      <article className="card" aria-labelledby="cur-title">
        <h2 id="cur-title">{t('acc.sec.curators')}</h2>
        <ErrorNote error={curators.error} />
        <ul className="list">
          {(curators.data?.curators ?? []).map((c) => (
            <li key={c.number}>
              {c.number} — {t(`acc.sec.levels.${c.level}`)}
              <button type="button" className="secondary" onClick={() => void run(() => call('DELETE', `/api/v1/security/curators/${c.number}`), t('acc.sec.revoked'))}>
                {t('acc.sec.revoke')}
              </button>
            </li>
          ))}
        </ul>
        <form
          className="form"
          onSubmit={(ev: FormEvent) => {
            ev.preventDefault();
            void run(() => call('POST', '/api/v1/security/curators', { ...cur, number: numberForServer(cur.number) ?? cur.number }), t('acc.sec.saved'));
          }}
        >
          <NumberInput label={t('acc.sec.curatorNumber')} value={cur.number} onChange={(v) => setCur({ ...cur, number: v })} required testId="curator-number" />
          <label>
            {t('acc.sec.level')}
            <select value={cur.level} onChange={(e) => setCur({ ...cur, level: e.target.value })}>
              <option value="view">{t('acc.sec.levels.view')}</option>
              <option value="manage">{t('acc.sec.levels.manage')}</option>
            </select>
          </label>
          <button type="submit">{t('acc.sec.addCurator')}</button>
        </form>
      </article>
      <article className="card wide" aria-labelledby="hist-title">
        <h2 id="hist-title">{t('acc.sec.history')}</h2>
        <ErrorNote error={logins.error} />
        <table className="table" data-testid="login-history">
          <thead>
            <tr>
              <th scope="col">{t('acc.when')}</th>
              <th scope="col">IP</th>
              <th scope="col">{t('acc.sec.result')}</th>
            </tr>
          </thead>
          <tbody>
            {(logins.data ?? []).map((l, i) => (
              <tr key={i}>
                <td>{formatKyivDateTime(l.at, lang)}</td>
                <td>{l.ip}</td>
                <td>{l.success ? t('acc.sec.ok') : t(`acc.sec.reasons.${l.reason ?? 'bad_password'}`, { defaultValue: l.reason ?? '' })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </article>
      {/* The live region is always there (so it is announced); it looks like a card only with something in it. */}
      <div className={msg || error ? 'card wide' : 'live-idle'} aria-live="polite">
        <p>{msg ?? ''}</p>
        <ErrorNote error={error} />
      </div>
    </>
  );
}
