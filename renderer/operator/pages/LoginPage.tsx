// Operator login, then (with a one-time password) the obligatory new password.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setCsrf, type Me } from '../api';
import { Field, Message, useErrorText, type Note } from '../ui';

export function LoginPage({ onLoggedIn }: { onLoggedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [note, setNote] = useState<Note>(null);
  const errorText = useErrorText();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await api<{ csrfToken: string }>('POST', '/sessions', { login, password });
      setCsrf(r.csrfToken);
      onLoggedIn(await api<Me>('GET', '/me'));
    } catch (err) {
      setNote({ kind: 'error', text: errorText(err) });
    }
  };
  return (
    <form className="card narrow" onSubmit={submit} aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <Field label={t('login.login')} value={login} onChange={setLogin} required testId="op-login" autoComplete="username" />
      <Field label={t('login.password')} value={password} onChange={setPassword} type="password" required testId="op-password" autoComplete="current-password" />
      <button type="submit" data-testid="op-login-submit">
        {t('login.submit')}
      </button>
      <Message note={note} testId="op-login-message" />
    </form>
  );
}

export function ChangePasswordPage({ me, onChanged }: { me: Me; onChanged: (me: Me) => void }) {
  const { t } = useTranslation();
  const [old, setOld] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [note, setNote] = useState<Note>(null);
  const errorText = useErrorText();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== again) return setNote({ kind: 'error', text: t('password.mismatch') });
    try {
      await api('PUT', '/password', { oldPassword: old, newPassword: next });
      onChanged(await api<Me>('GET', '/me'));
    } catch (err) {
      setNote({ kind: 'error', text: errorText(err) });
    }
  };
  return (
    <form className="card narrow" onSubmit={submit} aria-labelledby="pw-title">
      <h1 id="pw-title">{t('password.title')}</h1>
      <p>{t('password.intro')}</p>
      <input type="text" name="username" autoComplete="username" value={me.login} readOnly hidden />
      <Field label={t('password.old')} value={old} onChange={setOld} type="password" required testId="op-old-password" autoComplete="current-password" />
      <Field label={t('password.new')} value={next} onChange={setNext} type="password" required testId="op-new-password" autoComplete="new-password" />
      <Field label={t('password.again')} value={again} onChange={setAgain} type="password" required testId="op-new-password2" autoComplete="new-password" />
      <button type="submit" data-testid="op-password-submit">
        {t('password.submit')}
      </button>
      <Message note={note} testId="op-password-message" />
    </form>
  );
}
