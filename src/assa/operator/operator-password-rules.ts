// Operator passwords guard every subscriber at once, so they are longer than the
// subscribers' (A-REG-2 allows 6-14): 12 to 128 characters, a letter and a digit at
// least, not containing the login, not one of the common ones, not the old one.
export interface OperatorPasswordProblem {
  rule: 'length' | 'letter' | 'digit' | 'contains_login' | 'common' | 'same_as_old';
  message: string;
}
export const OPERATOR_PASSWORD_MIN = 12;
export const OPERATOR_PASSWORD_MAX = 128;
const COMMON = /^(password|qwerty|admin|operator|letmein|welcome)[0-9!]*$/i;

export function operatorPasswordProblems(password: string, login: string, old?: string): OperatorPasswordProblem[] {
  const out: OperatorPasswordProblem[] = [];
  if (password.length < OPERATOR_PASSWORD_MIN || password.length > OPERATOR_PASSWORD_MAX) out.push({ rule: 'length', message: `The password must be ${OPERATOR_PASSWORD_MIN} to ${OPERATOR_PASSWORD_MAX} characters long.` });
  if (!/\p{L}/u.test(password)) out.push({ rule: 'letter', message: 'Add at least one letter.' });
  if (!/[0-9]/.test(password)) out.push({ rule: 'digit', message: 'Add at least one digit.' });
  if (login.length >= 3 && password.toLowerCase().includes(login.toLowerCase())) out.push({ rule: 'contains_login', message: 'The password must not contain the login.' });
  if (COMMON.test(password)) out.push({ rule: 'common', message: 'This password is one of the most common ones; choose another.' });
  if (old !== undefined && password === old) out.push({ rule: 'same_as_old', message: 'Choose a password different from the one-time or old password.' });
  return out;
}
