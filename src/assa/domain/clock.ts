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
