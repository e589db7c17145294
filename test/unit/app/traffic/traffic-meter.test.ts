// D-TRAF-1: totals, speed and duration from the modem's flow reports and the OS counters.
import { describe, expect, it } from 'vitest';
import { sourcesDisagree, TrafficMeter } from '../../../../src/app/traffic/traffic-meter';

const T0 = Date.parse('2026-11-24T10:00:00Z');

describe('D-TRAF-1 traffic meter', () => {
  it('takes OS counters relative to the first reading and computes speed per second', () => {
    const m = new TrafficMeter(T0);
    m.add({ at: T0, os: { rxBytes: 1_000_000, txBytes: 50_000 } });
    const s = m.add({ at: T0 + 2000, os: { rxBytes: 1_200_000, txBytes: 60_000 } });
    expect(s).toMatchObject({ primary: 'os', rxBytes: 200_000, txBytes: 10_000, rxRate: 100_000, txRate: 5_000, durationS: 2, disagree: false });
  });

  it('uses the modem flow when there is no interface (the virtual modem, a RAS link without counters)', () => {
    const m = new TrafficMeter(T0);
    m.add({ at: T0 + 1000, modem: { rxBytes: 4096, txBytes: 1024 } });
    const s = m.add({ at: T0 + 3000, modem: { rxBytes: 8192, txBytes: 2048 } });
    expect(s).toMatchObject({ primary: 'modem', rxBytes: 8192, txBytes: 2048, rxRate: 2048, txRate: 512, durationS: 3 });
  });

  it('keeps both sources and flags a disagreement beyond 2% / 64 KiB', () => {
    const m = new TrafficMeter(T0);
    m.add({ at: T0, os: { rxBytes: 0, txBytes: 0 }, modem: { rxBytes: 0, txBytes: 0 } });
    const close = m.add({ at: T0 + 1000, os: { rxBytes: 10_000_000, txBytes: 100 }, modem: { rxBytes: 10_100_000, txBytes: 100 } });
    expect(close.disagree).toBe(false);
    const far = m.add({ at: T0 + 2000, os: { rxBytes: 20_000_000, txBytes: 100 }, modem: { rxBytes: 25_000_000, txBytes: 100 } });
    expect(far.disagree).toBe(true);
    expect(far.modem?.rxBytes).toBe(25_000_000);
    expect(far.os?.rxBytes).toBe(20_000_000);
    expect(sourcesDisagree({ rxBytes: 0, txBytes: 0 }, { rxBytes: 60_000, txBytes: 0 })).toBe(false);
  });

  it('carries totals across an interface counter restart instead of going backwards', () => {
    const m = new TrafficMeter(T0);
    m.add({ at: T0, os: { rxBytes: 500, txBytes: 500 } });
    m.add({ at: T0 + 1000, os: { rxBytes: 1500, txBytes: 700 } });
    const s = m.add({ at: T0 + 2000, os: { rxBytes: 100, txBytes: 50 } });
    expect(s.rxBytes).toBe(1100);
    expect(s.txBytes).toBe(250);
  });
});
