// The portal's shell: who is logged in (asked of ASSA once at start: the session cookie is
// HttpOnly, so only the server can tell), which page the hash names, the header with the
// language switch and log out, and a notice line for what just happened.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onNextAction } from '../src/components/forms/use-form-action';
import { AccountClientContext } from '../src/pages/account/account-client';
import { LanguageSwitch } from './components/LanguageSwitch';
import { AccountArea } from './pages/AccountArea';
import { CannotPage } from './pages/CannotPage';
import { LoginPage } from './pages/LoginPage';
import { RecoverPage } from './pages/RecoverPage';
import { RegisterPage } from './pages/RegisterPage';
import { portalAccountClient } from './portal-account-client';
import { go, resolveRoute, usePortalRoute } from './portal-routes';

export type Session = { number: string } | null;
export interface Notice {
  /** The public page it is said on; leaving that page drops it. */
  page: 'login';
  key: string;
  vars?: Record<string, string>;
}

export function PortalApp() {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | null>(null);
  // The number typed on one public page carries over to the next (login, register, recover).
  const [number, setNumber] = useState('');
  const ended = useCallback(() => {
    setSession((s) => {
      if (s) setNotice({ page: 'login', key: 'portal.sessionEnded' });
      return null;
    });
  }, []);
  const client = useMemo(() => portalAccountClient({ onSessionEnded: ended }), [ended]);
  useEffect(() => {
    client.request<{ number: string }>('GET', '/api/v1/account').then(
      (a) => setSession({ number: a.number }),
      () => setSession(null),
    );
  }, [client]);
  const route = resolveRoute(usePortalRoute(), !!session);
  useEffect(() => {
    if (session === undefined) return;
    if (route.kind === 'account') go(`#/account/${route.section}`);
    else go(`#/${route.page}`);
  }, [session, route.kind, route.kind === 'account' ? route.section : route.page]);
  useEffect(() => {
    document.title = t('portal.title');
  });
  // "You have logged out" and the like are about what just happened: the next action ends them.
  useEffect(() => onNextAction(() => setNotice(null)), []);

  const loggedIn = (number: string) => {
    setNotice(null);
    setSession({ number });
    go('#/account/data');
  };
  const registered = (n: string) => {
    setNumber(n);
    setNotice({ page: 'login', key: 'portal.login.registered', vars: { number: n } });
    go('#/login');
  };
  const logout = async () => {
    await client.request('DELETE', '/api/v1/sessions/current').catch(() => undefined);
    setSession(null);
    setNotice({ page: 'login', key: 'portal.loggedOut' });
    go('#/login');
  };

  return (
    <AccountClientContext.Provider value={client}>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('portal.skip')}
      </a>
      <div className="portal">
        <header className="top portal-top">
          <span className="brand">
            {t('portal.brand')} <span className="muted tagline">{t('portal.tagline')}</span>
          </span>
          <span className="spacer" />
          <LanguageSwitch />
          {session ? (
            <>
              <span className="who" data-testid="portal-number">{t('portal.loggedInAs', { number: session.number })}</span>
              <button type="button" className="on-dark" onClick={() => void logout()} data-testid="portal-logout">
                {t('portal.logout')}
              </button>
            </>
          ) : null}
        </header>
        <main id="main" tabIndex={-1}>
          {notice && route.kind === 'public' && route.page === notice.page ? (
            <p className="notice" role="status" data-testid="portal-notice">
              {t(notice.key, notice.vars)}
            </p>
          ) : null}
          {session === undefined ? null : route.kind === 'account' ? (
            <AccountArea section={route.section} />
          ) : route.page === 'register' ? (
            <RegisterPage number={number} setNumber={setNumber} onRegistered={registered} />
          ) : route.page === 'recover' ? (
            <RecoverPage number={number} setNumber={setNumber} />
          ) : route.page === 'cannot' ? (
            <CannotPage loggedIn={!!session} />
          ) : (
            <LoginPage number={number} setNumber={setNumber} onLoggedIn={loggedIn} />
          )}
        </main>
      </div>
    </AccountClientContext.Provider>
  );
}
