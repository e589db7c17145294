// What support sees of one subscriber: the account, movements, details (data sessions
// and calls), services, logins, the operations done, the audit trail and the security events.
import { fail } from '../../http/errors';
import type { OperatorDeps } from '../operator-deps';

const DAY = 86_400_000;

export async function subscriberView(d: OperatorDeps, number: string, days = 92) {
  const s = await d.ctx.store.subscriber(number);
  if (!s) throw fail(404, 'unknown_number', 'There is no subscriber with that number.');
  const now = d.ctx.clock.now();
  const from = new Date(now - days * DAY).toISOString();
  const to = new Date(now + DAY).toISOString();
  const acc = await d.ctx.store.account(number);
  const tariff = await d.ctx.store.tariff(s.tariff_id);
  const group = await d.ctx.store.groups.groupOf(number);
  const audit = await d.ops.auditLog({ target: `subscriber:${number}`, limit: 200 });
  return {
    number: s.number,
    accountNumber: s.account_number,
    ownerName: s.owner_name,
    status: s.status,
    corporate: s.corporate === 1,
    connectedAt: s.connected_at,
    balance: s.balance_kopecks,
    currency: 'UAH' as const,
    tariff: { id: s.tariff_id, name: tariff?.name ?? s.tariff_id, monthlyFee: tariff?.monthly_fee_kopecks ?? 0 },
    email: acc?.email ?? (await d.ops.contactEmail(number)) ?? null,
    login: acc ? { registered: true, registeredAt: acc.registered_at, locked: !!acc.locked_at, lockedAt: acc.locked_at, failedLogins: acc.failed_logins } : { registered: false, registeredAt: null, locked: false, lockedAt: null, failedLogins: 0 },
    services: (await d.money.services(number)).filter((v) => v.enabled).map((v) => ({ id: v.id, name: v.name, monthlyFee: v.monthly_fee_kopecks })),
    group: group ? { id: group.id, name: group.name, curator: group.curator } : null,
    movements: (await d.money.movements(number, from, to)).reverse().slice(0, 200).map((m) => ({ id: m.id, at: m.at, kind: m.kind, amount: m.amount_kopecks, balanceAfter: m.balance_after_kopecks, description: m.description })),
    sessions: (await d.ctx.store.details.sessionDetails(number, from, to, null, 200)).reverse(),
    calls: (await d.ctx.store.details.callDetails(number, from, to, null, 200)).reverse(),
    logins: (await d.ctx.store.loginHistory(number, 50)).map((l) => ({ at: l.at, ip: l.ip, success: l.success === 1, reason: l.reason })),
    operations: (await d.ops.operations(number)).map((o) => ({ at: o.at, kind: o.kind, from: o.from_value, to: o.to_value, reason: o.reason, operator: o.operator })),
    audit: audit.map((a) => ({ at: a.at, operator: a.operator, action: a.action, details: JSON.parse(a.details) as Record<string, unknown> })),
    // The subscriber's own security trail (issue 12's table): logins, failures, locks, unlocks, password and e-mail changes.
    securityEvents: (await d.ctx.store.security.events({ number, limit: 200 })).map((e) => ({ at: new Date(e.at).toISOString(), event: e.event, ip: e.ip, details: e.details })),
  };
}
