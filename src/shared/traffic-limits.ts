// D-TRAF-3: limits on traffic, connected time or money, per Kyiv day or month, each with
// warning thresholds (percent of the limit) and an optional disconnect when reached.
// Pure: usage in, what to tell the user (and whether to hang up) out. Shared because the
// settings screen edits these values.

export interface TrafficLimit {
  id: string;
  kind: 'bytes' | 'seconds' | 'kopecks';
  period: 'day' | 'month';
  amount: number;
  /** Percentages at which to warn, e.g. [80, 95]. */
  warnAt: number[];
  disconnect: boolean;
}

export interface Usage {
  bytes: number;
  seconds: number;
  kopecks: number;
}

export interface LimitState {
  limitId: string;
  /** What the limit counts and over which period: a person names a limit by these, never by its id. */
  kind: TrafficLimit['kind'];
  period: TrafficLimit['period'];
  level: 'ok' | 'warning' | 'reached';
  /** The highest threshold crossed (percent), or 100 when reached. */
  threshold: number | null;
  used: number;
  amount: number;
  disconnect: boolean;
}

export function evaluateLimit(limit: TrafficLimit, usage: Usage): LimitState {
  const used = usage[limit.kind];
  const pct = limit.amount > 0 ? (used / limit.amount) * 100 : 0;
  if (limit.amount > 0 && used >= limit.amount) return { limitId: limit.id, kind: limit.kind, period: limit.period, level: 'reached', threshold: 100, used, amount: limit.amount, disconnect: limit.disconnect };
  const crossed = limit.warnAt.filter((w) => w > 0 && w < 100 && pct >= w).sort((a, b) => b - a)[0];
  return { limitId: limit.id, kind: limit.kind, period: limit.period, level: crossed === undefined ? 'ok' : 'warning', threshold: crossed ?? null, used, amount: limit.amount, disconnect: false };
}

/**
 * Only changes are worth a notification: a threshold newly crossed since the last check.
 * `previous` is what was announced before (by limit id).
 */
export function newlyCrossed(states: LimitState[], previous: Map<string, number | null>): LimitState[] {
  return states.filter((s) => s.threshold !== null && (previous.get(s.limitId) ?? null) !== s.threshold && (s.threshold ?? 0) > (previous.get(s.limitId) ?? 0));
}

/** Traffic cost at a per-megabyte price (kopecks per MiB), rounded up to whole kopecks. */
export function trafficCostKopecks(bytes: number, kopecksPerMib: number): number {
  return Math.ceil((bytes / (1024 * 1024)) * kopecksPerMib);
}
