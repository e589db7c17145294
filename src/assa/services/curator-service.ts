// A-SEC-7: curators. An owner names another subscriber who may view or manage the account
// (a parent for a child's number, a company's accountant) and revokes that at once. Each
// change is a security event in the same transaction, so the record cannot miss one.
import { normaliseNumber } from '../../shared/phone-number';
import type { AssaContext } from '../context';
import { fail } from '../domain/errors';
import { auditEvent } from './security-audit';

export type CuratorLevel = 'view' | 'manage';

/** Who curates `number`, and whose numbers it curates. */
export async function curatorsOverview(ctx: AssaContext, number: string) {
  return {
    curators: (await ctx.store.curatorsOf(number)).map((r) => ({ number: r.curator, level: r.level, since: r.created_at })),
    curating: (await ctx.store.curatedBy(number)).map((r) => ({ number: r.owner, level: r.level })),
  };
}

/** Names `typed` (any form a person types) as a curator of `owner`. */
export async function addCurator(ctx: AssaContext, owner: string, typed: string, level: CuratorLevel, ip: string): Promise<{ ok: true }> {
  const n = normaliseNumber(typed);
  if (!n.ok) throw fail(400, 'invalid_number', 'Enter the curator’s number as 0441234567.', 'number');
  if (n.number === owner) throw fail(400, 'self_curator', 'You cannot be your own curator.', 'number');
  if (!(await ctx.store.subscriber(n.number))) throw fail(404, 'unknown_number', 'That number is not a subscriber.', 'number');
  const curator = n.number;
  await ctx.store.transaction(async (tx) => {
    await tx.setCurator(owner, curator, level, new Date(ctx.clock.now()).toISOString());
    await auditEvent(ctx, { number: owner, event: 'curator_added', ip, details: { curator, level } }, tx);
  });
  return { ok: true };
}

/** Revokes `curator` at once; 404 when it was not a curator of `owner`. */
export async function removeCurator(ctx: AssaContext, owner: string, curator: string, ip: string): Promise<{ ok: true }> {
  const removed = await ctx.store.transaction(async (tx) => {
    if (!(await tx.removeCurator(owner, curator))) return false;
    await auditEvent(ctx, { number: owner, event: 'curator_removed', ip, details: { curator } }, tx);
    return true;
  });
  if (!removed) throw fail(404, 'not_a_curator', 'That number is not your curator.');
  return { ok: true };
}
