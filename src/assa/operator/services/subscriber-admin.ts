// The seed's "contact the operator" operations (A-HLP-2) and the subscriber life cycle:
// create and import, status changes with a reason (suspend for a trip abroad,
// disconnect, restore), change of owner, change of number, unlocking a login after the
// owner was identified in person. Each is recorded as an operation with who and when,
// and in the operator audit log.
import { normaliseNumber } from '../../../shared/phone-number';
import { fail } from '../../http/errors';
import { auditEvent } from '../../services/security-audit';
import type { AssaStore, SubscriberRow } from '../../store/assa-store';
import { OperatorStore } from '../../store/operator-store';
import type { OperatorCaller } from '../operator-auth';
import type { OperatorDeps } from '../operator-deps';
import { isoNow } from '../operator-deps';
import { parseSubscriberCsv, subscriberProblem, type CsvRejection, type NewSubscriber } from '../subscriber-csv';

export type SettableStatus = 'active' | 'suspended' | 'disconnected';

async function record(d: OperatorDeps, who: OperatorCaller, ip: string, number: string, kind: string, reason: string, from: string | null, to: string | null, details: Record<string, unknown> = {}) {
  const at = isoNow(d);
  await d.ops.recordOperation({ number, kind, from_value: from, to_value: to, reason, operator: who.login, at });
  await d.ops.audit({ at, operator: who.login, action: `subscriber.${kind}`, target: `subscriber:${number}`, details: { from, to, reason, ...details }, ip });
}

/** The database-level rules of a new subscriber; null when it may be created. */
async function conflict(tx: AssaStore, s: NewSubscriber): Promise<{ code: string; field: string; status: number } | null> {
  if (await tx.subscriber(s.number)) return { code: 'number_exists', field: 'number', status: 409 };
  if (await tx.subscriberByAccountNumber(s.accountNumber)) return { code: 'account_number_exists', field: 'accountNumber', status: 409 };
  if (!(await tx.tariff(s.tariffId))) return { code: 'unknown_tariff', field: 'tariffId', status: 400 };
  return null;
}

/** Inside the caller's transaction: the row, and the opening balance as a ledger movement. */
async function insert(d: OperatorDeps, tx: AssaStore, s: NewSubscriber, by: string): Promise<void> {
  const at = isoNow(d);
  await tx.insertSubscriber({ number: s.number, account_number: s.accountNumber, owner_name: s.ownerName.trim(), status: 'active', tariff_id: s.tariffId, balance_kopecks: 0, corporate: s.corporate ? 1 : 0, connected_at: at });
  if (s.balance > 0) await tx.money.move(s.number, 'adjustment', s.balance, at, `Opening balance (operator ${by})`, `open:${s.number}`);
  if (s.email) await new OperatorStore(tx).setContactEmail(s.number, s.email);
}

export async function createSubscriber(d: OperatorDeps, who: OperatorCaller, ip: string, body: { number: string; accountNumber: string; ownerName: string; tariffId: string; balance?: number; email?: string; corporate?: boolean }): Promise<SubscriberRow> {
  const p = subscriberProblem(body);
  if (p) throw fail(400, p.code, `The ${p.field} is not valid.`, p.field);
  const n = normaliseNumber(body.number);
  const s: NewSubscriber = { number: n.ok ? n.number : body.number, accountNumber: body.accountNumber, ownerName: body.ownerName, tariffId: body.tariffId, balance: body.balance ?? 0, email: body.email ?? null, corporate: body.corporate ?? false };
  await d.ctx.store.transaction(async (tx) => {
    const c = await conflict(tx, s);
    if (c) throw fail(c.status, c.code, c.code === 'unknown_tariff' ? 'There is no such tariff in the catalogue.' : `That ${c.field} is already a subscriber's.`, c.field);
    await insert(d, tx, s, who.login);
  });
  await record(d, who, ip, s.number, 'create', 'new subscriber', null, 'active', { accountNumber: s.accountNumber, tariffId: s.tariffId, balance: s.balance, corporate: s.corporate });
  return (await d.ctx.store.subscriber(s.number))!;
}

