// Operator accounts (issue 14): created with a one-time password that must be replaced at
// first login; the same login security as subscribers (the server's KDF, lockout after 10
// wrong passwords in a row, sessions rotated at login, ended on a password change).
import type { Rng } from '../../domain/clock';
import { fail } from '../../http/errors';
import type { PasswordHasher } from '../../security/password-hash';
import { newToken, sha256 } from '../../security/tokens';
import type { OperatorStore } from '../../store/operator-store';
import type { OperatorDeps } from '../operator-deps';
import { isoNow } from '../operator-deps';
import { operatorPasswordProblems } from '../operator-password-rules';
import type { OperatorRole } from '../roles';

export const OPERATOR_LOCK_AFTER = 10;
export const LOGIN_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;

// No 0/O, 1/l/I: a one-time password is read out or typed from paper.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function oneTimePassword(rng: Rng, length = 16): string {
  let s = '';
  while (s.length < length) s += ALPHABET[rng.int(ALPHABET.length)];
  // The operator rules want a letter and a digit; a draw without both is drawn again.
  return /[0-9]/.test(s) && /[A-Za-z]/.test(s) ? s : oneTimePassword(rng, length);
}

/** `assa operator add` and POST /operators: the account and its one-time password. */
export async function addOperator(ops: OperatorStore, hasher: PasswordHasher, rng: Rng, o: { login: string; role: OperatorRole; at: string; by: string | null }): Promise<{ login: string; role: OperatorRole; password: string }> {
  if (!LOGIN_PATTERN.test(o.login)) throw fail(400, 'invalid_login', 'A login is 3-32 characters: lower-case Latin letters first, then letters, digits, dot, dash or underscore.', 'login');
  const password = oneTimePassword(rng);
  const created = await ops.createOperator({ login: o.login, password_hash: await hasher.hash(password), role: o.role, created_at: o.at, created_by: o.by });
  if (!created) throw fail(409, 'operator_exists', `There is already an operator ${o.login}.`, 'login');
  return { login: o.login, role: o.role, password };
}

/** A new one-time password for an existing operator (an admin's reset); ends their sessions. */
export async function resetOperatorPassword(ops: OperatorStore, hasher: PasswordHasher, rng: Rng, login: string): Promise<string> {
  if (!(await ops.operator(login))) throw fail(404, 'unknown_operator', `There is no operator ${login}.`);
  const password = oneTimePassword(rng);
  await ops.setOperatorPassword(login, await hasher.hash(password), true);
  await ops.deleteSessionsOf(login);
  return password;
}

export async function operatorLogin(d: OperatorDeps, login: string, password: string, ip: string): Promise<{ token: string; csrf: string; mustChangePassword: boolean; role: OperatorRole }> {
  const op = await d.ops.operator(login);
  const audit = (action: string, details: Record<string, unknown> = {}) => d.ops.audit({ at: isoNow(d), operator: login, action, target: `operator:${login}`, details, ip });
  if (!op || op.disabled_at) {
    // The same work and the same answer as a wrong password: no telling who exists. The
    // dummy has the hasher's own (production) parameters: a fixed N=1024 dummy answered an
    // unknown login ~100x faster than a real one (issue 12 finding 2, on the operator side).
    await d.ctx.hasher.verify(password, await d.ctx.hasher.dummyHash());
    throw fail(401, 'bad_credentials', 'Wrong login or password.');
  }
  if (op.locked_at) {
    await audit('login_refused_locked');
    throw fail(423, 'login_locked', `This operator login is locked after ${OPERATOR_LOCK_AFTER} wrong passwords; an admin unlocks it.`);
  }
  if (!(await d.ctx.hasher.verify(password, op.password_hash))) {
    const n = await d.ops.operatorLoginFailed(login);
    if (n >= OPERATOR_LOCK_AFTER) {
      await d.ops.updateOperator(login, { locked_at: isoNow(d) });
      await d.ops.deleteSessionsOf(login);
      await audit('locked', { failures: n });
      throw fail(423, 'login_locked', `This operator login is now locked after ${OPERATOR_LOCK_AFTER} wrong passwords; an admin unlocks it.`);
    }
    await audit('login_failed', { failures: n });
    throw fail(401, 'bad_credentials', 'Wrong login or password.');
  }
  const token = newToken(d.ctx.rng);
  const csrf = newToken(d.ctx.rng);
  const now = d.ctx.clock.now();
  await d.ops.transaction(async (tx) => {
    await tx.updateOperator(login, { failed_logins: 0 });
    await tx.createSession({ token_hash: sha256(token), login, csrf, created_at: now, last_seen_at: now });
    await tx.audit({ at: isoNow(d), operator: login, action: 'login', target: `operator:${login}`, details: {}, ip });
  });
  return { token, csrf, mustChangePassword: op.must_change_password === 1, role: op.role };
}

/** Replaces the password (the one-time one at first login); every other session ends. */
export async function changeOperatorPassword(d: OperatorDeps, login: string, oldPassword: string, newPassword: string, keepSession: string, ip: string): Promise<void> {
  const op = await d.ops.operator(login);
  if (!op) throw fail(401, 'not_logged_in', 'Log in as an operator first.');
  if (!(await d.ctx.hasher.verify(oldPassword, op.password_hash))) throw fail(403, 'bad_credentials', 'The current password is wrong.', 'oldPassword');
  const problems = operatorPasswordProblems(newPassword, login, oldPassword);
  if (problems.length) throw fail(400, 'weak_password', problems.map((p) => p.message).join(' '), 'newPassword', { rules: problems.map((p) => p.rule) });
  await d.ops.setOperatorPassword(login, await d.ctx.hasher.hash(newPassword), false);
  await d.ops.deleteSessionsOf(login, keepSession);
  await d.ops.audit({ at: isoNow(d), operator: login, action: 'password_changed', target: `operator:${login}`, details: { firstLogin: op.must_change_password === 1 }, ip });
}
