// A-GRP-1 groups on the operator's side: a group with its curator (a subscriber of the
// network), members added and removed. A number is in at most one group.
import { normaliseNumber } from '../../../shared/phone-number';
import { fail } from '../../http/errors';
import type { OperatorCaller } from '../operator-auth';
import type { OperatorDeps } from '../operator-deps';
import { isoNow } from '../operator-deps';

const subscriberNumber = async (d: OperatorDeps, raw: string, field: string): Promise<string> => {
  const n = normaliseNumber(raw);
  if (!n.ok) throw fail(400, 'invalid_number', 'Enter the number as 0441234567 or 441234567.', field);
  if (!(await d.ctx.store.subscriber(n.number))) throw fail(404, 'unknown_number', 'That number is not a subscriber of the network.', field);
  return n.number;
};

export async function createGroup(d: OperatorDeps, who: OperatorCaller, ip: string, name: string, curatorRaw: string) {
  const curator = await subscriberNumber(d, curatorRaw, 'curator');
  if (await d.ops.groupOf(curator)) throw fail(409, 'already_in_group', 'The curator’s number is already in a group.', 'curator');
  const id = `g-${d.ctx.rng.bytes(6).toString('hex')}`;
  await d.ops.transaction(async (tx) => {
    await tx.createGroup({ id, name: name.trim(), curator });
    await tx.audit({ at: isoNow(d), operator: who.login, action: 'group.create', target: `group:${id}`, details: { name, curator }, ip });
  });
  return groupView(d, id);
}

export async function groupView(d: OperatorDeps, id: string) {
  const g = await d.ops.group(id);
  if (!g) throw fail(404, 'unknown_group', 'There is no such group.');
  const members = await d.ops.groupMembers(id);
  return {
    id: g.id,
    name: g.name,
    curator: g.curator,
    members: await Promise.all(
      members.map(async (n) => {
        const s = await d.ctx.store.subscriber(n);
        return { number: n, role: n === g.curator ? 'curator' : 'member', ownerName: s?.owner_name ?? '', status: s?.status ?? 'unknown', corporate: s?.corporate === 1, registered: !!(await d.ctx.store.account(n)) };
      }),
    ),
  };
}

export async function addMember(d: OperatorDeps, who: OperatorCaller, ip: string, id: string, raw: string) {
  if (!(await d.ops.group(id))) throw fail(404, 'unknown_group', 'There is no such group.');
  const number = await subscriberNumber(d, raw, 'number');
  const inGroup = await d.ops.groupOf(number);
  if (inGroup) throw fail(409, 'already_in_group', inGroup === id ? 'That number is already in this group.' : 'That number is in another group.', 'number');
  await d.ops.addMember(id, number);
  await d.ops.audit({ at: isoNow(d), operator: who.login, action: 'group.add_member', target: `group:${id}`, details: { number }, ip });
  await d.ops.audit({ at: isoNow(d), operator: who.login, action: 'group.add_member', target: `subscriber:${number}`, details: { group: id }, ip });
  return groupView(d, id);
}

export async function removeMember(d: OperatorDeps, who: OperatorCaller, ip: string, id: string, number: string) {
  const g = await d.ops.group(id);
  if (!g) throw fail(404, 'unknown_group', 'There is no such group.');
  if (g.curator === number) throw fail(409, 'curator_stays', 'The curator stays in the group; make another group for a new curator.');
  if (!(await d.ops.removeMember(id, number))) throw fail(404, 'not_a_member', 'That number is not in this group.');
  await d.ops.audit({ at: isoNow(d), operator: who.login, action: 'group.remove_member', target: `group:${id}`, details: { number }, ip });
  await d.ops.audit({ at: isoNow(d), operator: who.login, action: 'group.remove_member', target: `subscriber:${number}`, details: { group: id }, ip });
  return groupView(d, id);
}
