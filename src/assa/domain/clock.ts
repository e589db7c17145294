// Time and randomness come in as parameters (ARCHITECTURE.md rule 5): RUNA expiry,
// lockouts and session timeouts are tested with a clock the test moves.
import { randomBytes, randomInt } from 'node:crypto';

export interface AssaClock {
  now(): number;
}
export const systemClock: AssaClock = { now: () => Date.now() };

export interface Rng {
  bytes(n: number): Buffer;
  int(maxExclusive: number): number;
}
export const cryptoRng: Rng = { bytes: (n) => randomBytes(n), int: (n) => randomInt(n) };

/**
 * The demo clock (`--demo` only): real time plus an offset an operator's QA sets with
 * PUT /api/v1/operator/clock, so billing, RUNA expiry and session timeouts, which all
 * read `now()`, walk through a month in seconds. Time keeps flowing from the set point.
 */
export class SettableClock implements AssaClock {
  private offset = 0;
  constructor(private readonly base: AssaClock = systemClock) {}
  now(): number {
    return this.base.now() + this.offset;
  }
  set(at: number): void {
    this.offset = at - this.base.now();
  }
}
