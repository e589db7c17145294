// The personal account in the portal: the seed's left menu of sections (folded behind a
// "Menu" button on a narrow screen), and the same section pages the app shows, opening on
// Data by number. Help links to "What ASSA cannot do".
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionPage } from '../../src/pages/account/SectionPage';
import { SECTIONS, type Section } from '../../src/pages/account/sections';

export function AccountArea({ section }: { section: Section }) {
  const { t } = useTranslation();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  // Choosing a section folds the menu again (on a phone it covers the page otherwise).
  useEffect(() => setOpen(false), [section]);
  return (
    <div className="account-area">
      <nav aria-label={t('acc.sections')} className="side">
        <button type="button" className="menu-toggle" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen((o) => !o)} data-testid="portal-menu">
          <span aria-hidden="true">☰</span> {t('portal.menu')}: {t(`acc.nav.${section}`)}
        </button>
        <ul id={menuId} className={open ? 'open' : undefined}>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#/account/${s}`} aria-current={s === section ? 'page' : undefined} data-testid={`acc-nav-${s}`}>
                {t(`acc.nav.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section className="account-main" aria-labelledby="page-title">
        <h1 id="page-title">{t('portal.account')}</h1>
        <div className="cards">
          <SectionPage section={section} />
        </div>
        {section === 'help' ? (
          <p className="footer-link">
            <a href="#/cannot" data-testid="link-cannot">
              {t('portal.cannot.link')}
            </a>
          </p>
        ) : null}
      </section>
    </div>
  );
}
