// A-NET-3 → A-DET-1: the price of a finished call. Outgoing calls are counted in started
// minutes; the plan's package minutes go first, the rest is paid at the plan's rate per
// minute. Incoming and missed calls are free. Pure.

export interface CallPrice {
  minutes: number;
  packageMinutes: number;
  paidMinutes: number;
  cost: number; // kopecks
}

export function priceCall(c: { direction: 'in' | 'out' | 'missed'; seconds: number }, packageMinutesLeft: number, ratePerMinute: number): CallPrice {
  if (c.direction !== 'out' || c.seconds <= 0) return { minutes: 0, packageMinutes: 0, paidMinutes: 0, cost: 0 };
  const minutes = Math.ceil(c.seconds / 60);
  const packageMinutes = Math.min(minutes, Math.max(0, packageMinutesLeft));
  const paidMinutes = minutes - packageMinutes;
  return { minutes, packageMinutes, paidMinutes, cost: paidMinutes * ratePerMinute };
}
