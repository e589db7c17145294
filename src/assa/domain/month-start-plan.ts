// The month start for one number, pure: what is taken and what is stopped, in the order
// the operator takes it — a pending tariff change (its switching cost and the new plan's
// fee, together, or the change waits), then the plan's fee, then the paid services from
// the cheapest up (so the balance keeps as many as it can). Each charge follows the fee
// rule (`monthStartDecision`: in full or not at all); what is not covered is not taken.
import { monthStartDecision } from './money-rules';

export interface MonthStartInput {
  balance: number;
  /** The plan's fee, or null when this month's fee is already taken (a resumed run, a payment mid-month). */
  tariffFee: number | null;
  change: { tariffId: string; switchCost: number; newFee: number } | null;
  /** Paid services switched on and not yet paid for this month. */
  services: Array<{ id: string; fee: number }>;
}

export type MonthStartStep =
  | { kind: 'tariff_change'; tariffId: string; amount: number }
  | { kind: 'fee'; amount: number }
  | { kind: 'service_fee'; serviceId: string; amount: number };

export interface MonthStartPlan {
  steps: MonthStartStep[];
  /** The change did not take effect: this much was missing for switching cost + new fee (0: it waits for the next 1st). */
  changeWaits: { tariffId: string; missing: number } | null;
  /** The plan's fee was not covered: the number is blocked until a payment covers it. */
  block: boolean;
  suspend: string[];
  balanceAfter: number;
}

/** What a tariff change needs at once: its switching cost and the new plan's fee. */
export function changeNeeds(c: { switchCost: number; newFee: number }): number {
  return c.switchCost + c.newFee;
}

export function planMonthStart(i: MonthStartInput): MonthStartPlan {
  let balance = i.balance;
  const steps: MonthStartStep[] = [];
  let changeWaits: MonthStartPlan['changeWaits'] = null;
  let fee = i.tariffFee;
  if (i.change) {
    const need = changeNeeds(i.change);
    // A change takes effect with the month's fee: once the old plan's fee of the month is
    // taken, it waits for the next 1st (never a plan for a month paid at another price).
    if (fee !== null && monthStartDecision(balance, need).take) {
      if (i.change.switchCost > 0) steps.push({ kind: 'tariff_change', tariffId: i.change.tariffId, amount: i.change.switchCost });
      balance -= i.change.switchCost;
      fee = i.change.newFee;
    } else changeWaits = { tariffId: i.change.tariffId, missing: Math.max(0, need - balance) };
  }
  let block = false;
  if (fee !== null) {
    if (monthStartDecision(balance, fee).take) {
      steps.push({ kind: 'fee', amount: fee });
      balance -= fee;
    } else block = true;
  }
  const suspend: string[] = [];
  for (const s of [...i.services].sort((a, b) => a.fee - b.fee || (a.id < b.id ? -1 : 1))) {
    // A blocked number keeps nothing running: its services wait with it.
    if (!block && monthStartDecision(balance, s.fee).take) {
      steps.push({ kind: 'service_fee', serviceId: s.id, amount: s.fee });
      balance -= s.fee;
    } else suspend.push(s.id);
  }
  // What is missing is counted from what is left after this month's charges: it is what the next payment must bring.
  if (changeWaits && i.change) changeWaits = { ...changeWaits, missing: Math.max(0, changeNeeds(i.change) - balance) };
  return { steps, changeWaits, block, suspend, balanceAfter: balance };
}
