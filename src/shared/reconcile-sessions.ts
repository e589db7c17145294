// D-TRAF-4: the app's record of each data session beside the operator's (A-DET-2). Pairs
// are made by time overlap — clocks differ by seconds and a session may be split by the
// operator's interim records — each local session taking the operator record it overlaps
// most, and the byte difference shown.

export interface TimedSession {
  id: string | number;
  start: number; // ms UTC
  end: number | null; // null: still running
  rxBytes: number;
  txBytes: number;
}

export interface ReconciledPair {
  local: TimedSession | null;
  operator: TimedSession | null;
  overlapMs: number;
  /** local minus operator, per direction; null when one side is missing. */
  rxDiff: number | null;
  txDiff: number | null;
}

const overlap = (a: TimedSession, b: TimedSession, now: number) => Math.max(0, Math.min(a.end ?? now, b.end ?? now) - Math.max(a.start, b.start));

export function reconcileSessions(local: TimedSession[], operator: TimedSession[], now: number): ReconciledPair[] {
  const candidates: Array<{ l: TimedSession; o: TimedSession; ms: number }> = [];
  for (const l of local) for (const o of operator) {
    const ms = overlap(l, o, now);
    if (ms > 0) candidates.push({ l, o, ms });
  }
  candidates.sort((a, b) => b.ms - a.ms);
  const usedL = new Set<TimedSession>();
  const usedO = new Set<TimedSession>();
  const pairs: ReconciledPair[] = [];
  for (const c of candidates) {
    if (usedL.has(c.l) || usedO.has(c.o)) continue;
    usedL.add(c.l);
    usedO.add(c.o);
    pairs.push({ local: c.l, operator: c.o, overlapMs: c.ms, rxDiff: c.l.rxBytes - c.o.rxBytes, txDiff: c.l.txBytes - c.o.txBytes });
  }
  for (const l of local) if (!usedL.has(l)) pairs.push({ local: l, operator: null, overlapMs: 0, rxDiff: null, txDiff: null });
  for (const o of operator) if (!usedO.has(o)) pairs.push({ local: null, operator: o, overlapMs: 0, rxDiff: null, txDiff: null });
  return pairs.sort((a, b) => (b.local?.start ?? b.operator?.start ?? 0) - (a.local?.start ?? a.operator?.start ?? 0));
}
