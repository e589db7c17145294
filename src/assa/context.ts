// What every route and use case needs, passed in once (services behind interfaces, never
// globals). Lives beside http/ and services/ so that services never import the HTTP layer.
import type { Logger } from '../shared/logging';
import type { AssaClock, Rng, SettableClock } from './domain/clock';
import type { CrashAt } from './crash-points';
import type { Mailer } from './mail/mailer';
import type { AssaMetrics } from './observability/metrics';
import type { PaymentGateway } from './payments/gateway';
import type { AddressThrottle, Budget } from './security/address-throttle';
import type { PasswordHasher } from './security/password-hash';
import type { AssaStore } from './store/assa-store';

export interface AssaConfig {
  networkSecret: string;
  /** Session ends after this long without a request (A-SEC-1) and after the absolute limit. */
  idleTimeoutMs: number;
  absoluteTimeoutMs: number;
  /** Requests per minute per client address; login and registration have tighter ones. */
  rateLimit: { global: number; login: number; registration: number };
  /** Served over HTTPS (itself or behind a TLS proxy): cookies Secure and `__Host-` prefixed. */
  secureCookies: boolean;
  /** Host header values answered; empty = any (a server bound to a public address with no list). */
  allowedHosts: string[];
  /** Per client address: requests that cost a password hash (login, unlock, registration, recovery, password/e-mail change). */
  hashBudget: Budget;
  /** Per client address: wrong passwords (on any number) before further logins from it wait. */
  failedLoginBudget: Budget;
}

export const DEFAULT_CONFIG: Omit<AssaConfig, 'networkSecret'> = {
  idleTimeoutMs: 30 * 60_000,
  absoluteTimeoutMs: 12 * 3600_000,
  rateLimit: { global: 600, login: 30, registration: 20 },
  secureCookies: false,
  allowedHosts: [],
  hashBudget: { max: 20, windowMs: 60_000 },
  failedLoginBudget: { max: 20, windowMs: 15 * 60_000 },
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
  /** The server's logger (pino; secrets redacted). */
  log: Logger;
  metrics: AssaMetrics;
  throttle: AddressThrottle;
  /** Card and e-wallet payments (A-MON-2); none configured: those routes answer 503. */
  gateway?: PaymentGateway | null;
  /** The crash test's kill points (crash-points.ts); absent: none. */
  crashAt?: CrashAt;
}
