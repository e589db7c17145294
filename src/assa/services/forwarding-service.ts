// A-UTL-2/3: call forwarding — every condition at once (unconditional, on busy, on no
// answer with its waiting interval, when unreachable), to a number or a SIP address.
// Each needs its paid service switched on and not suspended (call forwarding for
// numbers, forwarding to SIP for SIP addresses); never to the number itself.
import { normaliseNumber } from '../../shared/phone-number';
import type { AssaContext } from '../context';
import { ok, refusal, type MoneyAnswer } from './money-answer';
import { serviceActive } from './subscription-service';

export const FORWARDING_CONDITIONS = ['always', 'busy', 'no-answer', 'unreachable'] as const;
export type ForwardingCondition = (typeof FORWARDING_CONDITIONS)[number];
export interface ForwardingRule {
  kind: ForwardingCondition;
  target: string;
  waitSeconds?: number;
}
export const WAIT_MIN_S = 5;
export const WAIT_MAX_S = 30;
// The scheme is case-insensitive (RFC 3261 19.1.4): "SIP:olena@voip.example" is kept as "sip:…"; the user part keeps its case.
const SIP = /^sip:[^\s@]+@[^\s@]+$/i;

export async function forwardingRules(db: AssaContext['store']['db'], owner: string): Promise<ForwardingRule[]> {
  const rows = await db.selectFrom('forwarding_rules').selectAll().where('owner', '=', owner).execute();
  return FORWARDING_CONDITIONS.flatMap((k) => rows.filter((r) => r.condition === k).map((r) => ({ kind: k, target: r.target, ...(r.wait_seconds !== null ? { waitSeconds: r.wait_seconds } : {}) })));
}

/** The service a rule's target needs: forwarding to SIP for a SIP address, call forwarding for a number. */
export const serviceFor = (target: string) => (SIP.test(target) ? 'sip-forwarding' : 'call-forwarding');

/** The rules with whether each works now: its service switched off or suspended for non-payment stops it (the rule is kept). */
export async function forwardingInEffect(db: AssaContext['store']['db'], owner: string): Promise<Array<ForwardingRule & { inEffect: boolean }>> {
  const rules = await forwardingRules(db, owner);
  const active = new Map<string, boolean>();
  for (const s of new Set(rules.map((r) => serviceFor(r.target)))) active.set(s, await serviceActive(db, owner, s));
  return rules.map((r) => ({ ...r, inEffect: active.get(serviceFor(r.target))! }));
}

export async function setForwarding(ctx: AssaContext, owner: string, rules: ForwardingRule[]): Promise<MoneyAnswer> {
  const seen = new Set<string>();
  const clean: Array<{ condition: ForwardingCondition; target: string; wait_seconds: number | null }> = [];
  for (const [i, r] of rules.entries()) {
    const field = `rules/${i}`;
    if (seen.has(r.kind)) return refusal(400, 'duplicate_condition', `"${r.kind}" is given twice.`, field);
    seen.add(r.kind);
    let target = r.target.trim();
    if (SIP.test(target)) target = `sip:${target.slice(4)}`;
    else {
      const n = normaliseNumber(target);
      if (!n.ok) return refusal(400, 'invalid_target', 'Forward to a phone number or a SIP address (sip:user@host).', `${field}/target`);
      if (n.number === owner) return refusal(400, 'forward_to_self', 'Calls cannot be forwarded to this same number.', `${field}/target`);
      target = n.number;
    }
    let wait: number | null = null;
    if (r.kind === 'no-answer') {
      wait = r.waitSeconds ?? 20;
      if (!Number.isInteger(wait) || wait < WAIT_MIN_S || wait > WAIT_MAX_S) return refusal(400, 'invalid_wait', `The waiting interval is ${WAIT_MIN_S} to ${WAIT_MAX_S} seconds.`, `${field}/waitSeconds`);
    }
    clean.push({ condition: r.kind, target, wait_seconds: wait });
  }
  return ctx.store.transaction(async (tx) => {
    const needs = new Set(clean.map((r) => serviceFor(r.target)));
    for (const s of needs) {
      if (!(await serviceActive(tx.db, owner, s))) {
        return refusal(403, 'service_required', s === 'sip-forwarding' ? 'Forwarding to SIP needs the "Forwarding to SIP" service switched on (and paid).' : 'Call forwarding needs the "Call forwarding" service switched on (and paid).', 'rules', { service: s });
      }
    }
    await tx.db.deleteFrom('forwarding_rules').where('owner', '=', owner).execute();
    if (clean.length) await tx.db.insertInto('forwarding_rules').values(clean.map((r) => ({ owner, ...r }))).execute();
    return ok({ rules: await forwardingRules(tx.db, owner) });
  });
}
