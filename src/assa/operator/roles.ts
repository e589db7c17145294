// The operator roles (src/shared/operator-roles.ts, shared with the console) and the
// adjustment limits of each role.
import type { OperatorRole } from '../../shared/operator-roles';

export { may, PERMISSIONS, ROLES, type OperatorRole, type Permission } from '../../shared/operator-roles';

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
