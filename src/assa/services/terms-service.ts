// A-SVC-3: the terms of use, accepted once; Services and Change package open after that.
import type { AssaContext } from '../context';

export const TERMS_OF_USE = 'Services and tariff changes ordered here take effect for your number at once (tariffs from the 1st of next month); fees are charged from your balance under the balance rule; you can switch a service off at any time.';

export async function termsAccepted(ctx: AssaContext, number: string): Promise<boolean> {
  return !!(await ctx.store.account(number))?.terms_accepted_at;
}

export async function termsOf(ctx: AssaContext, number: string): Promise<{ accepted: boolean; text: string }> {
  return { accepted: await termsAccepted(ctx, number), text: TERMS_OF_USE };
}

/** Accepting again keeps the first acceptance's time. */
export async function acceptTerms(ctx: AssaContext, number: string): Promise<void> {
  await ctx.store.acceptTerms(number, new Date(ctx.clock.now()).toISOString());
}
