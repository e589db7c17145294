// A-SEC: passwords hashed with scrypt (memory-hard; OWASP ASVS 5.0 Appendix C floor:
// N=2^17, r=8, p=1 — 128 MiB per hash). At most `concurrency` hashes run at once so a
// burst of logins cannot exhaust memory, and the hashes waiting behind them wait in a
// queue that is fair per client address (fair-kdf-queue.ts): at most `maxQueued` in all
// and `perClient` per address, served round the addresses in turn. A flood of hashing
// requests then gets a quick "busy, retry" (503 + Retry-After) and a real login waits for
// about one hash per flooding address, not for the whole flood.
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { currentKdfClient, FairKdfQueue } from './fair-kdf-queue';

export { KdfBusyError } from './fair-kdf-queue';

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}
export const STRONG_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };

function scrypt(password: string, salt: Buffer, p: KdfParams): Promise<Buffer> {
  return new Promise((res, rej) => scryptCb(password, salt, 32, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 32 * 1024 * 1024 }, (e, k) => (e ? rej(e) : res(k))));
}

/** Hashes one address may have waiting (beyond that: 503 + Retry-After). */
export const DEFAULT_KDF_QUEUE_PER_CLIENT = 2;

export class PasswordHasher {
  private readonly queue: FairKdfQueue;

  constructor(
    readonly params: KdfParams = STRONG_KDF,
    concurrency = 2,
    readonly maxQueued = 32,
    readonly perClientQueued = DEFAULT_KDF_QUEUE_PER_CLIENT,
  ) {
    this.queue = new FairKdfQueue(concurrency, maxQueued, perClientQueued);
  }

  get running(): number {
    return this.queue.running;
  }
  get queued(): number {
    return this.queue.queued;
  }
  get rejected(): number {
    return this.queue.rejected;
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await this.limited(() => scrypt(password, salt, this.params));
    const { N, r, p } = this.params;
    return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [alg, N, r, p, salt, key] = stored.split('$');
    if (alg !== 'scrypt' || !salt || !key) return false;
    const got = await this.limited(() => scrypt(password, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) }));
    const want = Buffer.from(key, 'base64');
    return got.length === want.length && timingSafeEqual(got, want);
  }

  /**
   * A stored hash of a random password with this hasher's own parameters: checking a
   * password against it costs exactly what checking a real account costs, so an unknown
   * number answers in the same time as a registered one.
   */
  async dummyHash(): Promise<string> {
    // A refused first attempt (queue full) must not stay cached as the dummy forever.
    this.dummy ??= this.hash(randomBytes(18).toString('base64')).catch((e: unknown) => {
      this.dummy = undefined;
      throw e;
    });
    return this.dummy;
  }
  private dummy: Promise<string> | undefined;

  /** Runs in the fair queue as the current request's client address (`internal` outside a request). */
  private limited<T>(fn: () => Promise<T>): Promise<T> {
    return this.queue.run(currentKdfClient(), fn);
  }
}
