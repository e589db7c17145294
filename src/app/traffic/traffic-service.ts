// D-TRAF-1..3: the running session's meter, sampled at 1 Hz from the modem's latest flow
// report and the OS counters of the link's interface; history queries; limits checked
// after every sample against today's and this month's totals (Kyiv calendar).
import { kyivDay, kyivMonth } from '../../shared/kyiv-time';
import { evaluateLimit, newlyCrossed, type LimitState, type TrafficLimit } from '../../shared/traffic-limits';
import type { Clock } from '../clock';
import type { EventBus } from '../event-bus';
import type { HistoryDb } from '../history/history-db';
import type { IfaceCounterReader } from './iface-counters';
import { SessionRecorder, type SessionInfo } from './session-recorder';
import type { FlowReading, TrafficSnapshot } from './traffic-meter';

export interface TrafficServiceDeps {
  history: HistoryDb;
  bus: EventBus;
  clock: Clock;
  readCounters: IfaceCounterReader;
  limits: () => TrafficLimit[];
  /** Called when a limit with "disconnect" is reached. */
  onLimitDisconnect?: (state: LimitState) => void;
}

export class TrafficService {
  private recorder: SessionRecorder | null = null;
  private timer: { clear(): void } | null = null;
  private modemFlow: FlowReading | null = null;
  private iface: string | null = null;
  private announced = new Map<string, number | null>();
  /** The reading under way: the 1 Hz tick skips while one is, an asked-for sample waits for it and reads afresh. */
  private inFlight: Promise<TrafficSnapshot | null> | null = null;

  constructor(private readonly deps: TrafficServiceDeps) {
    deps.history.closeDangling();
  }

  start(info: SessionInfo): void {
    if (this.recorder) this.end('replaced');
    this.modemFlow = null;
    this.iface = info.iface;
    this.recorder = new SessionRecorder(this.deps.history, this.deps.clock.now(), info);
    this.timer = this.deps.clock.setInterval(() => this.tick(), 1000);
    this.tick();
  }

  /** The modem's cumulative flow for this session (^DSFLOWRPT and the like). */
  reportModemFlow(flow: FlowReading): void {
    this.modemFlow = flow;
  }

  /** The link's interface became known (pppd prints it after CONNECT). */
  setInterface(iface: string | null): void {
    this.iface = iface;
  }

  private tick(): void {
    if (!this.inFlight) void this.sample();
  }

  /** A reading taken now (after any already under way, whose counters may predate the caller's traffic). */
  async sample(): Promise<TrafficSnapshot | null> {
    while (this.inFlight) await this.inFlight.catch(() => null); // its failure is its own caller's
    if (!this.recorder) return null;
    const reading = this.read();
    this.inFlight = reading;
    try {
      return await reading;
    } finally {
      if (this.inFlight === reading) this.inFlight = null;
    }
  }

  private async read(): Promise<TrafficSnapshot | null> {
    const os = this.iface ? await this.deps.readCounters(this.iface) : null;
    const rec = this.recorder;
    if (!rec) return null;
    const snapshot = rec.add({ at: this.deps.clock.now(), modem: this.modemFlow, os });
    this.deps.bus.publish({ type: 'traffic.sample', snapshot });
    this.checkLimits(snapshot.at);
    return snapshot;
  }

  end(reason: string): TrafficSnapshot | null {
    this.timer?.clear();
    this.timer = null;
    const rec = this.recorder;
    this.recorder = null;
    return rec ? rec.end(this.deps.clock.now(), reason) : null;
  }

  current(): TrafficSnapshot | null {
    return this.recorder?.snapshot ?? null;
  }

  get history(): HistoryDb {
    return this.deps.history;
  }

  private checkLimits(at: number): void {
    const limits = this.deps.limits();
    if (limits.length === 0) return;
    const day = this.deps.history.totalFor(kyivDay(at));
    const month = this.deps.history.totalFor(kyivMonth(at));
    const states = limits.map((l) => {
      const t = l.period === 'day' ? day : month;
      return evaluateLimit(l, { bytes: t.rxBytes + t.txBytes, seconds: t.seconds, kopecks: 0 });
    });
    for (const s of newlyCrossed(states, this.announced)) {
      this.announced.set(s.limitId, s.threshold);
      this.deps.bus.publish({
        type: 'notification',
        id: `limit-${s.limitId}-${s.threshold}-${kyivDay(at)}`,
        level: s.level === 'reached' ? 'error' : 'warning',
        code: s.level === 'reached' ? 'limit_reached' : 'limit_warning',
        text: s.level === 'reached' ? `Limit "${s.limitId}" reached` : `Limit "${s.limitId}" at ${s.threshold}%`,
        at: new Date(at).toISOString(),
        params: { limit: s.limitId, kind: s.kind, period: s.period, threshold: s.threshold ?? 0, used: s.used, amount: s.amount },
      });
      if (s.level === 'reached' && s.disconnect) this.deps.onLimitDisconnect?.(s);
    }
  }
}
