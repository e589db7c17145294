import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { seededRng } from '../rng';
import { csqIndex, level, Radio } from './radio';

function walk(seed: number) {
  const clock = new ManualClock();
  const radio = new Radio({ clock, rng: seededRng(seed), family: 'cdma', stepMs: 1000 });
  const seen: number[] = [];
  for (let i = 0; i < 50; i++) {
    clock.advance(1000);
    seen.push(radio.state.rssiDbm);
  }
  radio.stop();
  return seen;
}

describe('V-2 simulated radio', () => {
  it('walks the signal from a seed: the same seed gives the same walk, another seed another', () => {
    const a = walk(7);
    expect(walk(7)).toEqual(a);
    expect(walk(8)).not.toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(3); // it moves
    expect(Math.min(...a)).toBeGreaterThanOrEqual(-108);
    expect(Math.max(...a)).toBeLessThanOrEqual(-55);
  });
  it('reports signal and mode changes; no service reads as +CSQ 99 and level 0', () => {
    const clock = new ManualClock();
    const radio = new Radio({ clock, rng: seededRng(1), family: 'cdma', stepMs: 0 });
    const changes: string[] = [];
    radio.onChange((w) => changes.push(w));
    radio.loseSignal();
    expect(radio.inService).toBe(false);
    expect(csqIndex(radio.state)).toBe(99);
    expect(level(radio.state.rssiDbm, radio.inService)).toBe(0);
    radio.restoreSignal();
    expect(radio.state.mode).toBe('hybrid');
    expect(changes).toEqual(['mode', 'signal', 'mode', 'signal']);
  });
  it('maps dBm to the +CSQ scale (27.007) and to the Huawei bar levels (MC509 p.64)', () => {
    const s = { mode: '1x' as const, roaming: false, rssiDbm: -113, hdrRssiDbm: -113, ecio: 0, sinr: 0 };
    expect(csqIndex(s)).toBe(0);
    expect(csqIndex({ ...s, rssiDbm: -51 })).toBe(31);
    expect([-110, -100, -90, -80, -70, -60].map((d) => level(d))).toEqual([0, 20, 40, 60, 80, 99]);
  });
});
