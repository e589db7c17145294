// The operator console: log in (and replace a one-time password), then the sections the
// operator's role may open, chosen by the URL hash so every page has its own address.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { may, type Permission } from '../../src/shared/operator-roles';
import { api, ApiError, setCsrf, type Me } from './api';
import { kyiv } from './format';
import { LANGUAGES, type ConsoleLanguage } from './i18n';
import { AuditPage } from './pages/AuditPage';
import { BillingPage } from './pages/BillingPage';
import { CataloguePage } from './pages/CataloguePage';
import { GroupsPage } from './pages/GroupsPage';
import { HelpdeskPage } from './pages/HelpdeskPage';
import { ChangePasswordPage, LoginPage } from './pages/LoginPage';
import { OperatorsPage } from './pages/OperatorsPage';
import { SubscriberPage } from './pages/SubscriberPage';
import { SubscribersPage } from './pages/SubscribersPage';
import { VouchersPage } from './pages/VouchersPage';

const SECTIONS: Array<{ id: string; permission: Permission }> = [
  { id: 'subscribers', permission: 'subscribers.read' },
  { id: 'catalogue', permission: 'catalogue.read' },
  { id: 'vouchers', permission: 'vouchers.issue' },
  { id: 'groups', permission: 'groups.read' },
  { id: 'helpdesk', permission: 'helpdesk.read' },
  { id: 'billing', permission: 'billing.read' },
  { id: 'operators', permission: 'operators.manage' },
  { id: 'audit', permission: 'audit.read' },
];

const useHash = () => {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash.replace(/^#\/?/, '').split('/');
};

export function ConsoleApp() {
  const { t, i18n } = useTranslation();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [section, param] = useHash();
  const refresh = useCallback(() => {
    api<Me>('GET', '/me').then(
      (m) => {
        setCsrf(m.csrfToken);
        setMe(m);
      },
      (e: unknown) => setMe(e instanceof ApiError && e.status === 401 ? null : null),
    );
  }, []);
  useEffect(refresh, [refresh]);
  const setLanguage = (l: ConsoleLanguage) => {
    localStorage.setItem('assa-operator-language', l);
    document.documentElement.lang = l;
    void i18n.changeLanguage(l);
  };
  const logout = async () => {
    await api('DELETE', '/sessions/current').catch(() => undefined);
    setMe(null);
  };
  const header = (
    <header className="top">
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <span className="brand">{t('app.title')}</span>
      <div className="field lang">
        <label htmlFor="lang">{t('app.language')}</label>
        <select id="lang" data-testid="lang" value={i18n.language} onChange={(e) => setLanguage(e.target.value as ConsoleLanguage)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {{ uk: 'Українська', ru: 'Русский', en: 'English' }[l]}
            </option>
          ))}
        </select>
      </div>
      {me ? (
        <>
          <span data-testid="whoami">{t('app.signedInAs', { login: me.login, role: t(`role.${me.role}`) })}</span>
          {me.demoClock ? <span data-testid="demo-now">{t('app.demoNow', { now: kyiv(me.now, i18n.language) })}</span> : null}
          <button type="button" onClick={() => void logout()} data-testid="logout">
            {t('app.logout')}
          </button>
        </>
      ) : null}
    </header>
  );
  if (me === undefined) return <>{header}</>;
  if (me === null)
    return (
      <>
        {header}
        <main id="main">
          <LoginPage onLoggedIn={(m) => setMe(m)} />
        </main>
      </>
    );
  if (me.mustChangePassword)
    return (
      <>
        {header}
        <main id="main">
          <ChangePasswordPage me={me} onChanged={(m) => setMe(m)} />
        </main>
      </>
    );
  const allowed = SECTIONS.filter((s) => may(me.role, s.permission));
  const current = allowed.find((s) => s.id === section)?.id ?? allowed[0]!.id;
  const can = (p: Permission) => may(me.role, p);
  return (
    <>
      {header}
      <nav aria-label={t('nav.label')} className="side">
        <ul>
          {allowed.map((s) => (
            <li key={s.id}>
              <a href={`#/${s.id}`} aria-current={s.id === current ? 'page' : undefined} data-testid={`nav-${s.id}`}>
                {t(`nav.${s.id}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {current === 'subscribers' && param ? <SubscriberPage number={param} canWrite={can('subscribers.write')} canAdjust={can('adjustments.make')} /> : null}
        {current === 'subscribers' && !param ? <SubscribersPage canWrite={can('subscribers.write')} /> : null}
        {current === 'catalogue' ? <CataloguePage canWrite={can('catalogue.write')} /> : null}
        {current === 'vouchers' ? <VouchersPage /> : null}
        {current === 'groups' ? <GroupsPage canWrite={can('groups.write')} openId={param ?? null} /> : null}
        {current === 'helpdesk' ? <HelpdeskPage /> : null}
        {current === 'billing' ? <BillingPage demoClock={me.demoClock && can('clock.set')} onClock={refresh} /> : null}
        {current === 'operators' ? <OperatorsPage self={me.login} /> : null}
        {current === 'audit' ? <AuditPage /> : null}
      </main>
    </>
  );
}
