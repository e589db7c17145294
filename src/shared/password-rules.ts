// A-REG-2, one copy for the server, the desktop app and the portal: 6 to 14 characters,
// Latin letters and digits only, at least one letter and one digit, not containing the
// subscriber's number; each broken rule its own message (screens translate by `rule`).
// Also refused: the passwords everyone tries first (a short list of the most common
// ones that pass the character rules). The app checks these before it sends any SMS.

export type PasswordRule = 'length' | 'charset' | 'letter' | 'digit' | 'contains_number' | 'common';

export interface RuleProblem {
  rule: PasswordRule;
  message: string;
}

export const PASSWORD_MIN_LENGTH = 6;
export const PASSWORD_MAX_LENGTH = 14;

const COMMON = new Set([
  'qwerty1', 'qwerty12', 'qwerty123', 'password1', 'password12', 'password123', 'abc123', 'abcd1234', 'a123456', 'qwe123', '1q2w3e', '1q2w3e4r',
  '1q2w3e4r5t', 'zaq12wsx', 'q1w2e3r4', 'q1w2e3', 'asdf1234', 'pass123', 'admin123', 'test123', 'iloveyou1', 'monkey1', 'dragon1', 'qwerty1234',
  'letmein1', 'welcome1', 'master1', 'a1b2c3', 'a1b2c3d4', '123qwe', '123abc', '1qaz2wsx', 'parol123', 'privet1', 'kyiv2024', 'ukraine1',
]);

/** Every rule the password breaks, in a fixed order; [] when it is acceptable. `number` may be empty when not yet known. */
export function passwordProblems(password: string, number: string): RuleProblem[] {
  const out: RuleProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) out.push({ rule: 'length', message: `The password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long.` });
  if (!/^[A-Za-z0-9]*$/.test(password)) out.push({ rule: 'charset', message: 'Use only Latin letters and digits.' });
  if (!/[A-Za-z]/.test(password)) out.push({ rule: 'letter', message: 'Add at least one Latin letter.' });
  if (!/[0-9]/.test(password)) out.push({ rule: 'digit', message: 'Add at least one digit.' });
  const digits = number.replace(/\D/g, '');
  if (digits.length >= 6 && (password.includes(digits) || password.includes(`0${digits}`))) {
    out.push({ rule: 'contains_number', message: 'The password must not contain your phone number.' });
  }
  if (COMMON.has(password.toLowerCase())) out.push({ rule: 'common', message: 'This password is one of the most common ones; choose another.' });
  return out;
}
