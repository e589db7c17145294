// Time comes in through a parameter (ARCHITECTURE.md rule 5): tests drive the 1 Hz
// sampler and month boundaries without waiting.
export interface Clock {
  now(): number;
  setInterval(fn: () => void, ms: number): { clear(): void };
  /** One-shot timer (reconnect backoff); optional so simple test clocks need not fake it. */
  setTimeout?(fn: () => void, ms: number): { clear(): void };
}

/** A one-shot timer from the clock, or the real one when the clock has none. */
export function clockTimeout(clock: Clock, fn: () => void, ms: number): { clear(): void } {
  if (clock.setTimeout) return clock.setTimeout(fn, ms);
  const t = setTimeout(fn, ms);
  t.unref?.();
  return { clear: () => clearTimeout(t) };
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setInterval(fn, ms) {
    const t = setInterval(fn, ms);
    t.unref?.();
    return { clear: () => clearInterval(t) };
  },
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return { clear: () => clearTimeout(t) };
  },
};
