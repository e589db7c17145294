// English strings. Keys are the same in every language (renderer/src/i18n/locales.test.ts).
export const en = {
  app: { title: 'ASSA', subtitle: 'Modem and self-service' },
  nav: { label: 'Sections', dashboard: 'Dashboard', account: 'Account', traffic: 'Traffic', diagnostics: 'Diagnostics', settings: 'Settings' },
  modem: {
    status: {
      'no-modem': 'No modem',
      probing: 'Looking for the modem…',
      ready: 'Modem ready',
      connecting: 'Connecting…',
      connected: 'Connected',
      disconnecting: 'Disconnecting…',
      error: 'Modem error',
    },
    virtual: 'virtual modem',
    port: 'Port',
    model: 'Model',
    number: 'Number',
    none: 'Plug in a USB modem. The app finds it by itself.',
  },
  status: { label: 'Status', version: 'Version {{version}}', shell: { electron: 'desktop', browser: 'browser mode' } },
  pages: {
    dashboard: { title: 'Dashboard', modemCard: 'Modem' },
    account: { title: 'Account', intro: 'The self-service account of your number: balance, payments, details, services, tariff, utilities, group, security and help.' },
    traffic: { title: 'Traffic', intro: 'Every data session with its traffic, by day and by month.' },
    diagnostics: { title: 'Diagnostics', intro: 'The modem report, the AT terminal, logs and SMS.' },
    settings: { title: 'Settings' },
  },
  settings: {
    language: 'Language',
    languages: { uk: 'Українська', ru: 'Русский', en: 'English' },
    portOverride: 'Modem port (leave empty to find it automatically)',
    server: 'Self-service server',
    serverEmbedded: 'Built-in server',
    serverRemote: 'Server at an address',
    serverUrl: 'Server address',
    startAtLogin: 'Start at login',
    autoReconnect: 'Reconnect automatically when the link drops',
    save: 'Save',
    saved: 'Saved',
  },
  errors: { generic: 'Something went wrong: {{message}}' },
};
export type Strings = typeof en;
