// D-TRAF-4: local sessions beside the operator's records (A-DET-2) by time overlap.
import { describe, expect, it } from 'vitest';
import { reconcileSessions } from '../../../src/shared/reconcile-sessions';

const t = (hhmm: string) => Date.parse(`2026-11-24T${hhmm}:00Z`);

describe('D-TRAF-4 reconciliation', () => {
  it('pairs by largest overlap despite clock skew and shows the difference', () => {
    const local = [
      { id: 1, start: t('10:00'), end: t('10:30'), rxBytes: 5_000_000, txBytes: 400_000 },
      { id: 2, start: t('11:00'), end: t('11:05'), rxBytes: 100_000, txBytes: 10_000 },
    ];
    const operator = [
      { id: 'a', start: t('10:00') + 4000, end: t('10:30') + 3000, rxBytes: 5_100_000, txBytes: 410_000 },
      { id: 'b', start: t('11:00') + 2000, end: t('11:05'), rxBytes: 100_000, txBytes: 10_000 },
      { id: 'c', start: t('12:00'), end: t('12:10'), rxBytes: 1, txBytes: 1 },
    ];
    const pairs = reconcileSessions(local, operator, t('13:00'));
    expect(pairs.map((p) => [p.local?.id ?? null, p.operator?.id ?? null])).toEqual([
      [null, 'c'],
      [2, 'b'],
      [1, 'a'],
    ]);
    expect(pairs[2]).toMatchObject({ rxDiff: -100_000, txDiff: -10_000 });
    expect(pairs[0]).toMatchObject({ rxDiff: null, overlapMs: 0 });
  });

  it('keeps a local session the operator has not reported yet', () => {
    const pairs = reconcileSessions([{ id: 1, start: t('10:00'), end: null, rxBytes: 1, txBytes: 1 }], [], t('10:10'));
    expect(pairs).toEqual([{ local: expect.objectContaining({ id: 1 }), operator: null, overlapMs: 0, rxDiff: null, txDiff: null }]);
  });
});
