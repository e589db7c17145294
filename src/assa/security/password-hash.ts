// A-SEC: passwords hashed with scrypt (memory-hard; OWASP ASVS 5.0 Appendix C floor:
// N=2^17, r=8, p=1 — 128 MiB per hash). At most `concurrency` hashes run at once so a
// burst of logins cannot exhaust memory; the rest wait their turn.
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}
export const STRONG_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };

function scrypt(password: string, salt: Buffer, p: KdfParams): Promise<Buffer> {
  return new Promise((res, rej) => scryptCb(password, salt, 32, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 32 * 1024 * 1024 }, (e, k) => (e ? rej(e) : res(k))));
}

export class PasswordHasher {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly params: KdfParams = STRONG_KDF,
    private readonly concurrency = 2,
  ) {}

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

  private async limited<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) await new Promise<void>((r) => this.waiting.push(r));
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
