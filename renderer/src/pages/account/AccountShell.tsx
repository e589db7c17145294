// U-ACC-1: every ASSA section as its own page, under #/account/<section>. Before login the
// registration/login card (R-AUTO-1) stands in for all of them.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountCard } from '../../components/dashboard/AccountCard';
import { useModemState } from '../../api-context';
import { useLive, errorText } from '../../hooks/use-live';
import { AssaCallError } from '../../hooks/use-assa';

export const SECTIONS = ['data', 'funds', 'payments', 'details', 'services', 'tariff', 'utilities', 'group', 'security', 'help'] as const;
export type Section = (typeof SECTIONS)[number];

export function sectionFromHash(hash: string): Section {
  const s = hash.replace(/^#\/?/, '').split('/')[1] ?? '';
  return (SECTIONS as readonly string[]).includes(s) ? (s as Section) : 'data';
}

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

/** A card that says what went wrong, with the reason the server gave (A-HLP-2 style). */
export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const e = error instanceof AssaCallError ? error.error : error;
  return (
    <p className="error" role="alert">
      {errorText(t, e)}
    </p>
  );
}
