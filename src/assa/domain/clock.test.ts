import { describe, expect, it } from 'vitest';
import { SettableClock } from './clock';

describe('SettableClock', () => {
  it('jumps to the time set and keeps flowing with the base clock from there', () => {
    let t = 1_000;
    const c = new SettableClock({ now: () => t });
    expect(c.now()).toBe(1_000);
    c.set(Date.parse('2027-01-15T10:00:00Z'));
    expect(c.now()).toBe(Date.parse('2027-01-15T10:00:00Z'));
    t += 5_000;
    expect(c.now()).toBe(Date.parse('2027-01-15T10:00:05Z'));
    c.set(Date.parse('2026-12-31T00:00:00Z'));
    expect(c.now()).toBe(Date.parse('2026-12-31T00:00:00Z'));
  });
});
