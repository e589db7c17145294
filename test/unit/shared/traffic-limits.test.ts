// D-TRAF-3: limits with warning thresholds and optional disconnect.
import { describe, expect, it } from 'vitest';
import { evaluateLimit, newlyCrossed, trafficCostKopecks, type TrafficLimit } from '../../../src/shared/traffic-limits';

const daily: TrafficLimit = { id: 'day-mb', kind: 'bytes', period: 'day', amount: 100 * 1024 * 1024, warnAt: [80, 95], disconnect: true };
const usage = (mb: number) => ({ bytes: mb * 1024 * 1024, seconds: 0, kopecks: 0 });

describe('D-TRAF-3 limits', () => {
  it('is ok under the first threshold, warns at each threshold, is reached at the limit', () => {
    expect(evaluateLimit(daily, usage(79)).level).toBe('ok');
    expect(evaluateLimit(daily, usage(80))).toMatchObject({ level: 'warning', threshold: 80, disconnect: false });
    expect(evaluateLimit(daily, usage(96))).toMatchObject({ level: 'warning', threshold: 95 });
    expect(evaluateLimit(daily, usage(100))).toMatchObject({ level: 'reached', threshold: 100, disconnect: true });
  });

  it('announces a threshold once, when it is first crossed', () => {
    const seen = new Map<string, number | null>();
    const first = newlyCrossed([evaluateLimit(daily, usage(81))], seen);
    expect(first.map((s) => s.threshold)).toEqual([80]);
    seen.set('day-mb', 80);
    expect(newlyCrossed([evaluateLimit(daily, usage(90))], seen)).toEqual([]);
    expect(newlyCrossed([evaluateLimit(daily, usage(101))], seen).map((s) => s.level)).toEqual(['reached']);
  });

  it('prices traffic in whole kopecks, rounding up', () => {
    expect(trafficCostKopecks(1024 * 1024, 25)).toBe(25);
    expect(trafficCostKopecks(1, 25)).toBe(1);
    expect(trafficCostKopecks(0, 25)).toBe(0);
  });
});
