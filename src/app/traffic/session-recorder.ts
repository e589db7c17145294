// D-TRAF-1/2: one data session from its first sample to its end. Feeds samples to the
// meter, stores the session and its per-minute series in the local history, and keeps
// the stored totals current so that an unplug or a crash loses at most one sample.
import type { HistoryDb } from '../history/history-db';
import { TrafficMeter, type TrafficSample, type TrafficSnapshot } from './traffic-meter';

export interface SessionInfo {
  number: string | null;
  modem: string | null;
  virtual: boolean;
  iface: string | null;
  localIp: string | null;
}

export class SessionRecorder {
  readonly id: number;
  private readonly meter: TrafficMeter;
  private last: TrafficSnapshot;
  private ended = false;

  constructor(
    private readonly history: HistoryDb,
    startedAt: number,
    info: SessionInfo,
  ) {
    this.meter = new TrafficMeter(startedAt);
    this.id = history.startSession({ startedAt: new Date(startedAt), ...info });
    this.last = this.meter.snapshot(startedAt);
  }

  add(sample: TrafficSample): TrafficSnapshot {
    if (this.ended) return this.last;
    const prev = this.last;
    const next = this.meter.add(sample);
    const drx = Math.max(0, next.rxBytes - prev.rxBytes);
    const dtx = Math.max(0, next.txBytes - prev.txBytes);
    const secs = Math.max(0, Math.round((next.at - prev.at) / 1000));
    const minute = new Date(Math.floor(next.at / 60_000) * 60_000);
    this.history.addToMinute(this.id, minute, drx, dtx, secs);
    this.history.updateTotals(this.id, next);
    this.last = next;
    return next;
  }

  get snapshot(): TrafficSnapshot {
    return this.last;
  }

  end(at: number, reason: string): TrafficSnapshot {
    if (!this.ended) {
      this.ended = true;
      this.history.updateTotals(this.id, this.last);
      this.history.endSession(this.id, new Date(Math.max(at, this.last.startedAt)), reason);
    }
    return this.last;
  }
}
