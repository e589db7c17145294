import type { Strings } from './en';

export const uk: Strings = {
  app: { title: 'ASSA', subtitle: 'Модем і самообслуговування' },
  nav: { label: 'Розділи', dashboard: 'Головна', account: 'Кабінет', traffic: 'Трафік', diagnostics: 'Діагностика', settings: 'Налаштування' },
  modem: {
    status: {
      'no-modem': 'Модем не знайдено',
      probing: 'Шукаємо модем…',
      ready: 'Модем готовий',
      connecting: 'Підключення…',
      connected: 'Підключено',
      disconnecting: 'Відключення…',
      error: 'Помилка модема',
    },
    virtual: 'віртуальний модем',
    port: 'Порт',
    model: 'Модель',
    number: 'Номер',
    none: 'Вставте USB-модем. Програма знайде його сама.',
  },
  status: { label: 'Стан', version: 'Версія {{version}}', shell: { electron: 'застосунок', browser: 'режим браузера' } },
  pages: {
    dashboard: { title: 'Головна', modemCard: 'Модем' },
    account: { title: 'Кабінет', intro: 'Особистий кабінет вашого номера: баланс, платежі, деталізація, послуги, тариф, утиліти, група, безпека й допомога.' },
    traffic: { title: 'Трафік', intro: 'Усі сеанси передачі даних із трафіком, по днях і місяцях.' },
    diagnostics: { title: 'Діагностика', intro: 'Звіт про модем, AT-термінал, журнали та SMS.' },
    settings: { title: 'Налаштування' },
  },
  settings: {
    language: 'Мова',
    languages: { uk: 'Українська', ru: 'Русский', en: 'English' },
    portOverride: 'Порт модема (залиште порожнім для автопошуку)',
    server: 'Сервер самообслуговування',
    serverEmbedded: 'Вбудований сервер',
    serverRemote: 'Сервер за адресою',
    serverUrl: 'Адреса сервера',
    startAtLogin: 'Запускати під час входу в систему',
    autoReconnect: "Автоматично перепідключатися, коли зв'язок обривається",
    save: 'Зберегти',
    saved: 'Збережено',
  },
  errors: { generic: 'Щось пішло не так: {{message}}' },
};
