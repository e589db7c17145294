// A-UTL-1/3/4: who called, the SIP password and blocked numbers. Forwarding (A-UTL-2)
// has its own rules in forwarding-service.ts.
import { normaliseNumber } from '../../shared/phone-number';
import type { AssaContext } from '../context';
import { fail } from '../domain/errors';
import { passwordProblems } from '../domain/password-rules';

/** A-UTL-1: the latest missed calls of a number. */
export const missedCalls = (ctx: AssaContext, number: string) => ctx.store.utilities.missedCalls(number);

/** A-UTL-4: the numbers this one refuses calls from. */
export const blockedNumbers = (ctx: AssaContext, owner: string) => ctx.store.utilities.blocked(owner);

/** A-UTL-4: blocks a number given in any form normaliseNumber reads (blocking it again changes nothing). */
export async function blockNumber(ctx: AssaContext, owner: string, number: string): Promise<void> {
  const n = normaliseNumber(number);
  if (!n.ok) throw fail(400, 'invalid_number', 'Enter the number to block as 0441234567.', 'number');
  await ctx.store.utilities.block(owner, n.number, new Date(ctx.clock.now()).toISOString());
}

/** A-UTL-4: true when the number was blocked (and now is not). */
export const unblockNumber = (ctx: AssaContext, owner: string, number: string): Promise<boolean> => ctx.store.utilities.unblock(owner, number);

/** A-UTL-3: sets the SIP password; a weak one is refused with every problem it has. */
export async function setSipPassword(ctx: AssaContext, owner: string, password: string): Promise<void> {
  const p = passwordProblems(password, owner);
  if (p.length) throw fail(400, 'weak_password', p.map((x2) => x2.message).join(' '), 'password');
  await ctx.store.utilities.setSipPassword(owner, await ctx.hasher.hash(password), new Date(ctx.clock.now()).toISOString());
}
