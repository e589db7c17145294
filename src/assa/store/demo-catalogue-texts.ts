// The demo catalogue's words in uk/ru/en (U-I18N-1), loaded with the demo data into
// catalogue_texts; the English equal to the items' own rows (DEMO_TARIFFS, DEMO_SERVICES).
import type { CatalogueLang, CatalogueText } from './catalogue-text-store';

type Words = Record<string, { name: string; description: string; terms?: string }>;

const en: Words = {
  'freedom-of-speech': { name: 'Freedom of Speech', description: 'Unlimited 1x/EV-DO data at night, 3 GB by day; calls within the network included.' },
  '3g-unlimited': { name: '3G Unlimited', description: 'Unlimited EV-DO Rev.A data.' },
  '3g-lite': { name: '3G Lite', description: '5 GB EV-DO data a month.' },
  international: { name: 'International calls', description: 'Calls to numbers abroad.' },
  'long-distance': { name: 'Long-distance calls', description: 'Calls to other regions of Ukraine.' },
  'mobile-calls': { name: 'Calls to mobile networks', description: 'Calls to numbers of mobile operators.' },
  'caller-id': { name: 'Caller ID', description: 'See who is calling.' },
  'who-called': { name: 'Who called', description: 'Notices of calls missed while the number was unreachable.' },
  'call-forwarding': { name: 'Call forwarding', description: 'Forward calls to another number.' },
  'sip-forwarding': { name: 'Forwarding to SIP', description: 'Forward calls to a SIP address.' },
  'number-blocking': { name: 'Number blocking', description: 'Refuse calls from numbers on your list.' },
  'anonymous-notice': { name: 'Unidentified caller notice', description: 'Tells you when a caller hides the number.' },
  'traffic-5gb': { name: 'Extra traffic 5 GB', description: 'Adds 5 GB of EV-DO traffic this month.' },
  antivirus: { name: 'Antivirus', description: 'Network antivirus for one computer.', terms: 'The licence is for one device for the calendar month.' },
  'parental-control': { name: 'Parental control', description: 'Filters unsafe sites on this connection.' },
  'online-cinema': { name: 'Online cinema', description: 'A month of the film library; its traffic is not counted.', terms: 'Streaming on up to two devices; auto-renews monthly until switched off.' },
};

const uk: Words = {
  'freedom-of-speech': { name: 'Свобода слова', description: 'Безлімітні дані 1x/EV-DO вночі, 3 ГБ удень; дзвінки в мережі включено.' },
  '3g-unlimited': { name: '3G Безлім', description: 'Безлімітні дані EV-DO Rev.A.' },
  '3g-lite': { name: '3G Лайт', description: '5 ГБ даних EV-DO на місяць.' },
  international: { name: 'Міжнародні дзвінки', description: 'Дзвінки на номери за кордоном.' },
  'long-distance': { name: 'Міжміські дзвінки', description: 'Дзвінки в інші регіони України.' },
  'mobile-calls': { name: 'Дзвінки на мобільні', description: 'Дзвінки на номери мобільних операторів.' },
  'caller-id': { name: 'Визначник номера', description: 'Бачите, хто телефонує.' },
  'who-called': { name: 'Хто дзвонив', description: 'Повідомлення про дзвінки, пропущені, коли номер був недоступний.' },
  'call-forwarding': { name: 'Переадресація', description: 'Переадресація дзвінків на інший номер.' },
  'sip-forwarding': { name: 'Переадресація на SIP', description: 'Переадресація дзвінків на SIP-адресу.' },
  'number-blocking': { name: 'Блокування номерів', description: 'Відхиляє дзвінки з номерів вашого списку.' },
  'anonymous-notice': { name: 'Повідомлення про невизначений номер', description: 'Повідомляє, коли абонент приховує номер.' },
  'traffic-5gb': { name: 'Додатковий трафік 5 ГБ', description: 'Додає 5 ГБ трафіку EV-DO цього місяця.' },
  antivirus: { name: 'Антивірус', description: 'Мережевий антивірус для одного комп’ютера.', terms: 'Ліцензія на один пристрій на календарний місяць.' },
  'parental-control': { name: 'Батьківський контроль', description: 'Фільтрує небезпечні сайти на цьому з’єднанні.' },
  'online-cinema': { name: 'Онлайн-кінотеатр', description: 'Місяць фільмотеки; її трафік не рахується.', terms: 'Перегляд на двох пристроях; щомісяця продовжується, доки не вимкнете.' },
};

const ru: Words = {
  'freedom-of-speech': { name: 'Свобода слова', description: 'Безлимитные данные 1x/EV-DO ночью, 3 ГБ днём; звонки внутри сети включены.' },
  '3g-unlimited': { name: '3G Безлимит', description: 'Безлимитные данные EV-DO Rev.A.' },
  '3g-lite': { name: '3G Лайт', description: '5 ГБ данных EV-DO в месяц.' },
  international: { name: 'Международные звонки', description: 'Звонки на номера за рубежом.' },
  'long-distance': { name: 'Междугородние звонки', description: 'Звонки в другие регионы Украины.' },
  'mobile-calls': { name: 'Звонки на мобильные', description: 'Звонки на номера мобильных операторов.' },
  'caller-id': { name: 'Определитель номера', description: 'Видите, кто звонит.' },
  'who-called': { name: 'Кто звонил', description: 'Уведомления о звонках, пропущенных, когда номер был недоступен.' },
  'call-forwarding': { name: 'Переадресация', description: 'Переадресация звонков на другой номер.' },
  'sip-forwarding': { name: 'Переадресация на SIP', description: 'Переадресация звонков на SIP-адрес.' },
  'number-blocking': { name: 'Блокировка номеров', description: 'Отклоняет звонки с номеров из вашего списка.' },
  'anonymous-notice': { name: 'Уведомление о неопределённом номере', description: 'Сообщает, когда абонент скрывает номер.' },
  'traffic-5gb': { name: 'Дополнительный трафик 5 ГБ', description: 'Добавляет 5 ГБ трафика EV-DO в этом месяце.' },
  antivirus: { name: 'Антивирус', description: 'Сетевой антивирус для одного компьютера.', terms: 'Лицензия на одно устройство на календарный месяц.' },
  'parental-control': { name: 'Родительский контроль', description: 'Фильтрует опасные сайты на этом соединении.' },
  'online-cinema': { name: 'Онлайн-кинотеатр', description: 'Месяц фильмотеки; её трафик не считается.', terms: 'Просмотр на двух устройствах; продлевается ежемесячно, пока не отключите.' },
};

export const DEMO_CATALOGUE_TEXTS: Record<CatalogueLang, Words> = { uk, ru, en };

/** The words of item `id` in `lang`, with the terms filled in ('' where none). */
export function demoText(lang: CatalogueLang, id: string): CatalogueText | null {
  const w = DEMO_CATALOGUE_TEXTS[lang][id];
  return w ? { name: w.name, description: w.description, terms: w.terms ?? '' } : null;
}
