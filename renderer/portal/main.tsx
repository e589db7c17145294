// The subscribers' portal (served by `assa server` at /): the seed's website in any
// browser. The account pages are the app's, given the portal's account client.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PortalApp } from './PortalApp';
import { initPortalI18n } from './i18n';
import '../src/styles.css';
import './portal.css';

await initPortalI18n();
const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <PortalApp />
  </StrictMode>,
);
