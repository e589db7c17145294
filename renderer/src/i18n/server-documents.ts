// The texts the server holds as documents rather than messages — the terms of use
// (A-SVC-3), what the self-service system cannot do (A-HLP-2) and the built-in catalogue's
// names and descriptions — in uk/ru/en, looked up by the id the server sends. (An item the
// operator adds later shows the words the server sends: serving catalogue_texts per
// Accept-Language is the server's next step.) The server's English stays its API answer; a screen in
// another language shows these (the English server words only where an id is new here).
type Op = { operation: string; reason: string; whereToGo: string };
type Item = { name: string; description: string; terms?: string };
type Docs = { terms: string; unsupported: Record<string, Op>; catalogue: Record<string, Item> };

const en: Docs = {
  catalogue: {
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
  },
  terms: 'Services and tariff changes ordered here take effect for your number at once (tariffs from the 1st of next month); fees are charged from your balance under the balance rule; you can switch a service off at any time.',
  unsupported: {
    suspend: { operation: 'Suspend the contract or stop using the number for a while', reason: 'A suspension changes the contract and needs the owner’s signature.', whereToGo: 'a subscriber service centre, with your passport and the contract' },
    terminate: { operation: 'Terminate the contract', reason: 'Termination settles the account and needs the owner in person.', whereToGo: 'a subscriber service centre, with your passport and the contract' },
    change_owner: { operation: 'Change the owner', reason: 'Both the old and the new owner must sign.', whereToGo: 'a subscriber service centre, with your passport and the contract; both owners come' },
    change_number: { operation: 'Change the number', reason: 'A new number is a new contract line.', whereToGo: 'a subscriber service centre, with your passport and the contract' },
    restore_number: { operation: 'Restore a disconnected number', reason: 'A disconnected number must be checked as free and re-assigned.', whereToGo: 'a subscriber service centre, with your passport and the contract' },
    change_device: { operation: 'Change the registered device', reason: 'The device identity (ESN/MEID) is registered in the network by staff.', whereToGo: 'a subscriber service centre, with your passport and the contract, with the new device' },
    delete_account: { operation: 'Delete the self-service account', reason: 'The account is tied to the contract and is removed with it.', whereToGo: 'a subscriber service centre, with your passport and the contract' },
  },
};

const CENTRE_UK = 'центр обслуговування абонентів, з паспортом і договором';
const uk: Docs = {
  catalogue: {
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
  },
  terms: 'Послуги та зміни тарифу, замовлені тут, діють для вашого номера одразу (тарифи — з 1-го числа наступного місяця); плата знімається з балансу за правилом балансу; послугу можна вимкнути будь-коли.',
  unsupported: {
    suspend: { operation: 'Призупинити договір або тимчасово не користуватися номером', reason: 'Призупинення змінює договір і потребує підпису власника.', whereToGo: CENTRE_UK },
    terminate: { operation: 'Розірвати договір', reason: 'Розірвання закриває рахунок і потребує особистої присутності власника.', whereToGo: CENTRE_UK },
    change_owner: { operation: 'Змінити власника', reason: 'Підписати мають і старий, і новий власник.', whereToGo: `${CENTRE_UK}; приходять обидва власники` },
    change_number: { operation: 'Змінити номер', reason: 'Новий номер — це новий рядок договору.', whereToGo: CENTRE_UK },
    restore_number: { operation: 'Відновити відключений номер', reason: 'Відключений номер треба перевірити на вільність і призначити знову.', whereToGo: CENTRE_UK },
    change_device: { operation: 'Змінити зареєстрований пристрій', reason: 'Ідентифікатор пристрою (ESN/MEID) реєструють у мережі працівники оператора.', whereToGo: `${CENTRE_UK}, з новим пристроєм` },
    delete_account: { operation: 'Видалити обліковий запис самообслуговування', reason: 'Обліковий запис прив’язаний до договору і видаляється разом із ним.', whereToGo: CENTRE_UK },
  },
};

const CENTRE_RU = 'центр обслуживания абонентов, с паспортом и договором';
const ru: Docs = {
  catalogue: {
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
  },
  terms: 'Услуги и смены тарифа, заказанные здесь, действуют для вашего номера сразу (тарифы — с 1-го числа следующего месяца); плата снимается с баланса по правилу баланса; услугу можно отключить в любой момент.',
  unsupported: {
    suspend: { operation: 'Приостановить договор или временно не пользоваться номером', reason: 'Приостановка меняет договор и требует подписи владельца.', whereToGo: CENTRE_RU },
    terminate: { operation: 'Расторгнуть договор', reason: 'Расторжение закрывает счёт и требует личного присутствия владельца.', whereToGo: CENTRE_RU },
    change_owner: { operation: 'Сменить владельца', reason: 'Подписать должны и прежний, и новый владелец.', whereToGo: `${CENTRE_RU}; приходят оба владельца` },
    change_number: { operation: 'Сменить номер', reason: 'Новый номер — это новая строка договора.', whereToGo: CENTRE_RU },
    restore_number: { operation: 'Восстановить отключённый номер', reason: 'Отключённый номер нужно проверить на свободность и назначить заново.', whereToGo: CENTRE_RU },
    change_device: { operation: 'Сменить зарегистрированное устройство', reason: 'Идентификатор устройства (ESN/MEID) регистрируют в сети сотрудники оператора.', whereToGo: `${CENTRE_RU}, с новым устройством` },
    delete_account: { operation: 'Удалить учётную запись самообслуживания', reason: 'Учётная запись привязана к договору и удаляется вместе с ним.', whereToGo: CENTRE_RU },
  },
};

export const serverDocuments = { en, uk, ru };
