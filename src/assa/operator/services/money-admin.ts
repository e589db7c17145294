// Money on the operator's side: voucher batches (codes shown once, only hashes kept),
// adjustments (a ledger movement of kind `adjustment` with the reason and the operator's
// name), the month start on demand, and the payments left pending.
import { fail } from '../../http/errors';
import { afterPayment, runMonthStart } from '../../services/billing';
import { sha256 } from '../../security/tokens';
import type { OperatorCaller } from '../operator-auth';
import type { OperatorDeps } from '../operator-deps';
import { isoNow } from '../operator-deps';
import { adjustmentProblem } from '../roles';

export const VOUCHER_BATCH_MAX = 1000;

/** 14 digits, the format the subscribers' top-up accepts; drawn from the server's rng. */
export function voucherCode(rng: { int(n: number): number }): string {
  let s = String(1 + rng.int(9));
  while (s.length < 14) s += String(rng.int(10));
  return s;
}

export async function issueVouchers(d: OperatorDeps, who: OperatorCaller, ip: string, count: number, amount: number): Promise<{ batchId: number; amount: number; codes: string[] }> {
  const codes = new Set<string>();
  while (codes.size < count) {
    const c = voucherCode(d.ctx.rng);
    if (!(await d.money.voucher(c))) codes.add(c);
  }
  const list = [...codes];
  await d.ctx.store.transaction(async (tx) => {
    for (const c of list) await tx.money.addVoucher(c, amount);
  });
  const batchId = await d.ops.createVoucherBatch({ count, amount_kopecks: amount, created_by: who.login, created_at: isoNow(d) }, list.map((c) => sha256(`voucher:${c}`)));
  await d.ops.audit({ at: isoNow(d), operator: who.login, action: 'vouchers.issue', target: `voucher_batch:${batchId}`, details: { count, amount }, ip });
  return { batchId, amount, codes: list };
}

export async function adjust(d: OperatorDeps, who: OperatorCaller, ip: string, b: { number: string; amount: number; reason: string }, key: string | null) {
  const p = adjustmentProblem(who.role, b.amount);
  if (p) throw fail(p.code === 'adjustment_over_limit' ? 403 : 400, p.code, p.message, 'amount');
  if (!(await d.ctx.store.subscriber(b.number))) throw fail(404, 'unknown_number', 'There is no subscriber with that number.', 'number');
  // A retry with the same Idempotency-Key returns the first movement and moves nothing.
  const ref = key ? `adj:${who.login}:${key}` : null;
  const existing = ref ? await d.money.movementByRef('adjustment', ref) : undefined;
  if (existing) {
    if (existing.number !== b.number || existing.amount_kopecks !== b.amount) throw fail(422, 'idempotency_key_reused', 'This Idempotency-Key was used for another adjustment.');
    return { id: existing.id, number: existing.number, amount: existing.amount_kopecks, balance: existing.balance_after_kopecks, currency: 'UAH' as const, at: existing.at, replayed: true };
  }
  const at = isoNow(d);
  const m = await d.ctx.store.transaction(async (tx) => {
    if ((await tx.money.balance(b.number)) + b.amount < 0) throw fail(409, 'insufficient_funds', 'A correction may not take the balance below zero.', 'amount');
    return tx.money.move(b.number, 'adjustment', b.amount, at, `Adjustment: ${b.reason} (operator ${who.login})`, ref ?? `adj:${who.login}:${d.ctx.rng.bytes(8).toString('hex')}`);
  });
  // A credit is money on the account like a payment: a block for non-payment is re-checked.
  if (b.amount > 0) await d.ctx.store.transaction((tx) => afterPayment(d.ctx, tx, b.number));
  await d.ops.recordOperation({ number: b.number, kind: 'adjustment', from_value: null, to_value: String(b.amount), reason: b.reason, operator: who.login, at });
  await d.ops.audit({ at, operator: who.login, action: 'money.adjustment', target: `subscriber:${b.number}`, details: { amount: b.amount, reason: b.reason, movement: m.id }, ip });
  return { id: m.id, number: b.number, amount: b.amount, balance: m.balance_after_kopecks, currency: 'UAH' as const, at, replayed: false };
}

export async function monthStart(d: OperatorDeps, who: OperatorCaller, ip: string, month: string) {
  const r = await runMonthStart(d.ctx, month);
  await d.ops.audit({ at: isoNow(d), operator: who.login, action: 'billing.month_start', target: `month:${month}`, details: { ...r }, ip });
  return { month, ...r };
}
