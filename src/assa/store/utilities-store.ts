// Queries of the utilities section (A-UTL): missed calls, blocked numbers, the SIP password.
import type { Db } from './open-database';

export class UtilitiesStore {
  constructor(readonly db: Db) {}

  async missedCalls(number: string, limit = 50): Promise<Array<{ from: string; at: string }>> {
    const rows = await this.db.selectFrom('call_records').select(['peer', 'started_at']).where('number', '=', number).where('direction', '=', 'missed').orderBy('started_at', 'desc').limit(limit).execute();
    return rows.map((r) => ({ from: r.peer, at: r.started_at }));
  }
  async addCall(c: { number: string; peer: string; direction: 'in' | 'out' | 'missed'; started_at: string; seconds: number; cost_kopecks: number }): Promise<void> {
    await this.db.insertInto('call_records').values(c).execute();
  }

  blocked(owner: string): Promise<Array<{ number: string }>> {
    return this.db.selectFrom('blocked_numbers').select('number').where('owner', '=', owner).orderBy('number').execute();
  }
  async block(owner: string, number: string, at: string): Promise<void> {
    await this.db
      .insertInto('blocked_numbers')
      .values({ owner, number, created_at: at })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  async unblock(owner: string, number: string): Promise<boolean> {
    const r = await this.db.deleteFrom('blocked_numbers').where('owner', '=', owner).where('number', '=', number).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
  async setSipPassword(owner: string, hash: string, at: string): Promise<void> {
    await this.db
      .insertInto('sip_accounts')
      .values({ owner, password_hash: hash, changed_at: at })
      .onConflict((oc) => oc.column('owner').doUpdateSet((eb) => ({ password_hash: eb.ref('excluded.password_hash'), changed_at: eb.ref('excluded.changed_at') })))
      .execute();
  }
}
