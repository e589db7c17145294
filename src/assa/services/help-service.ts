// A-HLP-1: the help desk from the subscriber's side: questions, call-back orders and the
// answers the help desk wrote to them.
import { normaliseNumber } from '../../shared/phone-number';
import type { AssaContext } from '../context';
import { fail } from '../domain/errors';

/** My questions and call-back orders, newest first, each with its answers. */
export async function helpTickets(ctx: AssaContext, number: string) {
  return (await ctx.store.helpDesk.tickets(number)).map((t) => ({ id: t.id, kind: t.kind, text: t.text, status: t.status, createdAt: t.created_at, answers: t.answers }));
}

/** Asks the help desk a question; returns the ticket number. */
export function askHelpDesk(ctx: AssaContext, number: string, text: string): Promise<number> {
  return ctx.store.helpDesk.addTicket({ number, kind: 'question', text, phone: null, created_at: new Date(ctx.clock.now()).toISOString() });
}

/** Orders a call back to `phone` (any form normaliseNumber reads); returns the ticket number. */
export async function orderCallback(ctx: AssaContext, number: string, phone: string, topic: string): Promise<number> {
  const n = normaliseNumber(phone);
  if (!n.ok) throw fail(400, 'invalid_number', 'Give a number to call back, e.g. 0441234567.', 'phone');
  return ctx.store.helpDesk.addTicket({ number, kind: 'callback', text: topic, phone: n.number, created_at: new Date(ctx.clock.now()).toISOString() });
}
