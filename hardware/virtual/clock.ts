// Injectable time for the virtual modem (APP.md V-2, V-3): the radio walk, the 2 s
// ^DSFLOWRPT reports, RADIUS interim updates and the +++ guard time all run on a
// SimClock so that tests can advance time by hand instead of waiting.

export interface SimTimer {
  cancel(): void;
}

export interface SimClock {
  /** Milliseconds since the epoch (UTC). */
  now(): number;
  setTimeout(fn: () => void, ms: number): SimTimer;
}

export const realClock: SimClock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return { cancel: () => clearTimeout(t) };
  },
};

/** Calls fn every `ms` until cancelled. */
export function every(clock: SimClock, ms: number, fn: () => void): SimTimer {
  let current: SimTimer | null = null;
  let stopped = false;
  const arm = () => {
    current = clock.setTimeout(() => {
      if (stopped) return;
      arm();
      fn();
    }, ms);
  };
  arm();
  return {
    cancel() {
      stopped = true;
      current?.cancel();
    },
  };
}

/** A clock that only moves when told to (tests). Timers fire in time order during advance(). */
export class ManualClock implements SimClock {
  private t: number;
  private seq = 0;
  private timers: { at: number; seq: number; fn: () => void; live: boolean }[] = [];

  constructor(startMs = Date.UTC(2026, 0, 15, 10, 0, 0)) {
    this.t = startMs;
  }

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): SimTimer {
    const timer = { at: this.t + Math.max(0, ms), seq: this.seq++, fn, live: true };
    this.timers.push(timer);
    return { cancel: () => void (timer.live = false) };
  }

  /** Moves time forward by ms, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      this.timers = this.timers.filter((x) => x.live);
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.t = next.at;
      next.live = false;
      next.fn();
    }
    this.t = end;
  }
}
