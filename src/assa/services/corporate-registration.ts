// A-REG-5: a corporate number is registered by its group curator, never by itself. The
// curator either sets the first password (and tells the member), or sends an invitation
// to the member's e-mail: a single-use link token, valid 72 hours, stored only as its
// hash; the member then chooses the password. The subscriber's password rules apply.
import { passwordProblems } from '../domain/password-rules';
import type { AssaContext } from '../context';
import { fail } from '../domain/errors';
import { newToken, sha256 } from '../security/tokens';
import { OperatorStore } from '../store/operator-store';

export const INVITATION_VALID_MS = 72 * 3600_000;

async function corporateMemberOf(ctx: AssaContext, curator: string, number: string) {
  const sub = await ctx.store.subscriber(number);
  if (!sub) throw fail(404, 'unknown_number', 'This number is not a subscriber of the network.', 'number');
  if (!(await ctx.store.isGroupCurator(curator, number)) || curator === number) throw fail(403, 'forbidden', 'You are not the curator of this number’s group.');
  if (!sub.corporate) throw fail(409, 'not_corporate', 'This number is not corporate: its owner registers it.', 'number');
  if (await ctx.store.account(number)) throw fail(409, 'already_registered', 'This number is already registered.', 'number');
  if (sub.status !== 'active') throw fail(403, 'number_not_active', 'Only active numbers can register.', 'number');
  return sub;
}

export async function curatorSetsPassword(ctx: AssaContext, curator: string, number: string, password: string, email: string | null): Promise<void> {
  await corporateMemberOf(ctx, curator, number);
  const problems = passwordProblems(password, number);
  if (problems.length) throw fail(400, 'weak_password', problems.map((p) => p.message).join(' '), 'password', { rules: problems.map((p) => p.rule) });
  await ctx.store.createAccount(number, await ctx.hasher.hash(password), email, new Date(ctx.clock.now()).toISOString());
}

export async function curatorInvites(ctx: AssaContext, curator: string, number: string, email: string): Promise<{ expiresAt: string }> {
  await corporateMemberOf(ctx, curator, number);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw fail(400, 'invalid_email', 'That e-mail address is not valid.', 'email');
  const token = newToken(ctx.rng);
  const now = ctx.clock.now();
  const ops = new OperatorStore(ctx.store);
  await ops.addInvitation({ token_hash: sha256(`invite:${token}`), number, email, invited_by: curator, created_at: now, expires_at: now + INVITATION_VALID_MS, used_at: null });
  await ctx.mailer.send({ to: email, subject: `Your ASSA login for ${number}`, text: `The curator of your group (${curator}) invites you to the self-service of the corporate number ${number}.\nChoose your password with this code within 72 hours: ${token}\n(POST /api/v1/registrations/invitation { token, password })` });
  return { expiresAt: new Date(now + INVITATION_VALID_MS).toISOString() };
}

export async function acceptInvitation(ctx: AssaContext, token: string, password: string): Promise<string> {
  const ops = new OperatorStore(ctx.store);
  const hash = sha256(`invite:${token}`);
  const inv = await ops.invitation(hash);
  const now = ctx.clock.now();
  if (!inv || inv.used_at !== null || now > inv.expires_at) throw fail(403, 'invitation_invalid', 'This invitation is not valid (used, expired or unknown): ask your curator for a new one.', 'token');
  if (await ctx.store.account(inv.number)) throw fail(409, 'already_registered', 'This number is already registered.');
  const problems = passwordProblems(password, inv.number);
  if (problems.length) throw fail(400, 'weak_password', problems.map((p) => p.message).join(' '), 'password', { rules: problems.map((p) => p.rule) });
  if (!(await ops.useInvitation(hash, now))) throw fail(403, 'invitation_invalid', 'This invitation was just used.', 'token');
  await ctx.store.createAccount(inv.number, await ctx.hasher.hash(password), inv.email, new Date(now).toISOString());
  return inv.number;
}
