import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ApiContext } from './api-context';
import { pickClient } from './client/pick-client';
import { AccountClientContext } from './pages/account/account-client';
import { appAccountClient } from './pages/account/app-account-client';
import { initI18n, systemLanguage } from './i18n';
import './styles.css';

const api = pickClient();
const settings = await api.call('settings.get', {}).catch(() => null);
const language = settings?.language ?? systemLanguage();
await initI18n(language);
document.documentElement.lang = language;

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <AccountClientContext.Provider value={appAccountClient(api)}>
        <App />
      </AccountClientContext.Provider>
    </ApiContext.Provider>
  </StrictMode>,
);
