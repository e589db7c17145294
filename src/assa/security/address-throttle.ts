// Per-address budgets in a sliding window (in memory, per server process): how many
// password hashes one client address may cost us, and how many wrong passwords it may
// send. The first keeps one address from filling the KDF queue; the second slows a
// stranger who locks other people out (10 wrong passwords lock a login, A-SEC-2): with
// the defaults one address can lock at most 2 logins per 15 minutes. Several server
// processes (PostgreSQL) each keep their own budget; the per-number rules live in the
// database and hold across them.
// Callers key an address by `clientKey` (security/fair-kdf-queue.ts): an IPv6 client by its
// /64, or one host would have 2^64 budgets.
import type { AssaClock } from '../domain/clock';

export interface Budget {
  max: number;
  windowMs: number;
}

export class AddressThrottle {
  private readonly hits = new Map<string, number[]>();
  private sweeps = 0;

  constructor(private readonly clock: AssaClock) {}

  /** Seconds to wait when `key` has used its budget; 0 when it may go on (and the use is counted when `count`). */
  check(key: string, b: Budget, count = true): number {
    const now = this.clock.now();
    const list = (this.hits.get(key) ?? []).filter((t) => t > now - b.windowMs);
    if (list.length >= b.max) {
      this.hits.set(key, list);
      return Math.max(1, Math.ceil((list[0]! + b.windowMs - now) / 1000));
    }
    if (count) list.push(now);
    this.hits.set(key, list);
    if (++this.sweeps % 1000 === 0) this.sweep(now, b.windowMs);
    return 0;
  }

  /** Counts one event against `key` without asking. */
  count(key: string): void {
    const list = this.hits.get(key) ?? [];
    list.push(this.clock.now());
    this.hits.set(key, list);
  }

  private sweep(now: number, windowMs: number): void {
    for (const [k, v] of this.hits) if (!v.some((t) => t > now - windowMs)) this.hits.delete(k);
  }
}
