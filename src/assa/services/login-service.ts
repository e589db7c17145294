// A-SEC-1/2/3: login with lockout after 10 consecutive wrong passwords. Attempts against
// a locked login are recorded and refused without checking the password; the lock is
// announced by e-mail; every attempt goes into the history with time and address.
import type { AssaContext } from '../context';
import { fail } from '../domain/errors';
import { newToken, sha256 } from '../security/tokens';
import { passwordProblems } from '../domain/password-rules';
import { sendNotice } from './notice';
import { auditEvent } from './security-audit';
import { clientKey } from '../security/fair-kdf-queue';
import { checkRuna } from './runa-service';

export const LOCK_AFTER = 10;

export async function login(ctx: AssaContext, number: string, password: string, ip: string): Promise<{ token: string; csrf: string }> {
  const at = new Date(ctx.clock.now()).toISOString();
  // A stranger who locks logins out sends wrong passwords: past its budget, the address waits.
  const wait = ctx.throttle.check(`fail:${clientKey(ip)}`, ctx.config.failedLoginBudget, false);
  if (wait) {
    ctx.metrics.logins.inc({ outcome: 'throttled' });
    ctx.log.warn({ ip }, 'login refused: too many wrong passwords from this address');
    throw fail(429, 'too_many_failures', `Too many wrong passwords from this address; try again in ${Math.ceil(wait / 60)} min.`, undefined, { retryAfterS: wait });
  }
  const acc = await ctx.store.account(number);
  if (!acc) {
    // Same work and answer as a wrong password: the reply must not tell who is registered.
    // The dummy hash has this server's own KDF parameters (production ones in production).
    await ctx.hasher.verify(password, await ctx.hasher.dummyHash());
    await auditEvent(ctx, { number, event: 'login_failed', ip, details: { reason: 'unknown_number' } });
    ctx.metrics.logins.inc({ outcome: 'unknown_number' });
    ctx.throttle.count(`fail:${clientKey(ip)}`);
    throw fail(401, 'bad_credentials', 'Wrong number or password.');
  }
  if (acc.locked_at) {
    await ctx.store.recordLogin(number, at, ip, false, 'locked');
    await auditEvent(ctx, { number, event: 'login_failed', ip, details: { reason: 'locked' } });
    ctx.metrics.logins.inc({ outcome: 'locked' });
    throw fail(423, 'login_locked', 'The login is locked after 10 wrong passwords. Unlock it with a RUNA from your phone or modem and set a new password.');
  }
  if (!(await ctx.hasher.verify(password, acc.password_hash))) {
    const locked = await ctx.store.transaction(async (tx) => {
      await tx.recordLogin(number, at, ip, false, 'bad_password');
      const n = await tx.failLogin(number);
      if (n >= LOCK_AFTER) await tx.lock(number, at);
      await auditEvent(ctx, { number, event: n >= LOCK_AFTER ? 'login_locked' : 'login_failed', ip, details: { reason: 'bad_password', consecutive: n } }, tx);
      return n >= LOCK_AFTER;
    });
    ctx.metrics.logins.inc({ outcome: locked ? 'locked' : 'failed' });
    ctx.throttle.count(`fail:${clientKey(ip)}`);
    if (locked) {
      // The lock does not end the sessions the owner already has open: a stranger who
      // locks the login must not also throw the owner out (issue 12, A-SEC-2).
      ctx.log.warn({ number, ip }, 'login locked after 10 wrong passwords');
      if (acc.email) sendNotice(ctx, { kind: 'lock', to: acc.email, subject: 'Your ASSA login is locked', text: `After ${LOCK_AFTER} wrong passwords in a row the login of ${number} was locked at ${at} (last attempt from ${ip}). Unlock it with a RUNA from your own phone or modem and set a new password.` });
      throw fail(423, 'login_locked', 'The login is now locked after 10 wrong passwords. Unlock it with a RUNA from your phone or modem.');
    }
    throw fail(401, 'bad_credentials', 'Wrong number or password.');
  }
  const token = newToken(ctx.rng);
  const csrf = newToken(ctx.rng);
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    await tx.loginSucceeded(number);
    await tx.recordLogin(number, at, ip, true, null);
    await auditEvent(ctx, { number, event: 'login_ok', ip }, tx);
    await tx.createSession({ token_hash: sha256(token), number, csrf, created_at: now, last_seen_at: now, runa_opened_at: null });
  });
  ctx.metrics.logins.inc({ outcome: 'ok' });
  return { token, csrf };
}

/**
 * A-SEC-2 unlock: a valid RUNA (the owner's phone) and a new password unlock a LOCKED
 * login. The answer tells nothing before the RUNA proves the number (unknown and
 * registered numbers both get runa_invalid, after the same hash); with a valid RUNA, a
 * login that is not locked is told so and nothing changes (the RUNA stays unspent).
 * The new password ends every session of the number.
 */
export async function unlockWithRuna(ctx: AssaContext, number: string, runa: string, newPassword: string, ip: string | null = null): Promise<void> {
  const problems = passwordProblems(newPassword, number);
  if (problems.length) throw fail(400, 'weak_password', problems.map((p) => p.message).join(' '), 'newPassword', { rules: problems.map((p) => p.rule) });
  // Hash first, whatever follows: the time of the answer does not depend on the account.
  const hash = await ctx.hasher.hash(newPassword);
  if (!(await checkRuna(ctx, number, runa, { spend: false }))) throw fail(403, 'runa_invalid', 'That RUNA is not valid: activate a new one from your phone or modem (10 minutes, one use).', 'runa');
  const acc = await ctx.store.account(number);
  if (!acc) throw fail(404, 'not_registered', 'This number has no account yet: register it.', 'number');
  if (!acc.locked_at) throw fail(409, 'not_locked', 'This login is not locked: log in with your password, or recover it by e-mail. Nothing was changed.', 'number');
  if (!(await checkRuna(ctx, number, runa))) throw fail(403, 'runa_invalid', 'That RUNA is not valid: activate a new one from your phone or modem (10 minutes, one use).', 'runa');
  await ctx.store.transaction(async (tx) => {
    await tx.setPassword(number, hash);
    await tx.deleteSessionsOf(number);
    await auditEvent(ctx, { number, event: 'unlock', ip }, tx);
  });
  ctx.metrics.securityEvents.inc({ event: 'unlock' });
  ctx.log.info({ number }, 'login unlocked with a RUNA');
  if (acc.email) sendNotice(ctx, { kind: 'unlock', to: acc.email, subject: 'Your ASSA login was unlocked', text: `The login of ${number} was unlocked with a RUNA and a new password was set.` });
}

/** A-SEC-3: the number's login attempts, newest first, as the security page shows them. */
export async function loginHistory(ctx: AssaContext, number: string): Promise<Array<{ at: string; ip: string; success: boolean; reason: string | null }>> {
  return (await ctx.store.loginHistory(number)).map((r) => ({ at: r.at, ip: r.ip, success: r.success === 1, reason: r.reason }));
}

/** Logout, or a new login replacing this browser's session (no fixation); it also ends the RUNA the session opened (A-RUNA-3). */
export async function endSession(ctx: AssaContext, tokenHash: string): Promise<void> {
  await ctx.store.deleteSession(tokenHash);
}
