// One account section's page; the host (app or portal) draws the shell around it.
import type { ComponentType } from 'react';
import { DataPage } from './DataPage';
import { FundsPage } from './FundsPage';
import { PaymentsPage } from './PaymentsPage';
import { SecurityPage } from './SecurityPage';
import { ServicesPage } from './ServicesPage';
import { DetailsPage } from './DetailsPage';
import { GroupPage } from './GroupPage';
import { HelpPage } from './HelpPage';
import { UtilitiesPage } from './UtilitiesPage';
import { TariffPage } from './TariffPage';
import type { Section } from './sections';

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

export function SectionPage({ section }: { section: Section }) {
  const Page = PAGES[section];
  return <Page />;
}
