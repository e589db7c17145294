// The operator console's English words. Keys are the same in uk and ru (console-locales.test.ts).
export const en = {
  app: { title: 'ASSA operator console', skip: 'Skip to the content', language: 'Language', logout: 'Log out', signedInAs: 'Signed in as {{login}} ({{role}})', demoNow: 'Demo clock: {{now}}' },
  role: { admin: 'admin', support: 'support', billing: 'billing' },
  nav: { label: 'Sections', subscribers: 'Subscribers', catalogue: 'Catalogue', vouchers: 'Vouchers', groups: 'Groups', helpdesk: 'Tickets and call-backs', billing: 'Billing runs', operators: 'Operators', audit: 'Audit log' },
  login: { title: 'Operator login', login: 'Login', password: 'Password', submit: 'Log in' },
  password: { title: 'Set your own password', intro: 'You logged in with a one-time password. Choose your own before you continue: 12 to 128 characters, with a letter and a digit, not containing your login.', old: 'One-time (current) password', new: 'New password', again: 'New password again', mismatch: 'The two new passwords differ.', submit: 'Save the password' },
  common: { save: 'Save', create: 'Create', reason: 'Reason', number: 'Number', status: 'Status', amount: 'Amount, UAH', when: 'When', operator: 'Operator', kind: 'Kind', description: 'Description', none: 'Nothing here yet.', loading: 'Loading…', done: 'Done.', actions: 'Actions', open: 'Open', remove: 'Remove', balance: 'Balance', tariff: 'Tariff', owner: 'Owner', account: 'Account number', email: 'E-mail', yes: 'yes', no: 'no' },
  status: { active: 'active', blocked: 'blocked for non-payment', suspended: 'suspended', disconnected: 'disconnected', open: 'open', answered: 'answered', closed: 'closed' },
  subscribers: {
    title: 'Subscribers', search: 'Number, account number or owner', find: 'Find', results: 'Found subscribers', create: 'New subscriber', corporate: 'Corporate number', openingBalance: 'Opening balance, UAH',
    import: 'Import from CSV', importHint: 'A header line, then one subscriber a line: number,accountNumber,ownerName,tariffId,balance,email,corporate (balance in kopecks).', importFile: 'CSV text', importSubmit: 'Import', imported: 'Imported: {{n}}.', rejected: 'Rejected lines', line: 'Line', code: 'Reason', created: 'Subscriber {{number}} created.',
  },
  subscriber: {
    title: 'Subscriber {{number}}', summary: 'Account', login: 'Self-service login', registered: 'registered', notRegistered: 'not registered', locked: 'locked', unlock: 'Unlock the login (owner identified in person)',
    statusChange: 'Change the status', newStatus: 'New status', apply: 'Apply', adjust: 'Adjustment', adjustHint: 'A credit (positive) or a correction (negative); support: up to 200 UAH.', adjustSubmit: 'Make the adjustment',
    owner: 'Change the owner', newOwner: 'New owner’s full name', number: 'Change the number', newNumber: 'New number', movements: 'Movements of funds', sessions: 'Data sessions', calls: 'Calls', operations: 'Operations', audit: 'Audit trail', services: 'Services on', group: 'Group',
    started: 'Started', ended: 'Ended', bytes: 'In / out, bytes', seconds: 'Seconds', peer: 'Peer', direction: 'Direction', from: 'From', to: 'To',
  },
  catalogue: { title: 'Catalogue', tariffs: 'Tariffs', services: 'Services', id: 'Id', name: 'Name', fee: 'Monthly fee', includes: 'Includes', minutes: 'Minutes', megabytes: 'MB', prices: 'Price versions', newTariff: 'New tariff', newService: 'New service', nameIn: 'Name ({{lng}})', descIn: 'Description ({{lng}})', kind: 'Kind', changePrice: 'Change a price', validFrom: 'From month (YYYY-MM)', item: 'Item', priceSaved: 'Price version saved.' },
  vouchers: { title: 'Vouchers', issue: 'Issue a batch', count: 'How many codes', submit: 'Issue', once: 'These codes are shown only now: print or hand them over before you leave this page. Only their hashes are kept.', codes: 'Codes of batch {{id}}', batches: 'Batches', batch: 'Batch', used: 'Used', by: 'Issued by' },
  groups: { title: 'Groups', create: 'New group', name: 'Group name', curator: 'Curator’s number', members: 'Members', addMember: 'Add a number', role: 'Role', curatorRole: 'curator', memberRole: 'member', registered: 'Registered' },
  helpdesk: { title: 'Tickets and call-backs', questions: 'Questions', callbacks: 'Call-back orders', text: 'Question', phone: 'Call', answer: 'Answer', answerSubmit: 'Send the answer', callbackDone: 'What was said on the call', close: 'Close the ticket', answered: 'Answered.', showAll: 'Show answered too' },
  billing: { title: 'Billing runs', runs: 'Month starts that ran', month: 'Month', ranAt: 'Ran at', run: 'Run a month start', runSubmit: 'Run', result: '{{month}}: {{charged}} charged, {{blocked}} blocked{{again}}.', again: ' (already ran: nothing charged twice)', pending: 'Payments left pending', payer: 'Payer', forNumber: 'For', age: 'Minutes pending', clock: 'Demo clock', clockHint: 'Moves the server’s clock (demo servers only): billing, RUNA expiry and session timeouts follow.', clockSubmit: 'Move the clock', clockAt: 'New time (Kyiv)' },
  operators: { title: 'Operators', add: 'Add an operator', role: 'Role', oneTime: 'One-time password of {{login}} (shown once): {{password}}', locked: 'Locked', disabled: 'Disabled', mustChange: 'Must set a password', unlock: 'Unlock', disable: 'Disable', enable: 'Enable', reset: 'New one-time password' },
  audit: { title: 'Audit log', action: 'Action', target: 'Target', details: 'Details', more: 'Older entries' },
  errors: { generic: 'The server refused: {{message}} ({{code}})' },
};
export type Catalogue = typeof en;
