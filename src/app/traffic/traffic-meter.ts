// D-TRAF-1: live traffic of one session from two sources — the modem's own flow reports
// (^DSFLOWRPT and the like: bytes since the call started) and the OS interface counters
// (bytes since the interface appeared, taken relative to the session's first reading).
// Pure: samples in, a snapshot out. Both sources are kept; when they disagree by more
// than the tolerance, the snapshot says so and the UI shows both.

export interface FlowReading {
  rxBytes: number;
  txBytes: number;
}

export interface TrafficSample {
  at: number; // ms since epoch, UTC
  modem?: FlowReading | null;
  os?: FlowReading | null;
}

export interface SourceTotals {
  rxBytes: number;
  txBytes: number;
  rxRate: number; // bytes per second over the last interval
  txRate: number;
}

export interface TrafficSnapshot {
  startedAt: number;
  at: number;
  durationS: number;
  /** The figure shown first: the OS counters when present, else the modem's. */
  primary: 'os' | 'modem' | null;
  rxBytes: number;
  txBytes: number;
  rxRate: number;
  txRate: number;
  modem: SourceTotals | null;
  os: SourceTotals | null;
  /** True when both sources exist and differ by more than the tolerance. */
  disagree: boolean;
}

/** 2% or 64 KiB, whichever is larger: PPP framing and the modem's own pings differ a little. */
export function sourcesDisagree(a: FlowReading, b: FlowReading): boolean {
  const off = (x: number, y: number) => Math.abs(x - y) > Math.max(64 * 1024, 0.02 * Math.max(x, y));
  return off(a.rxBytes, b.rxBytes) || off(a.txBytes, b.txBytes);
}

export class TrafficMeter {
  private osBase: FlowReading | null = null;
  private lastRawOs: FlowReading | null = null;
  private last: { at: number; modem: FlowReading | null; os: FlowReading | null } | null = null;
  private modemTotals: SourceTotals | null = null;
  private osTotals: SourceTotals | null = null;
  /** The modem reading when it last changed: flow reports come every 2 s, samples every 1 s. */
  private modemMark: { at: number; reading: FlowReading } | null = null;

  constructor(readonly startedAt: number) {}

  add(sample: TrafficSample): TrafficSnapshot {
    let os: FlowReading | null = null;
    if (sample.os) {
      const raw = sample.os;
      if (!this.osBase) this.osBase = { ...raw }; // the session counts from its first reading
      else if (this.lastRawOs && (raw.rxBytes < this.lastRawOs.rxBytes || raw.txBytes < this.lastRawOs.txBytes)) {
        // The counters restarted (interface re-created) and count from zero again:
        // carry what the session had so far.
        const sofar = { rxBytes: this.lastRawOs.rxBytes - this.osBase.rxBytes, txBytes: this.lastRawOs.txBytes - this.osBase.txBytes };
        this.osBase = { rxBytes: -sofar.rxBytes, txBytes: -sofar.txBytes };
      }
      this.lastRawOs = { ...raw };
      os = { rxBytes: sample.os.rxBytes - this.osBase.rxBytes, txBytes: sample.os.txBytes - this.osBase.txBytes };
    }
    const modem = sample.modem ?? null;
    const dt = this.last ? Math.max((sample.at - this.last.at) / 1000, 0.001) : 0;
    const rate = (now: FlowReading | null, prev: FlowReading | null | undefined) =>
      now && prev && dt > 0 ? { rx: Math.max(0, (now.rxBytes - prev.rxBytes) / dt), tx: Math.max(0, (now.txBytes - prev.txBytes) / dt) } : { rx: 0, tx: 0 };
    if (modem) {
      // The modem's counters move only when a report arrives: the rate is the change over
      // the time between reports, held until the next one (zero once reports stop).
      const mark = this.modemMark;
      const changed = !mark || modem.rxBytes !== mark.reading.rxBytes || modem.txBytes !== mark.reading.txBytes;
      let r = { rx: this.modemTotals?.rxRate ?? 0, tx: this.modemTotals?.txRate ?? 0 };
      if (changed) {
        if (mark) {
          const d = Math.max((sample.at - mark.at) / 1000, 0.001);
          r = { rx: Math.max(0, (modem.rxBytes - mark.reading.rxBytes) / d), tx: Math.max(0, (modem.txBytes - mark.reading.txBytes) / d) };
        }
        this.modemMark = { at: sample.at, reading: { ...modem } };
      } else if (mark && sample.at - mark.at > 5000) r = { rx: 0, tx: 0 };
      this.modemTotals = { rxBytes: modem.rxBytes, txBytes: modem.txBytes, rxRate: r.rx, txRate: r.tx };
    }
    if (os) {
      const r = rate(os, this.last?.os);
      this.osTotals = { rxBytes: os.rxBytes, txBytes: os.txBytes, rxRate: r.rx, txRate: r.tx };
    }
    this.last = { at: sample.at, modem: modem ?? this.last?.modem ?? null, os: os ?? this.last?.os ?? null };
    return this.snapshot(sample.at);
  }

  snapshot(at = this.last?.at ?? this.startedAt): TrafficSnapshot {
    const primary = this.osTotals ? 'os' : this.modemTotals ? 'modem' : null;
    const main = this.osTotals ?? this.modemTotals;
    return {
      startedAt: this.startedAt,
      at,
      durationS: Math.max(0, Math.round((at - this.startedAt) / 1000)),
      primary,
      rxBytes: main?.rxBytes ?? 0,
      txBytes: main?.txBytes ?? 0,
      rxRate: main?.rxRate ?? 0,
      txRate: main?.txRate ?? 0,
      modem: this.modemTotals,
      os: this.osTotals,
      disagree: !!(this.modemTotals && this.osTotals && sourcesDisagree(this.modemTotals, this.osTotals)),
    };
  }
}
