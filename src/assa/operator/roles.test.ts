import { describe, expect, it } from 'vitest';
import { adjustmentProblem, may, SUPPORT_ADJUSTMENT_LIMIT_KOPECKS } from './roles';

describe('operator roles', () => {
  it('admin manages operators and the catalogue; support and billing do not', () => {
    expect(may('admin', 'operators.manage')).toBe(true);
    expect(may('support', 'operators.manage')).toBe(false);
    expect(may('billing', 'catalogue.write')).toBe(false);
    expect(may('billing', 'billing.run')).toBe(true);
    expect(may('support', 'billing.run')).toBe(false);
    expect(may('support', 'vouchers.issue')).toBe(false);
    expect(may('support', 'logins.unlock')).toBe(true);
  });
  it('support adjusts up to the limit, both ways; billing above it', () => {
    expect(adjustmentProblem('support', SUPPORT_ADJUSTMENT_LIMIT_KOPECKS)).toBeNull();
    expect(adjustmentProblem('support', -SUPPORT_ADJUSTMENT_LIMIT_KOPECKS)).toBeNull();
    expect(adjustmentProblem('support', SUPPORT_ADJUSTMENT_LIMIT_KOPECKS + 1)?.code).toBe('adjustment_over_limit');
    expect(adjustmentProblem('support', -SUPPORT_ADJUSTMENT_LIMIT_KOPECKS - 1)?.code).toBe('adjustment_over_limit');
    expect(adjustmentProblem('billing', SUPPORT_ADJUSTMENT_LIMIT_KOPECKS + 1)).toBeNull();
    expect(adjustmentProblem('admin', 0)?.code).toBe('invalid_amount');
  });
});
