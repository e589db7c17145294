// Session tokens and RUNA codes are stored only as hashes: a copy of the database does
// not let anyone log in or use a RUNA. Tokens are 256 random bits.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Rng } from '../domain/clock';

export const newToken = (rng: Rng) => rng.bytes(32).toString('base64url');
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const runaHash = (number: string, code: string) => sha256(`runa:${number}:${code}`);

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