export async function importSubscribers(d: OperatorDeps, who: OperatorCaller, ip: string, csv: string): Promise<{ imported: number; rejected: CsvRejection[] }> {
  const parsed = parseSubscriberCsv(csv);
  if (parsed.header) throw fail(400, parsed.header.code, parsed.header.code === 'missing_column' || parsed.header.code === 'unknown_column' ? `The header line: ${parsed.header.code.replace('_', ' ')} ${parsed.header.field}.` : 'The file is not a CSV this import reads.', parsed.header.field, { line: parsed.header.line });
  const rejected = [...parsed.rejected];
  const imported: string[] = [];
  // One transaction: a file is imported as a whole (its good lines) or not at all.
  await d.ctx.store.transaction(async (tx) => {
    for (const r of parsed.rows) {
      const c = await conflict(tx, r.value);
      if (c) {
        rejected.push({ line: r.line, code: c.code, field: c.field });
        continue;
      }
      await insert(d, tx, r.value, who.login);
      imported.push(r.value.number);
    }
  });
  rejected.sort((a, b) => a.line - b.line);
  await d.ops.audit({ at: isoNow(d), operator: who.login, action: 'subscriber.import', target: null, details: { imported: imported.length, rejected: rejected.length }, ip });
  for (const n of imported) await d.ops.recordOperation({ number: n, kind: 'create', from_value: null, to_value: 'active', reason: 'CSV import', operator: who.login, at: isoNow(d) });
  return { imported: imported.length, rejected };
}

const requireSubscriber = async (d: OperatorDeps, number: string): Promise<SubscriberRow> => {
  const s = await d.ctx.store.subscriber(number);
  if (!s) throw fail(404, 'unknown_number', 'There is no subscriber with that number.');
  return s;
};

export async function changeStatus(d: OperatorDeps, who: OperatorCaller, ip: string, number: string, to: SettableStatus, reason: string): Promise<SubscriberRow> {
  const s = await requireSubscriber(d, number);
  if (s.status === to) throw fail(409, 'status_unchanged', `The number is already ${to}.`, 'status');
  // Blocked for non-payment is the billing run's: a payment that covers the fee lifts it.
  if (s.status === 'blocked' && to === 'active') throw fail(409, 'blocked_for_non_payment', 'The number is blocked for non-payment: it opens when a payment covers the monthly fee.', 'status');
  if (s.status === 'disconnected' && to === 'suspended') throw fail(409, 'disconnected', 'Restore the disconnected number first.', 'status');
  const kind = to === 'suspended' ? 'suspend' : to === 'disconnected' ? 'disconnect' : s.status === 'disconnected' ? 'restore' : 'resume';
  await d.ops.setSubscriber(number, { status: to });
  // A disconnected number has no self-service: its web sessions end.
  if (to === 'disconnected') await d.ctx.store.deleteSessionsOf(number);
  await record(d, who, ip, number, kind, reason, s.status, to);
  return await requireSubscriber(d, number);
}

export async function changeOwner(d: OperatorDeps, who: OperatorCaller, ip: string, number: string, ownerName: string, reason: string, email: string | null): Promise<SubscriberRow> {
  const s = await requireSubscriber(d, number);
  if (ownerName.trim().length < 2) throw fail(400, 'invalid_owner_name', 'Give the new owner’s full name.', 'ownerName');
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw fail(400, 'invalid_email', 'That e-mail address is not valid.', 'email');
  await d.ops.transaction(async (tx) => {
    await tx.setSubscriber(number, { owner_name: ownerName.trim() });
    // The new owner registers afresh: the old owner's password, sessions and curators end.
    await tx.dropAccount(number);
    await tx.setContactEmail(number, email);
  });
  await record(d, who, ip, number, 'change_owner', reason, s.owner_name, ownerName.trim());
  return await requireSubscriber(d, number);
}

export async function changeNumber(d: OperatorDeps, who: OperatorCaller, ip: string, number: string, newNumberRaw: string, reason: string): Promise<SubscriberRow> {
  await requireSubscriber(d, number);
  const n = normaliseNumber(newNumberRaw);
  if (!n.ok) throw fail(400, 'invalid_number', 'Enter the new number as 0441234567 or 441234567.', 'newNumber');
  if (await d.ctx.store.subscriber(n.number)) throw fail(409, 'number_exists', 'That number belongs to another subscriber.', 'newNumber');
  await d.ops.transaction((tx) => tx.renumber(number, n.number));
  await record(d, who, ip, n.number, 'change_number', reason, number, n.number);
  await d.ops.audit({ at: isoNow(d), operator: who.login, action: 'subscriber.change_number', target: `subscriber:${number}`, details: { from: number, to: n.number, reason }, ip });
  return await requireSubscriber(d, n.number);
}

export async function unlockLogin(d: OperatorDeps, who: OperatorCaller, ip: string, number: string, reason: string): Promise<void> {
  await requireSubscriber(d, number);
  const acc = await d.ctx.store.account(number);
  if (!acc) throw fail(404, 'not_registered', 'This number has no self-service login.');
  if (!acc.locked_at) throw fail(409, 'not_locked', 'This login is not locked.');
  await d.ops.unlockLogin(number);
  await record(d, who, ip, number, 'unlock_login', reason, 'locked', 'unlocked');
  // The subscriber's own trail shows who lifted the lock, as it shows the RUNA unlocks.
  await auditEvent(d.ctx, { number, event: 'unlock', ip, details: { by: 'operator', operator: who.login, reason } });
}
