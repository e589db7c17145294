// A-HLP-1 on the operator's side: the queue of questions and call-back orders, an answer
// (which the subscriber reads in Help) or a call-back done with what was said.
import { fail } from '../../http/errors';
import type { OperatorCaller } from '../operator-auth';
import type { OperatorDeps } from '../operator-deps';
import { isoNow } from '../operator-deps';

export async function queue(d: OperatorDeps, q: { kind?: 'question' | 'callback'; status?: 'open' | 'answered' }) {
  return (await d.ops.tickets(q)).map((t) => ({ id: t.id, number: t.number, kind: t.kind, text: t.text, phone: t.phone, status: t.status, createdAt: t.created_at, answers: t.answers }));
}

export async function answer(d: OperatorDeps, who: OperatorCaller, ip: string, id: number, text: string, close: boolean) {
  const t = await d.ops.ticket(id);
  if (!t) throw fail(404, 'unknown_ticket', 'There is no ticket with that number.');
  const at = isoNow(d);
  const status = close ? 'closed' : 'answered';
  await d.ops.transaction(async (tx) => {
    await tx.answerTicket(id, { text, operator: who.login, at, status });
    await tx.audit({ at, operator: who.login, action: t.kind === 'callback' ? 'helpdesk.callback_done' : 'helpdesk.answer', target: `subscriber:${t.number}`, details: { ticket: id, status }, ip });
  });
  return (await queue(d, {})).find((x) => x.id === id)!;
}
