// D-TRAF-1/3: 1 Hz samples from the modem's flow and the interface counters, published
// as events, stored, and checked against limits (warn once per threshold; disconnect).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/app/clock';
import { EventBus } from '../../../src/app/event-bus';
import { HistoryDb } from '../../../src/app/history/history-db';
import { TrafficService } from '../../../src/app/traffic/traffic-service';
import type { AppEvent } from '../../../src/shared/app-contract';
import type { TrafficLimit } from '../../../src/shared/traffic-limits';

/** A clock whose interval ticks when the test says so. */
function manualClock(start: number) {
  let now = start;
  const fns = new Set<() => void>();
  const clock: Clock = {
    now: () => now,
    setInterval(fn) {
      fns.add(fn);
      return { clear: () => fns.delete(fn) };
    },
  };
  return { clock, tick: (ms = 1000) => ((now += ms), [...fns].forEach((f) => f())), get timers() { return fns.size; } };
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup(limits: TrafficLimit[] = []) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-traffic-'));
  dirs.push(dir);
  const history = new HistoryDb(path.join(dir, 'h.db'));
  const bus = new EventBus();
  const events: AppEvent[] = [];
  bus.subscribe((e) => events.push(e));
  const c = manualClock(Date.parse('2026-11-24T10:00:00Z'));
  let counters = { rxBytes: 1000, txBytes: 1000 };
  const disconnects: string[] = [];
  const svc = new TrafficService({ history, bus, clock: c.clock, readCounters: async (i) => (i === 'ppp0' ? counters : null), limits: () => limits, onLimitDisconnect: (s) => disconnects.push(s.limitId) });
  return { svc, history, events, c, setCounters: (v: typeof counters) => (counters = v), disconnects };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('D-TRAF-1 traffic service', () => {
  it('samples every second, publishes traffic.sample and stores the session', async () => {
    const { svc, history, events, c, setCounters } = setup();
    svc.start({ number: '441234567', modem: 'huawei EC1260', virtual: false, iface: 'ppp0', localIp: '10.0.0.2' });
    await flush();
    setCounters({ rxBytes: 1000 + 50_000, txBytes: 1000 + 5_000 });
    svc.reportModemFlow({ rxBytes: 50_400, txBytes: 5_100 });
    c.tick();
    await flush();
    const samples = events.filter((e) => e.type === 'traffic.sample');
    expect(samples.length).toBe(2);
    expect(svc.current()).toMatchObject({ rxBytes: 50_000, txBytes: 5_000, rxRate: 50_000, primary: 'os', modem: { rxBytes: 50_400 } });
    const ended = svc.end('user');
    expect(c.timers).toBe(0);
    expect(ended?.rxBytes).toBe(50_000);
    const [s] = history.sessions(new Date('2026-11-24T00:00:00Z'), new Date('2026-11-25T00:00:00Z'));
    expect(s).toMatchObject({ rxBytes: 50_000, endReason: 'user', number: '441234567' });
  });
});

describe('D-TRAF-3 limits during a session', () => {
  it('warns once at each threshold and disconnects when a "disconnect" limit is reached', async () => {
    const limit: TrafficLimit = { id: 'day', kind: 'bytes', period: 'day', amount: 100_000, warnAt: [50], disconnect: true };
    const { svc, events, c, setCounters, disconnects } = setup([limit]);
    svc.start({ number: null, modem: null, virtual: false, iface: 'ppp0', localIp: null });
    await flush();
    for (const [rx, expectWarnings] of [[40_000, 0], [60_000, 1], [70_000, 1], [120_000, 2]] as const) {
      setCounters({ rxBytes: 1000 + rx, txBytes: 1000 });
      c.tick();
      await flush();
      expect(events.filter((e) => e.type === 'notification').length).toBe(expectWarnings);
    }
    const codes = events.filter((e): e is Extract<AppEvent, { type: 'notification' }> => e.type === 'notification').map((e) => e.code);
    expect(codes).toEqual(['limit_warning', 'limit_reached']);
    expect(disconnects).toEqual(['day']);
    svc.end('limit');
  });
});
