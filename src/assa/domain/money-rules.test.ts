import { describe, expect, it } from 'vitest';
import { checkForOthers, checkTransfer, monthStartDecision, tariffChangeDate } from './money-rules';

describe('money rules', () => {
  it('A-MON-3 transfers: at least 10 UAH, at most 1000 UAH a month', () => {
    expect(checkTransfer(1000, 0)).toEqual({ ok: true });
    expect(checkTransfer(999, 0)).toMatchObject({ ok: false, code: 'transfer_limit' });
    expect(checkTransfer(50_000, 50_000)).toEqual({ ok: true });
    expect(checkTransfer(50_001, 50_000)).toMatchObject({ ok: false, message: expect.stringContaining('500.00 UAH is left') });
  });
  it('A-MON-3 for others: 10.00 at least; 999 + 1 fits the month, 1000 + 0.01 does not', () => {
    expect(checkForOthers(1000, 0)).toEqual({ ok: true });
    expect(checkForOthers(999, 0)).toMatchObject({ ok: false, code: 'for_others_limit' });
    expect(checkForOthers(100, 99_900)).toMatchObject({ ok: false }); // 1 UAH is under the 10 UAH minimum
    expect(checkForOthers(1000, 99_000)).toEqual({ ok: true });
    expect(checkForOthers(1, 100_000)).toMatchObject({ ok: false, leftThisMonth: 0 });
    expect(checkForOthers(1000, 99_001)).toMatchObject({ ok: false, leftThisMonth: 999 });
  });
  it('A-TAR-2 a change applies from the 1st of next month (Kyiv), not within 30 days of the last', () => {
    expect(tariffChangeDate(Date.parse('2026-11-17T10:00:00Z'), null)).toEqual({ ok: true, effectiveFrom: '2026-12-01' });
    expect(tariffChangeDate(Date.parse('2026-11-30T22:30:00Z'), null)).toEqual({ ok: true, effectiveFrom: '2027-01-01' }); // already Dec 1st in Kyiv
    expect(tariffChangeDate(Date.parse('2026-11-17T10:00:00Z'), Date.parse('2026-11-01T10:00:00Z'))).toEqual({ ok: false, nextAllowed: '2026-12-01' });
  });
  it('A-DATA-2 the fee only in full: 29 against 30 blocks, 30 against 30 pays', () => {
    expect(monthStartDecision(2900, 3000)).toEqual({ take: false, block: true });
    expect(monthStartDecision(3000, 3000)).toEqual({ take: true, block: false });
  });
});
