// ASSA as one embeddable unit: database, HTTP API and RADIUS listener, started together
// and stopped together. `assa server` and the desktop app's embedded server both use it.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { CodedError } from '../shared/errors';
import { silentLogger, type Logger } from '../shared/logging';
import { crashAt, type CrashPoint } from './crash-points';
import { cryptoRng, SettableClock, systemClock, type AssaClock, type Rng } from './domain/clock';
import { buildAssaServer } from './http/build-server';
import { DEFAULT_CONFIG, type AssaConfig, type AssaContext } from './http/context';
import { outboxMailer, smtpMailer, type Mailer } from './mail/mailer';
import { startRadiusListener } from './network/radius-accounting';
import { createMetrics } from './observability/metrics';
import { addressList } from './security/address-list';
import { AddressThrottle } from './security/address-throttle';
import { PasswordHasher, STRONG_KDF, type KdfParams } from './security/password-hash';
import { liqpayGateway, type LiqpayConfig } from './payments/liqpay-gateway';
import type { PaymentGateway } from './payments/gateway';
import { startReconciler } from './payments/reconciler';
import { openTestGateway } from './payments/test-gateway';
import { startBillingClock } from './services/billing';
import { runAsActor } from './store/money-audit';
import { AssaStore } from './store/assa-store';
import { generateHistory, generateSubscribers, loadDemoData } from './store/demo-data';
import { isPostgresUrl, openStoreEngine } from './store/open-database';

export interface StartAssaOptions {
  /** A SQLite file path, or a PostgreSQL URL (postgres://user:pass@host:port/db). */
  dbPath: string;
  /** PostgreSQL: connections in this process's pool (default 10). */
  dbPool?: number;
  /** PostgreSQL: attempts of a transaction that keeps conflicting (default PG_TRANSACTION_ATTEMPTS; tests lower it). */
  dbTransactionAttempts?: number;
  host?: string;
  /** 0 = any free port. */
  port?: number;
  /** UDP port for RADIUS accounting; 0 = any free port; null = no listener. */
  radiusPort?: number | null;
  /** Required unless `demo` (then drawn at random when absent; see `secrets` in the result). */
  radiusSecret?: string;
  networkSecret?: string;
  demo?: boolean;
  /** RADIUS accounting is taken only from these NAS addresses or CIDR blocks (default loopback). */
  radiusClients?: string[];
  /** HTTPS: PEM certificate chain and key. Cookies then are Secure and `__Host-` prefixed. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Behind a reverse proxy: trust X-Forwarded-* from these addresses (or all with true). */
  trustProxy?: boolean | string[];
  /** Host header values answered (host or host:port); others get 421. Default: loopback names when bound to loopback. */
  allowedHosts?: string[];
  /** Password hashes waiting at most (beyond the ones running); more get 503 + Retry-After. */
  kdfQueue?: number;
  /** Who may read GET /metrics (addresses or CIDR blocks; default loopback). */
  metricsClients?: string[];
  logger?: Logger;
  demoSubscribers?: number;
  /** With demoSubscribers: months of generated history. */
  demoMonths?: number;
  mailOutboxDir?: string;
  smtp?: { host: string; port: number } | null;
  kdf?: KdfParams;
  clock?: AssaClock;
  rng?: Rng;
  config?: Partial<Omit<AssaConfig, 'networkSecret'>>;
  /** The renderer build to serve the subscribers' portal from at / (none: API only). */
  webRoot?: string | null;
  /**
   * A-MON-2 payments: 'test' (the demo's gateway; refused without `demo`), LiqPay
   * settings, or a gateway object (tests). Default: 'test' with `demo`, none without.
   */
  gateway?: 'test' | { liqpay: LiqpayConfig } | PaymentGateway | null;
  /** The test gateway's own record (default: test-gateway.db beside a SQLite database). */
  gatewayRecord?: string;
  /** The crash test (issue 13): die with SIGKILL at this moment of a payment or month start; --demo only. */
  crashAt?: CrashPoint;
}

