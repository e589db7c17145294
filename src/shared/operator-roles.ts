// Who among the operator's staff may do what (issue 14). Admin manages operators and the
// catalogue and may do everything; support serves subscribers (create, status, unlock,
// tickets, groups, small adjustments); billing runs the month start, issues vouchers and
// reconciles payments. One table: the server's routes enforce it, the console hides what
// a role cannot open, and the matrix test walks it.
export type OperatorRole = 'admin' | 'support' | 'billing';
export const ROLES: readonly OperatorRole[] = ['admin', 'support', 'billing'];

export type Permission =
  | 'subscribers.read'
  | 'subscribers.write'
  | 'logins.unlock'
  | 'catalogue.read'
  | 'catalogue.write'
  | 'vouchers.issue'
  | 'adjustments.make'
  | 'billing.read'
  | 'billing.run'
  | 'groups.read'
  | 'groups.write'
  | 'helpdesk.read'
  | 'helpdesk.answer'
  | 'operators.manage'
  | 'audit.read'
  | 'clock.set';

const ALL = ROLES;
export const PERMISSIONS: Record<Permission, readonly OperatorRole[]> = {
  'subscribers.read': ALL,
  'subscribers.write': ['admin', 'support'],
  'logins.unlock': ['admin', 'support'],
  'catalogue.read': ALL,
  'catalogue.write': ['admin'],
  'vouchers.issue': ['admin', 'billing'],
  'adjustments.make': ALL,
  'billing.read': ['admin', 'billing'],
  'billing.run': ['admin', 'billing'],
  'groups.read': ALL,
  'groups.write': ['admin', 'support'],
  'helpdesk.read': ['admin', 'support'],
  'helpdesk.answer': ['admin', 'support'],
  'operators.manage': ['admin'],
  'audit.read': ['admin', 'support'],
  'clock.set': ['admin', 'billing'],
};

export const may = (role: OperatorRole, p: Permission): boolean => PERMISSIONS[p].includes(role);
