// A-REG-2: 6 to 14 characters, Latin letters and digits only, at least one letter and
// one digit, not containing the subscriber's number; each broken rule its own message.
// Also refused: the passwords everyone tries first (a short list of the most common
// ones that pass the character rules).

export interface RuleProblem {
  rule: 'length' | 'charset' | 'letter' | 'digit' | 'contains_number' | 'common';
  message: string;
}

const COMMON = new Set([
  'qwerty1', 'qwerty12', 'qwerty123', 'password1', 'password12', 'password123', 'abc123', 'abcd1234', 'a123456', 'qwe123', '1q2w3e', '1q2w3e4r',
  '1q2w3e4r5t', 'zaq12wsx', 'q1w2e3r4', 'q1w2e3', 'asdf1234', 'pass123', 'admin123', 'test123', 'iloveyou1', 'monkey1', 'dragon1', 'qwerty1234',
  'letmein1', 'welcome1', 'master1', 'a1b2c3', 'a1b2c3d4', '123qwe', '123abc', '1qaz2wsx', 'parol123', 'privet1', 'kyiv2024', 'ukraine1',
]);

export function passwordProblems(password: string, number: string): RuleProblem[] {
  const out: RuleProblem[] = [];
  if (password.length < 6 || password.length > 14) out.push({ rule: 'length', message: 'The password must be 6 to 14 characters long.' });
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
