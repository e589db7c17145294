// The texts the server holds as documents rather than messages — the terms of use
// (A-SVC-3) and what the self-service system cannot do (A-HLP-2) — in uk/ru/en, looked up
// by the id the server sends. The catalogue's names and descriptions are not here: the
// server sends them per language (GET /api/v1/catalogue/texts, catalogue-texts.ts).
type Op = { operation: string; reason: string; whereToGo: string };
type Docs = { terms: string; unsupported: Record<string, Op> };

const en: Docs = {
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
