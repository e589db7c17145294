// A-SEC-5/A-SEC-6 as issue 12 hardens them (OWASP ASVS 5.0 V6/V7):
// - a password change needs the current password and ends every OTHER session;
// - an e-mail change needs the current password (the recovery e-mail is the key to the
//   account: a stolen session must not be enough to redirect it);
// - recovery never changes anything at once: a single-use link, valid RECOVERY_LINK_TTL_MS,
//   goes to the registered e-mail; only following it sets a new password, which is then
//   mailed (as the seed says). Until then the old password keeps working.
import type { AssaContext } from '../context';
import { fail } from '../domain/errors';
import { passwordProblems } from '../domain/password-rules';
import { newToken, sha256 } from '../security/tokens';
import { sendNotice } from './notice';
import { auditEvent } from './security-audit';

/** How long a mailed recovery link works. */
export const RECOVERY_LINK_TTL_MS = 60 * 60_000;
export const RECOVERY_CONFIRM_PATH = '/api/v1/password-recovery/confirm';

/** An e-mail address as far as a form can tell (the mail itself proves the rest). */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A new password that meets A-REG-2, for recovery by e-mail. */
function generatedPassword(ctx: AssaContext): string {
  const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  const pick = (s: string) => s[ctx.rng.int(s.length)]!;
  return pick(letters) + pick(digits) + Array.from({ length: 8 }, () => pick(all)).join('');
}

const notify = (ctx: AssaContext, kind: string, to: string | null, subject: string, text: string) => {
  if (to) sendNotice(ctx, { kind, to, subject, text });
};

export async function changePassword(ctx: AssaContext, r: { number: string; sessionTokenHash: string; oldPassword: string; newPassword: string; ip: string }): Promise<{ endedSessions: number }> {
  const acc = (await ctx.store.account(r.number))!;
  if (!(await ctx.hasher.verify(r.oldPassword, acc.password_hash))) throw fail(403, 'bad_credentials', 'The current password is wrong.', 'oldPassword');
  const problems = passwordProblems(r.newPassword, r.number);
  if (problems.length) throw fail(400, 'weak_password', problems.map((p) => p.message).join(' '), 'newPassword', { rules: problems.map((p) => p.rule) });
  const hash = await ctx.hasher.hash(r.newPassword);
  const ended = await ctx.store.transaction(async (tx) => {
    await tx.setPassword(r.number, hash);
    // Whoever else holds a session (a thief with a copied cookie) is out; this one stays.
    const n = await tx.security.endOtherSessions(r.number, r.sessionTokenHash);
    await auditEvent(ctx, { number: r.number, event: 'password_changed', ip: r.ip, details: { endedSessions: n } }, tx);
    return n;
  });
  notify(ctx, 'password_changed', acc.email, 'Your ASSA password was changed', `The password of ${r.number} was changed at ${new Date(ctx.clock.now()).toISOString()} from ${r.ip}; every other session was ended. If it was not you, unlock with a RUNA and set a new one.`);
  return { endedSessions: ended };
}

export async function changeEmail(ctx: AssaContext, r: { number: string; password: string; email: string; ip: string }): Promise<void> {
  if (!EMAIL.test(r.email)) throw fail(400, 'invalid_email', 'That is not an e-mail address.', 'email');
  const acc = (await ctx.store.account(r.number))!;
  if (!(await ctx.hasher.verify(r.password, acc.password_hash))) {
    await auditEvent(ctx, { number: r.number, event: 'email_change_refused', ip: r.ip, details: { reason: 'bad_password' } });
    throw fail(403, 'bad_credentials', 'The current password is wrong; the e-mail was not changed.', 'password');
  }
  await ctx.store.transaction(async (tx) => {
    await tx.setEmail(r.number, r.email);
    await auditEvent(ctx, { number: r.number, event: 'email_changed', ip: r.ip, details: { from: acc.email, to: r.email } }, tx);
  });
  const text = `The e-mail of the ASSA account ${r.number} was changed to ${r.email} at ${new Date(ctx.clock.now()).toISOString()} from ${r.ip}.`;
  notify(ctx, 'email_changed', acc.email, 'Your ASSA e-mail was changed', text);
  notify(ctx, 'email_changed', r.email, 'Your ASSA e-mail was changed', text);
}

/**
 * Step 1 of A-SEC-6. The caller always gets the same answer at once; whether the number
 * and e-mail match is decided after it (`later`), so neither the answer nor its time
 * tells whether either exists. `origin` is the server as the request reached it (its Host
 * header is checked against --allowed-hosts before any route runs).
 */
export function requestRecovery(ctx: AssaContext, r: { number: string | null; email: string; ip: string; origin: string }): { later: Promise<void> } {
  // setImmediate: the answer is written to the socket first. SQLite calls block the event
  // loop (a commit waits for the disk), so work started at once would delay the answer of a
  // match by the commit — exactly the oracle this avoids (measured: 30 ms against 3 ms).
  const later = new Promise<void>((go) => setImmediate(go)).then(async () => {
    const acc = r.number ? await ctx.store.account(r.number) : undefined;
    const match = !!acc?.email && acc.email.toLowerCase() === r.email.trim().toLowerCase();
    if (!match || !acc || !r.number) return;
    const token = newToken(ctx.rng);
    const now = ctx.clock.now();
    await ctx.store.transaction(async (tx) => {
      await tx.security.putRecoveryLink({ tokenHash: sha256(token), number: acc.number, now, expiresAt: now + RECOVERY_LINK_TTL_MS });
      await auditEvent(ctx, { number: acc.number, event: 'recovery_requested', ip: r.ip }, tx);
    });
    const link = `${r.origin}${RECOVERY_CONFIRM_PATH}?token=${token}`;
    notify(ctx, 'recovery_link', acc.email, 'Confirm your ASSA password recovery', `Someone (from ${r.ip}) asked to recover the password of ${acc.number}.\nIf it was you, open this link within ${RECOVERY_LINK_TTL_MS / 60_000} minutes; it works once:\n${link}\nUntil then your current password keeps working. If it was not you, ignore this mail.`);
  }).catch((e: unknown) => ctx.log.error({ err: e }, 'password recovery request not completed'));
  return { later };
}

/** Step 2: the mailed link was followed. Sets a new password, ends every session, mails the password. */
export async function confirmRecovery(ctx: AssaContext, r: { token: string; ip: string }): Promise<void> {
  const now = ctx.clock.now();
  const password = generatedPassword(ctx);
  // Hashed whatever the token: a wrong token costs what a right one does.
  const hash = await ctx.hasher.hash(password);
  const number = /^[A-Za-z0-9_-]{20,100}$/.test(r.token) ? await ctx.store.security.takeRecoveryLink(sha256(r.token), now) : undefined;
  if (!number) {
    await auditEvent(ctx, { number: null, event: 'recovery_link_refused', ip: r.ip });
    throw fail(400, 'recovery_link_invalid', 'This recovery link is not valid: it was used already, has expired, or was never sent. Ask for a new one.', 'token');
  }
  const acc = (await ctx.store.account(number))!;
  await ctx.store.transaction(async (tx) => {
    await tx.setPassword(number, hash);
    await tx.deleteSessionsOf(number);
    await auditEvent(ctx, { number, event: 'recovery_confirmed', ip: r.ip }, tx);
  });
  notify(ctx, 'recovery_password', acc.email, 'Your new ASSA password', `A new password for ${number}: ${password}\nChange it after logging in.`);
}