export interface EmbeddedAssa {
  url: string;
  port: number;
  radiusPort: number;
  /** The secrets in force (drawn ones included, so the caller can print or pass them on). */
  secrets: { radius: string; network: string; drawn: Array<'radius' | 'network'> };
  ctx: AssaContext;
  close(): Promise<void>;
}

/** The secrets a start needs: given ones, or random ones in demo mode; never a built-in value. */
export function resolveSecrets(o: Pick<StartAssaOptions, 'radiusSecret' | 'networkSecret' | 'demo' | 'radiusPort'>): EmbeddedAssa['secrets'] {
  const drawn: Array<'radius' | 'network'> = [];
  const pick = (given: string | undefined, which: 'radius' | 'network', option: string, env: string): string => {
    if (given) return given;
    if (!o.demo) throw new CodedError('missing_secret', `the ${which === 'radius' ? 'RADIUS' : '2772 network'} secret is missing: give ${option} or set ${env} (or run with --demo for random ones)`, { field: option.replace(/^--/, '') });
    drawn.push(which);
    return oneRunSecret();
  };
  const network = pick(o.networkSecret, 'network', '--network-secret', 'ASSA_NETWORK_SECRET');
  const radius = o.radiusPort === null && !o.radiusSecret ? oneRunSecret() : pick(o.radiusSecret, 'radius', '--radius-secret', 'ASSA_RADIUS_SECRET');
  return { radius, network, drawn };
}

