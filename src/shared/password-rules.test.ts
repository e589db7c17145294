import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-rules';

const rules = (p: string) => passwordProblems(p, '441234567').map((x) => x.rule);

describe('A-REG-2 password rules, each with its own message (6 and 14 characters on both sides)', () => {
  it('accepts a good password', () => expect(rules('Kvitka2026')).toEqual([]));
  it.each([
    ['ab1', ['length']],
    ['abcd1', ['length']],
    ['abcde1', []],
    ['abcdefghijkl12', []],
    ['abcdefghijkl123', ['length']],
    ['abcdefgh12345678', ['length']],
    ['пароль123', ['charset', 'letter']],
    ['abc 123', ['charset']],
    ['12345678', ['letter']],
    ['abcdefgh', ['digit']],
    ['a441234567', ['contains_number']],
    ['x0441234567', ['contains_number']],
    ['qwerty123', ['common']],
  ])('%s → %j', (p, want) => expect(rules(p)).toEqual(want));
  it('every rule has a message for a person', () => {
    for (const p of passwordProblems('', '441234567')) expect(p.message.length).toBeGreaterThan(10);
  });
});
