// A-REG-2 as the subscriber types: every rule with its own state. The rules are the one
// shared copy (src/shared/password-rules.ts) the server checks again on submit.
import { passwordProblems, type PasswordRule } from '../../src/shared/password-rules';

export type { PasswordRule };

/** The rules shown under a new password, in the order of the seed's hints. */
export const PASSWORD_RULES: readonly PasswordRule[] = ['length', 'charset', 'letter', 'digit', 'contains_number', 'common'];

export function brokenRules(password: string, number: string): Set<PasswordRule> {
  return new Set(passwordProblems(password, number).map((p) => p.rule));
}
