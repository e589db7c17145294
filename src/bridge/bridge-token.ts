// The per-launch secret that proves a request comes from the page this process served.
// Another local page cannot read our HTML (same-origin policy), so it cannot learn it.
import { randomBytes, timingSafeEqual } from 'node:crypto';

export function newBridgeToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokensEqual(a: string | undefined, b: string): boolean {
  if (typeof a !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
