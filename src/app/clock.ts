// Time comes in through a parameter (ARCHITECTURE.md rule 5): tests drive the 1 Hz
// sampler and month boundaries without waiting.
export interface Clock {
  now(): number;
  setInterval(fn: () => void, ms: number): { clear(): void };
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setInterval(fn, ms) {
    const t = setInterval(fn, ms);
    t.unref?.();
    return { clear: () => clearInterval(t) };
  },
};
