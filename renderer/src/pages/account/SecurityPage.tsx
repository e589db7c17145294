// A-SEC-3..7: login history, protected sections (opened with a RUNA: the app activates one
// through the modem by itself, R-AUTO-3; in the portal the subscriber activates one from
// their phone and types it), password and e-mail, curators.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import { formatKyivDateTime, shownNumber } from '../../format';
import { useAssaCall, useAssaGet } from '../../hooks/use-assa';
import { useAccountClient } from './account-client';
import { ErrorNote } from './ErrorNote';
import { NumberInput, numberForServer } from '../../components/forms/NumberInput';
import { FieldError, FormStatus } from '../../components/forms/FormStatus';
import { useFormAction, type FormAction } from '../../components/forms/use-form-action';

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
  // Each card's outcome under its own button (issue 18), gone with the next action anywhere.
  const aProt = useFormAction();
  const aPw = useFormAction();
  const aEmail = useFormAction();
  const aCur = useFormAction();
  const run = (a: FormAction, fn: () => Promise<unknown>, done: string) =>
    void a.run(async () => {
      await fn();
      logins.reload();
      prot.reload();
      curators.reload();
      return done;
    });
  const toggleSection = (s: string, on: boolean) => {
    const next = new Set(prot.data?.sections ?? []);
    if (on) next.add(s);
    else next.delete(s);
    run(aProt, () => call('PUT', '/api/v1/security/protected', { sections: [...next] }), t('acc.sec.saved'));
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
          <div className="form">
            <button type="button" disabled={aProt.busy} onClick={() => run(aProt, client.openProtected!, t('acc.sec.opened'))} data-testid="open-protected">
              {t('acc.sec.openWithRuna')}
            </button>
            <FormStatus action={aProt} testId="protected-status" />
          </div>
        ) : (
          <form
            className="form"
            onSubmit={(ev: FormEvent) => {
              ev.preventDefault();
              run(aProt, () => call('POST', '/api/v1/security/protected/unlock', { runa }), t('acc.sec.opened'));
            }}
          >
            <label>
              {t('acc.sec.runaCode')}
              <input value={runa} onChange={(e) => setRuna(e.target.value.replace(/\D/g, '').slice(0, 6))} inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" required aria-describedby="protected-runa-err" data-testid="protected-runa" />
              <FieldError action={aProt} field="runa" id="protected-runa-err" />
            </label>
            <p className="muted">{t('acc.sec.runaHow')}</p>
            <button type="submit" disabled={aProt.busy} data-testid="open-protected">
              {t('acc.sec.openWithCode')}
            </button>
            <FormStatus action={aProt} fields={['runa']} testId="protected-status" />
          </form>
        )}
      </article>
      <article className="card" aria-labelledby="pw-title">
        <h2 id="pw-title">{t('acc.sec.password')}</h2>
        <form
          className="form"
          onSubmit={(ev: FormEvent) => {
            ev.preventDefault();
            run(aPw, () => call('PUT', '/api/v1/security/password', pw), t('acc.sec.passwordChanged'));
          }}
        >
          <label>
            {t('acc.sec.oldPassword')}
            <input type="password" autoComplete="current-password" value={pw.oldPassword} onChange={(e) => setPw({ ...pw, oldPassword: e.target.value })} required aria-describedby="pw-old-err" data-testid="pw-old" />
            <FieldError action={aPw} field="oldPassword" id="pw-old-err" />
          </label>
          <label>
            {t('account.newPassword')}
            <input type="password" autoComplete="new-password" value={pw.newPassword} onChange={(e) => setPw({ ...pw, newPassword: e.target.value })} required aria-describedby="pw-new-err" data-testid="pw-new" />
            <FieldError action={aPw} field="newPassword" id="pw-new-err" />
          </label>
          <button type="submit" disabled={aPw.busy} data-testid="pw-submit">{t('acc.sec.change')}</button>
          <FormStatus action={aPw} fields={['oldPassword', 'newPassword']} testId="pw-status" />
        </form>
        <form
          className="form"
          onSubmit={(ev: FormEvent) => {
            ev.preventDefault();
            run(aEmail, () => call('PUT', '/api/v1/security/email', { email, password: emailPassword }), t('acc.sec.emailChanged'));
          }}
        >
          <label>
            {t('acc.sec.newEmail')}
            <input type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required aria-describedby="email-new-err" data-testid="email-new" />
            <FieldError action={aEmail} field="email" id="email-new-err" />
          </label>
          <label>
            {t('acc.sec.oldPassword')}
            <input type="password" autoComplete="current-password" value={emailPassword} onChange={(e) => setEmailPassword(e.target.value)} required aria-describedby="email-password-err" data-testid="email-password" />
            <FieldError action={aEmail} field="password" id="email-password-err" />
          </label>
          <button type="submit" disabled={aEmail.busy} data-testid="email-submit">{t('acc.sec.change')}</button>
          <FormStatus action={aEmail} fields={['email', 'password']} testId="email-status" />
        </form>
      </article>
      <article className="card" aria-labelledby="cur-title">
        <h2 id="cur-title">{t('acc.sec.curators')}</h2>
        <ErrorNote error={curators.error} />
        {/* no empty list (it left a blank band above the form) */}
        {curators.data?.curators.length ? (
          <ul className="list">
            {curators.data.curators.map((c) => (
              <li key={c.number}>
                {shownNumber(c.number)} — {t(`acc.sec.levels.${c.level}`)}
                <button type="button" className="secondary" disabled={aCur.busy} onClick={() => run(aCur, () => call('DELETE', `/api/v1/security/curators/${c.number}`), t('acc.sec.revoked'))}>
                  {t('acc.sec.revoke')}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <form
          className="form"
          onSubmit={(ev: FormEvent) => {
            ev.preventDefault();
            run(aCur, () => call('POST', '/api/v1/security/curators', { ...cur, number: numberForServer(cur.number) ?? cur.number }), t('acc.sec.saved'));
          }}
        >
          <NumberInput label={t('acc.sec.curatorNumber')} value={cur.number} onChange={(v) => setCur({ ...cur, number: v })} required describedBy="curator-number-err" testId="curator-number" />
          <FieldError action={aCur} field="number" id="curator-number-err" />
          <label>
            {t('acc.sec.level')}
            <select value={cur.level} onChange={(e) => setCur({ ...cur, level: e.target.value })}>
              <option value="view">{t('acc.sec.levels.view')}</option>
              <option value="manage">{t('acc.sec.levels.manage')}</option>
            </select>
          </label>
          <button type="submit" disabled={aCur.busy} data-testid="curator-submit">{t('acc.sec.addCurator')}</button>
          <FormStatus action={aCur} fields={['number']} testId="curator-status" />
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
    </>
  );
}
