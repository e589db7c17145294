import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountMemory } from '../../../src/app/account/account-memory';
import { RUNA_MAX_ACTIVATIONS, RUNA_WINDOW_MS, RunaBudget } from '../../../src/app/account/runa-budget';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'assa-budget-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('RunaBudget: the 2772 limit kept before an SMS leaves', () => {
  it(`allows ${RUNA_MAX_ACTIVATIONS} in 10 minutes, refuses the next with the time it frees up, and counts per number`, () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const b = new RunaBudget(tmp(), { now: () => now });
    for (let i = 0; i < RUNA_MAX_ACTIVATIONS; i++) {
      expect(() => b.check('441234567')).not.toThrow();
      b.record('441234567');
      now += 60_000;
    }
    let err: { code?: string; details?: { retryAt?: string } } = {};
    try {
      b.check('441234567');
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.code).toBe('runa_limit');
    // The first of the five was at 10:00; the window frees it at 10:10.
    expect(err.details?.retryAt).toBe('2026-12-01T10:10:00.000Z');
    expect(() => b.check('441234568')).not.toThrow();
    now = Date.parse('2026-12-01T10:10:00Z') - 1;
    expect(() => b.check('441234567')).toThrow();
    now = Date.parse('2026-12-01T10:10:00Z');
    expect(() => b.check('441234567')).not.toThrow();
    expect(RUNA_WINDOW_MS).toBe(600_000);
  });

  it('remembers across restarts and survives a damaged file', () => {
    const dir = tmp();
    const now = Date.parse('2026-12-01T10:00:00Z');
    const a = new RunaBudget(dir, { now: () => now });
    for (let i = 0; i < RUNA_MAX_ACTIVATIONS; i++) a.record('441234567');
    expect(() => new RunaBudget(dir, { now: () => now }).check('441234567')).toThrow(/at most 5/);
    writeFileSync(path.join(dir, 'runa-activations.json'), '{not json');
    expect(() => new RunaBudget(dir, { now: () => now }).check('441234567')).not.toThrow();
  });
});

describe('AccountMemory: registered numbers across restarts', () => {
  it('remembers a registered number and names the last one', () => {
    const dir = tmp();
    const m = new AccountMemory(dir);
    expect(m.isRegistered('441234567')).toBe(false);
    expect(m.lastNumber()).toBeNull();
    m.markRegistered('441234567', new Date('2026-12-01T10:00:00Z'));
    m.markRegistered('441234568', new Date('2026-12-01T11:00:00Z'));
    const again = new AccountMemory(dir);
    expect(again.isRegistered('441234567')).toBe(true);
    expect(again.isRegistered(null)).toBe(false);
    expect(again.lastNumber()).toBe('441234568');
    writeFileSync(path.join(dir, 'account.json'), '[]');
    expect(new AccountMemory(dir).isRegistered('441234567')).toBe(false);
  });
});
