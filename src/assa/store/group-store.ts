// Queries of the groups section (A-GRP): a number's group, its curator and members.
import type { Db } from './open-database';

export class GroupStore {
  constructor(readonly db: Db) {}

  async groupOf(number: string): Promise<{ id: string; name: string; curator: string; members: Array<{ number: string }> } | null> {
    const g = await this.db
      .selectFrom('groups as g')
      .innerJoin('group_members as m', 'm.group_id', 'g.id')
      .select(['g.id', 'g.name', 'g.curator'])
      .where((eb) => eb.or([eb('m.number', '=', number), eb('g.curator', '=', number)]))
      .limit(1)
      .executeTakeFirst();
    if (!g) return null;
    return { ...g, members: await this.db.selectFrom('group_members').select('number').where('group_id', '=', g.id).orderBy('number').execute() };
  }
  /** A group of numbers and its curator (A-GRP-1); operators create them. */
  async addGroup(id: string, name: string, curator: string, members: string[]): Promise<void> {
    await this.db.insertInto('groups').values({ id, name, curator }).execute();
    if (members.length) await this.db.insertInto('group_members').values(members.map((m) => ({ group_id: id, number: m }))).execute();
  }
}
