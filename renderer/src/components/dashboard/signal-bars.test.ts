import { describe, expect, it } from 'vitest';
import { barsFromDbm } from './SignalBars';

describe('U-DASH-1 signal bars', () => {
  it.each([
    [-113, 0],
    [-105, 0],
    [-100, 1],
    [-93, 2],
    [-87, 3],
    [-81, 4],
    [-75, 5],
    [-51, 5],
  ])('%i dBm → %i bars', (dbm, bars) => expect(barsFromDbm(dbm)).toBe(bars));
});
