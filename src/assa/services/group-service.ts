// A-GRP-1: the group a number belongs to (as a member or as its curator), with each
// member's role in it.
import type { AssaContext } from '../context';

export interface GroupView {
  id: string;
  name: string;
  curator: string;
  members: Array<{ number: string; role: 'curator' | 'member' }>;
}

/** The group of `number`, or null when it is in none. */
export async function groupOf(ctx: AssaContext, number: string): Promise<GroupView | null> {
  const g = await ctx.store.groups.groupOf(number);
  if (!g) return null;
  return { id: g.id, name: g.name, curator: g.curator, members: g.members.map((m) => ({ number: m.number, role: m.number === g.curator ? 'curator' : 'member' })) };
}
