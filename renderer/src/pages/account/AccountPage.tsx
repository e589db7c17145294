// U-ACC-1 in the app: the account, one page per section.
import { AccountShell } from './AccountShell';
import { SectionPage } from './SectionPage';
import { useSection } from './sections';

export function AccountPage() {
  const section = useSection();
  return (
    <AccountShell section={section}>
      <SectionPage section={section} />
    </AccountShell>
  );
}
