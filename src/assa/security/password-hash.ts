// A-SEC: passwords hashed with scrypt (memory-hard; OWASP ASVS 5.0 Appendix C floor:
// N=2^17, r=8, p=1 — 128 MiB per hash). At most `concurrency` hashes run at once so a
// burst of logins cannot exhaust memory, and at most `maxQueued` wait behind them: a
// flood of hashing requests then gets a quick "busy, retry" (503 + Retry-After) instead
// of making every real login wait seconds.
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { CodedError } from '../../shared/errors';

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}
export const STRONG_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };

/** Thrown when the queue is full; `details.retryAfterS` is a fair guess of when a slot frees. */
export class KdfBusyError extends CodedError {
  constructor(readonly retryAfterS: number) {
    super('kdf_busy', 'The server is busy checking passwords; try again in a few seconds.', { details: { retryAfterS } });
  }
}

function scrypt(password: string, salt: Buffer, p: KdfParams): Promise<Buffer> {
  return new Promise((res, rej) => scryptCb(password, salt, 32, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 32 * 1024 * 1024 }, (e, k) => (e ? rej(e) : res(k))));
}

export class PasswordHasher {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private refused = 0;
  /** Mean time of one hash (ms), kept as a moving average for Retry-After. */
  private meanMs = 0;

  constructor(
    readonly params: KdfParams = STRONG_KDF,
    private readonly concurrency = 2,
    readonly maxQueued = 32,
  ) {}

  get running(): number {
    return this.active;
  }
  get queued(): number {
    return this.waiting.length;
  }
  get rejected(): number {
    return this.refused;
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
    this.dummy ??= this.hash(randomBytes(18).toString('base64'));
    return this.dummy;
  }
  private dummy: Promise<string> | undefined;

  private async limited<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) {
      if (this.waiting.length >= this.maxQueued) {
        this.refused++;
        const waitMs = ((this.waiting.length + this.concurrency) / this.concurrency) * (this.meanMs || 500);
        throw new KdfBusyError(Math.max(1, Math.ceil(waitMs / 1000)));
      }
      // The finishing hash hands its slot over: `active` stays counted for us.
      await new Promise<void>((r) => this.waiting.push(r));
    } else {
      this.active++;
    }
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      const ms = performance.now() - t0;
      this.meanMs = this.meanMs ? this.meanMs * 0.8 + ms * 0.2 : ms;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
