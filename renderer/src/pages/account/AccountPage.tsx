// U-ACC-1: the account, one page per section.
import { useEffect, useState, type ComponentType } from 'react';
import { AccountShell, sectionFromHash, type Section } from './AccountShell';
import { DataPage } from './DataPage';
import { FundsPage } from './FundsPage';
import { PaymentsPage } from './PaymentsPage';
import { SecurityPage } from './SecurityPage';
import { ServicesPage } from './ServicesPage';
import { DetailsPage, GroupPage, HelpPage, UtilitiesPage } from './SimpleSections';
import { TariffPage } from './TariffPage';

const PAGES: Record<Section, ComponentType> = {
  data: DataPage,
  funds: FundsPage,
  payments: PaymentsPage,
  details: DetailsPage,
  services: ServicesPage,
  tariff: TariffPage,
  utilities: UtilitiesPage,
  group: GroupPage,
  security: SecurityPage,
  help: HelpPage,
};

export function AccountPage() {
  const [section, setSection] = useState<Section>(() => sectionFromHash(location.hash));
  useEffect(() => {
    const on = () => setSection(sectionFromHash(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const Page = PAGES[section];
  return (
    <AccountShell section={section}>
      <Page />
    </AccountShell>
  );
}
