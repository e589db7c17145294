// ASSA as one embeddable unit: database, HTTP API and RADIUS listener, started together
// and stopped together. `assa server` and the desktop app's embedded server both use it.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_NETWORK_SECRET, DEFAULT_RADIUS_SECRET } from '../shared/network-contract';
import { cryptoRng, SettableClock, systemClock, type AssaClock, type Rng } from './domain/clock';
import { buildAssaServer } from './http/build-server';
import { DEFAULT_CONFIG, type AssaConfig, type AssaContext } from './http/context';
import { outboxMailer, smtpMailer, type Mailer } from './mail/mailer';
import { startRadiusListener } from './network/radius-accounting';
import { PasswordHasher, STRONG_KDF, type KdfParams } from './security/password-hash';
import { startBillingClock } from './services/billing';
import { AssaStore } from './store/assa-store';
import { MoneyStore } from './store/money-store';
import { generateHistory, generateSubscribers, loadDemoData } from './store/demo-data';
import { openDatabase } from './store/open-database';

export interface StartAssaOptions {
  dbPath: string;
  host?: string;
  /** 0 = any free port. */
  port?: number;
  /** UDP port for RADIUS accounting; 0 = any free port; null = no listener. */
  radiusPort?: number | null;
  radiusSecret?: string;
  networkSecret?: string;
  demo?: boolean;
  demoSubscribers?: number;
  /** With demoSubscribers: months of generated history. */
  demoMonths?: number;
  mailOutboxDir?: string;
  smtp?: { host: string; port: number } | null;
  kdf?: KdfParams;
  clock?: AssaClock;
  rng?: Rng;
  config?: Partial<Omit<AssaConfig, 'networkSecret'>>;
  log?: (line: string) => void;
}

export interface EmbeddedAssa {
  url: string;
  port: number;
  radiusPort: number;
  ctx: AssaContext;
  close(): Promise<void>;
}

export async function startAssa(o: StartAssaOptions): Promise<EmbeddedAssa> {
  const db = openDatabase(o.dbPath);
  const store = new AssaStore(db);
  // With --demo the clock is settable (PUT /api/v1/operator/clock); never without.
  const demoClock = o.demo ? new SettableClock(o.clock ?? systemClock) : undefined;
  const clock = demoClock ?? o.clock ?? systemClock;
  if (o.demo) {
    if (loadDemoData(store, clock.now()) && o.demoSubscribers) {
      generateSubscribers(store, o.demoSubscribers, clock.now());
      if (o.demoMonths) generateHistory(store, o.demoSubscribers, o.demoMonths, clock.now());
    }
  }
  const mailer: Mailer = o.smtp ? smtpMailer(o.smtp) : outboxMailer(o.mailOutboxDir ?? path.join(path.dirname(path.resolve(o.dbPath)), 'outbox'));
  const ctx: AssaContext = {
    store,
    clock,
    rng: o.rng ?? cryptoRng,
    hasher: new PasswordHasher(o.kdf ?? STRONG_KDF),
    mailer,
    config: { ...DEFAULT_CONFIG, ...o.config, networkSecret: o.networkSecret ?? DEFAULT_NETWORK_SECRET },
    ...(demoClock ? { demoClock } : {}),
  };
  const app = await buildAssaServer(ctx);
  const stopBilling = startBillingClock(ctx, new MoneyStore(db));
  const host = o.host ?? '127.0.0.1';
  await app.listen({ host, port: o.port ?? 8750 });
  const port = (app.server.address() as { port: number }).port;
  const radius =
    o.radiusPort === null
      ? null
      : await startRadiusListener({ store, host, port: o.radiusPort ?? 1813, secret: o.radiusSecret ?? DEFAULT_RADIUS_SECRET, clock, ...(o.log ? { log: o.log } : {}) });
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    radiusPort: radius?.port ?? 0,
    ctx,
    async close() {
      stopBilling();
      await radius?.close();
      await app.close();
      db.close();
    },
  };
}

/** A secret for one run when none is configured (the embedded server and its virtual modem share it). */
export const oneRunSecret = () => randomBytes(16).toString('hex');
