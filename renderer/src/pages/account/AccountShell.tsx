// U-ACC-1 in the app: every ASSA section as its own page, under #/account/<section>.
// Before login the app's registration/login card (R-AUTO-1) stands in for all of them.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountCard } from '../../components/dashboard/AccountCard';
import { useModemState } from '../../api-context';
import { useLive } from '../../hooks/use-live';
import { SECTIONS, type Section } from './sections';

export { ErrorNote } from './ErrorNote';
export { SECTIONS, sectionFromHash, type Section } from './sections';

export function AccountShell({ section, children }: { section: Section; children: ReactNode }) {
  const { t } = useTranslation();
  const modem = useModemState();
  const [status] = useLive('account.status', {}, (e) => (e.type === 'account.status' ? e.status : undefined));
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('pages.account.title')}</h1>
      <nav aria-label={t('acc.sections')} className="subnav">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#/account/${s}`} aria-current={s === section ? 'page' : undefined} data-testid={`acc-nav-${s}`}>
                {t(`acc.nav.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {status && !status.loggedIn ? <AccountCard status={status} number={modem?.number ?? null} /> : <div className="cards">{children}</div>}
    </section>
  );
}
