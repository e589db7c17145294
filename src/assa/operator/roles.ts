// Who among the operator's staff may do what (issue 14). Admin manages operators and the
// catalogue and may do everything; support serves subscribers (create, status, unlock,
// tickets, groups, small adjustments); billing runs the month start, issues vouchers and
// reconciles payments. One table, read by the routes and walked by the matrix test.
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

/**
 * Support's goodwill limit: one adjustment moves at most 200.00 UAH either way; larger
 * corrections go to billing or an admin (who are bounded only by the sanity cap).
 */
export const SUPPORT_ADJUSTMENT_LIMIT_KOPECKS = 20_000;
export const ADJUSTMENT_CAP_KOPECKS = 10_000_000;

export function adjustmentProblem(role: OperatorRole, amount: number): { code: string; message: string } | null {
  if (!Number.isInteger(amount) || amount === 0) return { code: 'invalid_amount', message: 'The amount is a non-zero whole number of kopecks.' };
  const limit = role === 'support' ? SUPPORT_ADJUSTMENT_LIMIT_KOPECKS : ADJUSTMENT_CAP_KOPECKS;
  if (Math.abs(amount) > limit) {
    return { code: 'adjustment_over_limit', message: `One adjustment by ${role} moves at most ${(limit / 100).toFixed(2)} UAH; ask ${role === 'support' ? 'billing or an admin' : 'for a second adjustment'}.` };
  }
  return null;
}