export async function startAssa(o: StartAssaOptions): Promise<EmbeddedAssa> {
  const secrets = resolveSecrets(o);
  if (o.crashAt && !o.demo) throw new CodedError('invalid_option', '--crash-at kills the server on purpose (the crash test): it runs only with --demo.', { field: 'crash-at' });
  // Bad option values fail here, before anything is opened or bound.
  const radiusClients = addressList(o.radiusClients ?? DEFAULT_RADIUS_CLIENTS, '--radius-clients').entries;
  const log = o.logger ?? silentLogger();
  const host = o.host ?? '127.0.0.1';
  const store = new AssaStore(await openStoreEngine(o.dbPath, { ...(o.dbPool ? { poolSize: o.dbPool } : {}), ...(o.dbTransactionAttempts ? { transactionAttempts: o.dbTransactionAttempts } : {}) }));
  // This process is one node from now on (on PostgreSQL it holds its node lock for its whole
  // life): a retry of a key claimed by a node that has died since (kill -9, a crash) takes
  // the claim over at once instead of waiting for the stale period (store/node-liveness.ts).
  const node = await store.engine.node.id().catch(async (e: unknown) => {
    await store.close();
    throw e;
  });
  // With --demo the clock is settable (PUT /api/v1/operator/clock); never without.
  const demoClock = o.demo ? new SettableClock(o.clock ?? systemClock) : undefined;
  const clock = demoClock ?? o.clock ?? systemClock;
  if (o.demo) {
    if ((await loadDemoData(store, clock.now())) && o.demoSubscribers) {
      await generateSubscribers(store, o.demoSubscribers, clock.now());
      if (o.demoMonths) await generateHistory(store, o.demoSubscribers, o.demoMonths, clock.now());
    }
  }
  // Without SMTP mail goes to a folder: beside a SQLite file, or ./outbox for a PostgreSQL URL.
  const outbox = o.mailOutboxDir ?? (isPostgresUrl(o.dbPath) ? path.resolve('outbox') : path.join(path.dirname(path.resolve(o.dbPath)), 'outbox'));
  const mailer: Mailer = o.smtp ? smtpMailer(o.smtp) : outboxMailer(outbox);
  const ctx: AssaContext = {
    store,
    clock,
    rng: o.rng ?? cryptoRng,
    hasher: new PasswordHasher(o.kdf ?? STRONG_KDF, 2, o.kdfQueue ?? DEFAULT_KDF_QUEUE),
    mailer,
    log,
    metrics: createMetrics(),
    throttle: new AddressThrottle(clock),
    config: {
      ...DEFAULT_CONFIG,
      secureCookies: !!o.tls || !!o.trustProxy,
      allowedHosts: o.allowedHosts ?? defaultAllowedHosts(host),
      ...o.config,
      networkSecret: secrets.network,
    },
    ...(demoClock ? { demoClock } : {}),
    ...(o.crashAt ? { crashAt: crashAt(o.crashAt) } : {}),
  };
  ctx.metrics.watchKdf(ctx.hasher);
  ctx.gateway = openGateway(o, clock);
  const app = await buildAssaServer(ctx, { ...(o.tls ? { https: o.tls } : {}), ...(o.metricsClients ? { metricsClients: o.metricsClients } : {}), ...(o.trustProxy !== undefined ? { trustProxy: o.trustProxy } : {}), ...(o.webRoot ? { webRoot: o.webRoot } : {}) });
  ctx.log.info({ node }, 'node id');
  // The jobs' timers keep the actor they were started as: their ledger movements are
  // audited as the billing run's and the gateway's (store/money-audit.ts).
  const billing = await runAsActor({ kind: 'billing', id: 'clock' }, () => startBillingClock(ctx));
  const gateway = ctx.gateway;
  const reconciler = gateway ? await runAsActor({ kind: 'gateway', id: 'reconciler' }, () => startReconciler(ctx, gateway, 15_000)) : null;
  await app.listen({ host, port: o.port ?? 8750 });
  const port = (app.server.address() as { port: number }).port;
  const radius =
    o.radiusPort === null
      ? null
      : await startRadiusListener({ store, host, port: o.radiusPort ?? 1813, secret: secrets.radius, clock, clients: radiusClients, log: log.child({ component: 'radius' }), metrics: ctx.metrics }).catch(async (e: unknown) => {
          // RADIUS port taken: do not leave the HTTP side and the database open behind the error.
          billing.stop();
          reconciler?.stop();
          await app.close();
          await billing.idle();
          await reconciler?.idle();
          await ctx.gateway?.close?.();
          await store.close();
          throw e;
        });
  return {
    secrets,
    url: `${o.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    radiusPort: radius?.port ?? 0,
    ctx,
    async close() {
      billing.stop();
      reconciler?.stop();
      await radius?.close();
      await app.close();
      await billing.idle();
      await reconciler?.idle();
      await ctx.gateway?.close?.();
      await store.close();
    },
  };
}

/** The NAS addresses RADIUS accounting is taken from when none are configured. */
export const DEFAULT_RADIUS_CLIENTS = ['127.0.0.0/8', '::1'];
export const DEFAULT_KDF_QUEUE = 32;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;
/** Bound to loopback: only loopback names (a DNS-rebinding page cannot reach the API). Elsewhere: whatever the operator lists, else any. */
export function defaultAllowedHosts(host: string): string[] {
  return LOOPBACK.test(host) ? ['localhost', '127.0.0.1', '[::1]', host.includes(':') ? `[${host}]` : host] : [];
}

/** The payment gateway of this server; the test gateway only in a demo (it approves test cards). */
function openGateway(o: StartAssaOptions, clock: AssaClock): PaymentGateway | null {
  const g = o.gateway === undefined ? (o.demo ? 'test' : null) : o.gateway;
  if (g === null) return null;
  if (g === 'test') {
    if (!o.demo) throw new CodedError('test_gateway_needs_demo', 'The test payment gateway approves test cards: it runs only with --demo. Configure a real gateway (--gateway liqpay).');
    const record = o.gatewayRecord ?? (/^postgres(ql)?:/.test(o.dbPath) ? path.join(os.tmpdir(), 'assa-test-gateway.db') : path.join(path.dirname(path.resolve(o.dbPath)), o.dbPath === ':memory:' ? ':memory:' : 'test-gateway.db'));
    return openTestGateway(o.dbPath === ':memory:' ? ':memory:' : record, clock);
  }
  if ('liqpay' in g) return liqpayGateway(g.liqpay);
  return g;
}

/** A secret for one run when none is configured (the embedded server and its virtual modem share it). */
export const oneRunSecret = () => randomBytes(16).toString('hex');
