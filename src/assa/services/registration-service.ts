// A-REG-1..5: a subscriber registers a number for self-service. The number must be an active,
// non-corporate subscriber without an account, and ownership is proven either by asking over
// the number's own data session or by a RUNA sent by SMS from it.
import { normaliseNumber } from '../../shared/phone-number';
import type { AssaContext } from '../context';
import { fail } from '../domain/errors';
import { passwordProblems } from '../domain/password-rules';
import { EMAIL } from './account-security';
import { useRuna } from './runa-service';

export interface Registration {
  number: string;
  password: string;
  passwordAgain?: string;
  email?: string;
  runa?: string;
}

/** Registers `b.number`; `ip` is where the request came from (a data session proves the number). */
export async function registerNumber(ctx: AssaContext, b: Registration, ip: string): Promise<{ number: string; registered: true; provedBy: 'data-session' | 'runa' }> {
  const n = normaliseNumber(b.number);
  if (!n.ok) throw fail(400, 'invalid_number', 'Enter the number as 0441234567, +380441234567 or 441234567.', 'number');
  const number: string = n.number;
  if (b.passwordAgain !== undefined && b.passwordAgain !== b.password) throw fail(400, 'passwords_differ', 'The two passwords differ.', 'passwordAgain');
  const problems = passwordProblems(b.password, number);
  if (problems.length) throw fail(400, 'weak_password', problems.map((p) => p.message).join(' '), 'password', { rules: problems.map((p) => p.rule) });
  if (b.email !== undefined && b.email !== '' && !EMAIL.test(b.email)) throw fail(400, 'invalid_email', 'That is not an e-mail address.', 'email');
  // One hash whatever the answer: refusing a registered or unknown number takes as long as registering.
  const hash = await ctx.hasher.hash(b.password);
  const sub = await ctx.store.subscriber(number);
  if (!sub) throw fail(404, 'unknown_number', 'This number is not a subscriber of the network.', 'number');
  if (await ctx.store.account(number)) throw fail(409, 'already_registered', 'This number is already registered. Log in, or recover the password by number and e-mail.', 'number');
  if (sub.corporate) throw fail(403, 'corporate_number', 'A corporate number is registered by its group curator, not here (A-REG-5).', 'number');
  if (sub.status !== 'active') throw fail(403, 'number_not_active', `The number is ${sub.status === 'blocked' ? 'blocked for non-payment: top it up first' : sub.status}; only active numbers can register.`, 'number');
  const link = await ctx.store.activeSessionByIp(ip);
  const overOwnLink = link?.number === number;
  if (!overOwnLink && !(await useRuna(ctx, number, b.runa))) {
    throw fail(403, 'ownership_unproven', 'We could not confirm the number is yours. Either register over the number’s own data session (connect through the modem), or send an SMS with six digits of your choice to 2772 from that number and enter them as the RUNA within 10 minutes.', 'runa');
  }
  await ctx.store.transaction(async (tx) => {
    if (await tx.account(number)) throw fail(409, 'already_registered', 'This number is already registered.', 'number');
    await tx.createAccount(number, hash, b.email || null, new Date(ctx.clock.now()).toISOString());
  });
  return { number, registered: true, provedBy: overOwnLink ? 'data-session' : 'runa' };
}

/** A-NUM-3: the number whose data session a request came over, told by the address RADIUS gave it; 404 off the subscriber link. */
export async function numberOnLink(ctx: AssaContext, ip: string): Promise<string> {
  const s = await ctx.store.activeSessionByIp(ip);
  if (!s) throw fail(404, 'not_on_subscriber_link', 'This request did not come over a subscriber’s data session, so the number cannot be told. Connect through your modem, or enter the number.');
  return s.number;
}
