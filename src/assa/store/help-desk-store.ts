// Queries of the help desk (A-HLP-1): a subscriber's tickets and the answers to them.
import type { Db } from './open-database';

export class HelpDeskStore {
  constructor(readonly db: Db) {}

  async addTicket(t: { number: string; kind: 'question' | 'callback'; text: string; phone: string | null; created_at: string }): Promise<number> {
    const r = await this.db.insertInto('tickets').values(t).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }
  async tickets(number: string): Promise<Array<{ id: number; kind: string; text: string; status: string; created_at: string; answers: Array<{ text: string; at: string }> }>> {
    const list = await this.db.selectFrom('tickets').select(['id', 'kind', 'text', 'status', 'created_at']).where('number', '=', number).orderBy('id', 'desc').execute();
    // The help desk's answers (written on the operator's side, ticket_answers).
    const answers = await this.db
      .selectFrom('ticket_answers as a')
      .innerJoin('tickets as t', 't.id', 'a.ticket_id')
      .select(['a.ticket_id', 'a.text', 'a.at'])
      .where('t.number', '=', number)
      .orderBy('a.id')
      .execute();
    return list.map((t) => ({ ...t, answers: answers.filter((a) => a.ticket_id === t.id).map((a) => ({ text: a.text, at: a.at })) }));
  }
}
