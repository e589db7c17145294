// What every route needs, passed in once (services behind interfaces, never globals).
import type { AssaClock, Rng, SettableClock } from '../domain/clock';
import type { Mailer } from '../mail/mailer';
import type { PasswordHasher } from '../security/password-hash';
import type { AssaStore } from '../store/assa-store';

export interface AssaConfig {
  networkSecret: string;
  /** Session ends after this long without a request (A-SEC-1) and after the absolute limit. */
  idleTimeoutMs: number;
  absoluteTimeoutMs: number;
  /** Requests per minute per client address; login and registration have tighter ones. */
  rateLimit: { global: number; login: number; registration: number };
  /** Secure cookies when served over HTTPS. */
  secureCookies: boolean;
}

export const DEFAULT_CONFIG: Omit<AssaConfig, 'networkSecret'> = {
  idleTimeoutMs: 30 * 60_000,
  absoluteTimeoutMs: 12 * 3600_000,
  rateLimit: { global: 600, login: 30, registration: 20 },
  secureCookies: false,
};

export interface AssaContext {
  store: AssaStore;
  clock: AssaClock;
  rng: Rng;
  hasher: PasswordHasher;
  mailer: Mailer;
  config: AssaConfig;
  /** --demo only: the clock itself, which PUT /api/v1/operator/clock moves. */
  demoClock?: SettableClock;
}
