// A money use case answers with a status and a body (services/money-answer.ts), the same
// whether it ran now or is a replay of an Idempotency-Key's stored answer; a route sends it
// as it is.
import type { MoneyAnswer } from '../services/money-answer';

export function sendMoneyAnswer(reply: { code(n: number): unknown }, a: MoneyAnswer): never {
  reply.code(a.status);
  return a.body as never;
}
