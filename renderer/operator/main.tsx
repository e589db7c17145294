import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ConsoleApp } from './ConsoleApp';
import './console.css';
import { initConsoleI18n, pickLanguage } from './i18n';

const i18n = await initConsoleI18n(pickLanguage(localStorage.getItem('assa-operator-language'), navigator.languages));
createRoot(document.getElementById('root')!).render(
  <I18nextProvider i18n={i18n}>
    <ConsoleApp />
  </I18nextProvider>,
);
