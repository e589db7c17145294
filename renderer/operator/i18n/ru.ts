// Russian words of the operator console (the same keys as en.ts).
import type { Catalogue } from './en';

export const ru: Catalogue = {
  app: { title: 'Консоль оператора ASSA', skip: 'Перейти к содержанию', language: 'Язык', logout: 'Выйти', signedInAs: 'Вы вошли как {{login}} ({{role}})', demoNow: 'Демо-часы: {{now}}' },
  role: { admin: 'администратор', support: 'поддержка', billing: 'биллинг' },
  nav: { label: 'Разделы', subscribers: 'Абоненты', catalogue: 'Каталог', vouchers: 'Ваучеры', groups: 'Группы', helpdesk: 'Обращения и звонки', billing: 'Биллинг', operators: 'Операторы', audit: 'Журнал действий' },
  login: { title: 'Вход оператора', login: 'Логин', password: 'Пароль', submit: 'Войти' },
  password: { title: 'Установите свой пароль', intro: 'Вы вошли с одноразовым паролем. Прежде чем продолжить, выберите свой: от 12 до 128 символов, с буквой и цифрой, без вашего логина.', old: 'Одноразовый (текущий) пароль', new: 'Новый пароль', again: 'Новый пароль ещё раз', mismatch: 'Новые пароли не совпадают.', submit: 'Сохранить пароль' },
  common: { save: 'Сохранить', create: 'Создать', reason: 'Причина', number: 'Номер', status: 'Состояние', amount: 'Сумма, грн', when: 'Когда', operator: 'Оператор', kind: 'Вид', description: 'Описание', none: 'Пока ничего.', loading: 'Загрузка…', done: 'Готово.', actions: 'Действия', open: 'Открыть', remove: 'Убрать', balance: 'Баланс', tariff: 'Тариф', owner: 'Владелец', account: 'Лицевой счёт', email: 'Эл. почта', yes: 'да', no: 'нет' },
  status: { active: 'активен', blocked: 'заблокирован за неуплату', suspended: 'приостановлен', disconnected: 'отключён', open: 'открыто', answered: 'с ответом', closed: 'закрыто' },
  subscribers: {
    title: 'Абоненты', search: 'Номер, лицевой счёт или владелец', find: 'Найти', results: 'Найденные абоненты', create: 'Новый абонент', corporate: 'Корпоративный номер', openingBalance: 'Начальный баланс, грн',
    import: 'Импорт из CSV', importHint: 'Строка заголовка, затем по абоненту в строке: number,accountNumber,ownerName,tariffId,balance,email,corporate (баланс в копейках).', importFile: 'Текст CSV', importSubmit: 'Импортировать', imported: 'Импортировано: {{n}}.', rejected: 'Отклонённые строки', line: 'Строка', code: 'Причина', created: 'Абонент {{number}} создан.',
  },
  subscriber: {
    title: 'Абонент {{number}}', summary: 'Счёт', login: 'Вход в самообслуживание', registered: 'зарегистрирован', notRegistered: 'не зарегистрирован', locked: 'заблокирован', unlock: 'Разблокировать вход (владелец установлен лично)',
    statusChange: 'Изменить состояние', newStatus: 'Новое состояние', apply: 'Применить', adjust: 'Корректировка', adjustHint: 'Зачисление (положительное) или исправление (отрицательное); поддержка: до 200 грн.', adjustSubmit: 'Провести корректировку',
    owner: 'Сменить владельца', newOwner: 'ФИО нового владельца', number: 'Сменить номер', newNumber: 'Новый номер', movements: 'Движение средств', sessions: 'Сессии передачи данных', calls: 'Звонки', operations: 'Операции', audit: 'Журнал действий', services: 'Включённые услуги', group: 'Группа',
    started: 'Начало', ended: 'Конец', bytes: 'Вход / выход, байт', seconds: 'Секунды', peer: 'Собеседник', direction: 'Направление', from: 'Было', to: 'Стало',
  },
  catalogue: { title: 'Каталог', tariffs: 'Тарифы', services: 'Услуги', id: 'Идентификатор', name: 'Название', fee: 'Ежемесячная плата', includes: 'Включено', minutes: 'Минуты', megabytes: 'МБ', prices: 'Версии цен', newTariff: 'Новый тариф', newService: 'Новая услуга', nameIn: 'Название ({{lng}})', descIn: 'Описание ({{lng}})', kind: 'Вид', changePrice: 'Изменить цену', validFrom: 'С месяца (ГГГГ-ММ)', item: 'Позиция', priceSaved: 'Версия цены сохранена.' },
  vouchers: { title: 'Ваучеры', issue: 'Выпустить партию', count: 'Сколько кодов', submit: 'Выпустить', once: 'Эти коды показаны только сейчас: распечатайте или передайте их, прежде чем уйти с этой страницы. Хранятся только их хеши.', codes: 'Коды партии {{id}}', batches: 'Партии', batch: 'Партия', used: 'Использовано', by: 'Выпустил' },
  groups: { title: 'Группы', create: 'Новая группа', name: 'Название группы', curator: 'Номер куратора', members: 'Участники', addMember: 'Добавить номер', role: 'Роль', curatorRole: 'куратор', memberRole: 'участник', registered: 'Зарегистрирован' },
  helpdesk: { title: 'Обращения и звонки', questions: 'Вопросы', callbacks: 'Заказанные звонки', text: 'Вопрос', phone: 'Куда звонить', answer: 'Ответ', answerSubmit: 'Отправить ответ', callbackDone: 'Что сказали во время звонка', close: 'Закрыть обращение', answered: 'Ответ отправлен.', showAll: 'Показать и те, что с ответом' },
  billing: { title: 'Биллинг', runs: 'Проведённые начала месяцев', month: 'Месяц', ranAt: 'Когда', run: 'Провести начало месяца', runSubmit: 'Провести', result: '{{month}}: списано {{charged}}, заблокировано {{blocked}}{{again}}.', again: ' (уже проводился: дважды ничего не списано)', pending: 'Зависшие платежи', payer: 'Плательщик', forNumber: 'За номер', age: 'Минут в ожидании', clock: 'Демо-часы', clockHint: 'Переводит часы сервера (только демо-сервер): биллинг, срок действия РУНА и тайм-ауты сессий следуют за ними.', clockSubmit: 'Перевести часы', clockAt: 'Новое время (Киев)' },
  operators: { title: 'Операторы', add: 'Добавить оператора', role: 'Роль', oneTime: 'Одноразовый пароль {{login}} (показан один раз): {{password}}', locked: 'Заблокирован', disabled: 'Отключён', mustChange: 'Должен установить пароль', unlock: 'Разблокировать', disable: 'Отключить', enable: 'Включить', reset: 'Новый одноразовый пароль' },
  audit: { title: 'Журнал действий', action: 'Действие', target: 'Объект', details: 'Подробности', more: 'Более старые записи' },
  errors: { generic: 'Сервер отказал: {{message}} ({{code}})' },
};
