import { describe, expect, it } from 'vitest';
import { operatorPasswordProblems, OPERATOR_PASSWORD_MIN } from './operator-password-rules';

const rules = (p: string, login = 'olena', old?: string) => operatorPasswordProblems(p, login, old).map((x) => x.rule);

describe('operator password rules', () => {
  it('length: 12 passes, 11 does not; 128 passes, 129 does not', () => {
    expect(rules('a'.repeat(OPERATOR_PASSWORD_MIN - 1) + '1')).toEqual([]);
    expect(rules('a'.repeat(OPERATOR_PASSWORD_MIN - 2) + '1')).toEqual(['length']);
    expect(rules('a'.repeat(127) + '1')).toEqual([]);
    expect(rules('a'.repeat(128) + '1')).toEqual(['length']);
  });
  it('needs a letter and a digit, refuses the login, common ones and the old one', () => {
    expect(rules('123456789012')).toEqual(['letter']);
    expect(rules('abcdefghijkl')).toEqual(['digit']);
    expect(rules('my-olena-2026x')).toEqual(['contains_login']);
    expect(rules('password123456')).toEqual(['common']);
    expect(rules('Sunflower2026!', 'olena', 'Sunflower2026!')).toEqual(['same_as_old']);
  });
});
