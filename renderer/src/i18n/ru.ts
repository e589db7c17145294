import type { Strings } from './en';

export const ru: Strings = {
  app: { title: 'ASSA', subtitle: 'Модем и самообслуживание' },
  nav: { label: 'Разделы', dashboard: 'Главная', account: 'Кабинет', traffic: 'Трафик', diagnostics: 'Диагностика', settings: 'Настройки' },
  modem: {
    status: {
      'no-modem': 'Модем не найден',
      probing: 'Ищем модем…',
      ready: 'Модем готов',
      connecting: 'Подключение…',
      connected: 'Подключено',
      disconnecting: 'Отключение…',
      error: 'Ошибка модема',
    },
    virtual: 'виртуальный модем',
    port: 'Порт',
    model: 'Модель',
    number: 'Номер',
    none: 'Вставьте USB-модем. Программа найдёт его сама.',
  },
  status: { label: 'Состояние', version: 'Версия {{version}}', shell: { electron: 'приложение', browser: 'режим браузера' } },
  pages: {
    dashboard: { title: 'Главная', modemCard: 'Модем' },
    account: { title: 'Кабинет', intro: 'Личный кабинет вашего номера: баланс, платежи, детализация, услуги, тариф, утилиты, группа, безопасность и помощь.' },
    traffic: { title: 'Трафик', intro: 'Все сеансы передачи данных с трафиком, по дням и месяцам.' },
    diagnostics: { title: 'Диагностика', intro: 'Отчёт о модеме, AT-терминал, журналы и SMS.' },
    settings: { title: 'Настройки' },
  },
  settings: {
    language: 'Язык',
    languages: { uk: 'Українська', ru: 'Русский', en: 'English' },
    portOverride: 'Порт модема (оставьте пустым для автопоиска)',
    server: 'Сервер самообслуживания',
    serverEmbedded: 'Встроенный сервер',
    serverRemote: 'Сервер по адресу',
    serverUrl: 'Адрес сервера',
    startAtLogin: 'Запускать при входе в систему',
    autoReconnect: 'Автоматически переподключаться при обрыве связи',
    save: 'Сохранить',
    saved: 'Сохранено',
  },
  errors: { generic: 'Что-то пошло не так: {{message}}' },
};
