// Ukrainian words of the operator console (the same keys as en.ts).
import type { Catalogue } from './en';

export const uk: Catalogue = {
  app: { title: 'Консоль оператора ASSA', skip: 'Перейти до змісту', language: 'Мова', logout: 'Вийти', signedInAs: 'Ви увійшли як {{login}} ({{role}})', demoNow: 'Демо-годинник: {{now}}' },
  role: { admin: 'адміністратор', support: 'підтримка', billing: 'білінг' },
  nav: { label: 'Розділи', subscribers: 'Абоненти', catalogue: 'Каталог', vouchers: 'Ваучери', groups: 'Групи', helpdesk: 'Звернення і дзвінки', billing: 'Білінг', operators: 'Оператори', audit: 'Журнал дій' },
  login: { title: 'Вхід оператора', login: 'Логін', password: 'Пароль', submit: 'Увійти' },
  password: { title: 'Встановіть власний пароль', intro: 'Ви увійшли з одноразовим паролем. Перш ніж продовжити, оберіть власний: від 12 до 128 символів, з літерою і цифрою, без вашого логіна.', old: 'Одноразовий (поточний) пароль', new: 'Новий пароль', again: 'Новий пароль ще раз', mismatch: 'Нові паролі не збігаються.', submit: 'Зберегти пароль' },
  common: { save: 'Зберегти', create: 'Створити', reason: 'Причина', number: 'Номер', status: 'Стан', amount: 'Сума, грн', when: 'Коли', operator: 'Оператор', kind: 'Вид', description: 'Опис', none: 'Поки що нічого.', loading: 'Завантаження…', done: 'Готово.', actions: 'Дії', open: 'Відкрити', remove: 'Прибрати', balance: 'Баланс', tariff: 'Тариф', owner: 'Власник', account: 'Особовий рахунок', email: 'Ел. пошта', yes: 'так', no: 'ні' },
  status: { active: 'активний', blocked: 'заблокований за несплату', suspended: 'призупинений', disconnected: 'відключений', open: 'відкрите', answered: 'з відповіддю', closed: 'закрите' },
  subscribers: {
    title: 'Абоненти', search: 'Номер, особовий рахунок або власник', find: 'Знайти', results: 'Знайдені абоненти', create: 'Новий абонент', corporate: 'Корпоративний номер', openingBalance: 'Початковий баланс, грн',
    import: 'Імпорт з CSV', importHint: 'Рядок заголовка, далі по абоненту в рядку: number,accountNumber,ownerName,tariffId,balance,email,corporate (баланс у копійках).', importFile: 'Текст CSV', importSubmit: 'Імпортувати', imported: 'Імпортовано: {{n}}.', rejected: 'Відхилені рядки', line: 'Рядок', code: 'Причина', created: 'Абонента {{number}} створено.',
  },
  subscriber: {
    title: 'Абонент {{number}}', summary: 'Рахунок', login: 'Вхід до самообслуговування', registered: 'зареєстрований', notRegistered: 'не зареєстрований', locked: 'заблокований', unlock: 'Розблокувати вхід (власника встановлено особисто)',
    statusChange: 'Змінити стан', newStatus: 'Новий стан', apply: 'Застосувати', adjust: 'Коригування', adjustHint: 'Зарахування (додатне) або виправлення (від’ємне); підтримка: до 200 грн.', adjustSubmit: 'Провести коригування',
    owner: 'Змінити власника', newOwner: 'ПІБ нового власника', number: 'Змінити номер', newNumber: 'Новий номер', movements: 'Рух коштів', sessions: 'Сесії передачі даних', calls: 'Дзвінки', operations: 'Операції', audit: 'Журнал дій', services: 'Увімкнені послуги', group: 'Група',
    started: 'Початок', ended: 'Кінець', bytes: 'Вхід / вихід, байт', seconds: 'Секунди', peer: 'Співрозмовник', direction: 'Напрямок', from: 'Було', to: 'Стало',
  },
  catalogue: { title: 'Каталог', tariffs: 'Тарифи', services: 'Послуги', id: 'Ідентифікатор', name: 'Назва', fee: 'Щомісячна плата', includes: 'Включено', minutes: 'Хвилини', megabytes: 'МБ', prices: 'Версії цін', newTariff: 'Новий тариф', newService: 'Нова послуга', nameIn: 'Назва ({{lng}})', descIn: 'Опис ({{lng}})', kind: 'Вид', changePrice: 'Змінити ціну', validFrom: 'З місяця (РРРР-ММ)', item: 'Позиція', priceSaved: 'Версію ціни збережено.' },
  vouchers: { title: 'Ваучери', issue: 'Випустити партію', count: 'Скільки кодів', submit: 'Випустити', once: 'Ці коди показано лише зараз: надрукуйте або передайте їх, перш ніж піти з цієї сторінки. Зберігаються лише їхні хеші.', codes: 'Коди партії {{id}}', batches: 'Партії', batch: 'Партія', used: 'Використано', by: 'Випустив' },
  groups: { title: 'Групи', create: 'Нова група', name: 'Назва групи', curator: 'Номер куратора', members: 'Учасники', addMember: 'Додати номер', role: 'Роль', curatorRole: 'куратор', memberRole: 'учасник', registered: 'Зареєстрований' },
  helpdesk: { title: 'Звернення і дзвінки', questions: 'Запитання', callbacks: 'Замовлені дзвінки', text: 'Запитання', phone: 'Куди дзвонити', answer: 'Відповідь', answerSubmit: 'Надіслати відповідь', callbackDone: 'Що сказали під час дзвінка', close: 'Закрити звернення', answered: 'Відповідь надіслано.', showAll: 'Показати й ті, що з відповіддю' },
  billing: { title: 'Білінг', runs: 'Проведені початки місяців', month: 'Місяць', ranAt: 'Коли', run: 'Провести початок місяця', runSubmit: 'Провести', result: '{{month}}: списано {{charged}}, заблоковано {{blocked}}{{again}}.', again: ' (вже проводився: двічі нічого не списано)', pending: 'Платежі, що зависли', payer: 'Платник', forNumber: 'За номер', age: 'Хвилин в очікуванні', clock: 'Демо-годинник', clockHint: 'Переводить годинник сервера (лише демо-сервер): білінг, строк дії РУНА і тайм-аути сесій ідуть за ним.', clockSubmit: 'Перевести годинник', clockAt: 'Новий час (Київ)' },
  operators: { title: 'Оператори', add: 'Додати оператора', role: 'Роль', oneTime: 'Одноразовий пароль {{login}} (показано один раз): {{password}}', locked: 'Заблокований', disabled: 'Вимкнений', mustChange: 'Має встановити пароль', unlock: 'Розблокувати', disable: 'Вимкнути', enable: 'Увімкнути', reset: 'Новий одноразовий пароль' },
  audit: { title: 'Журнал дій', action: 'Дія', target: 'Об’єкт', details: 'Подробиці', more: 'Старіші записи' },
  errors: { generic: 'Сервер відмовив: {{message}} ({{code}})' },
};
