// The shell: navigation for every section, the current page, the status bar.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProtectedPrompt } from './components/auth/ProtectedPrompt';
import { Notifications } from './components/Notifications';
import { StatusBar } from './components/StatusBar';
import { AccountPage } from './pages/account/AccountPage';
import { DashboardPage } from './pages/DashboardPage';
import { DiagnosticsPage } from './pages/DiagnosticsPage';
import { TrafficPage } from './pages/TrafficPage';
import { IntroPage } from './pages/IntroPage';
import { MessagesPage } from './pages/MessagesPage';
import { SettingsPage } from './pages/SettingsPage';
import { PAGES, useRoute, type PageId } from './routes';

function Page({ id }: { id: PageId }) {
  switch (id) {
    case 'dashboard':
      return <DashboardPage />;
    case 'settings':
      return <SettingsPage />;
    case 'diagnostics':
      return <DiagnosticsPage />;
    case 'traffic':
      return <TrafficPage />;
    case 'account':
      return <AccountPage />;
    case 'messages':
      return <MessagesPage />;
    default:
      return <IntroPage id={id} />;
  }
}

export function App() {
  const { t } = useTranslation();
  const page = useRoute();
  // Bumped when a protected section was opened: the page mounts again and reloads.
  const [opened, setOpened] = useState(0);
  return (
    <div className="shell">
      <header className="top">
        <span className="brand">
          {t('app.title')} <span className="muted">{t('app.subtitle')}</span>
        </span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {PAGES.map((id) => (
              <li key={id}>
                <a href={`#/${id}`} aria-current={page === id ? 'page' : undefined} data-testid={`nav-${id}`}>
                  {t(`nav.${id}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Notifications />
        <ProtectedPrompt onOpened={() => setOpened((n) => n + 1)} />
        <Page key={`${page}-${opened}`} id={page} />
      </main>
      <StatusBar />
    </div>
  );
}
