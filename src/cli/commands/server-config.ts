// `assa server`'s options as one table for the config loader (src/shared/config.ts):
// flags > environment (ASSA_*) > the JSON file named by --config / ASSA_CONFIG > defaults.
import { parseCrashPoint, type CrashPoint } from '../../assa/crash-points';
import { flag, integer, list, text, type OptionSpec } from '../../shared/config';

const secret = text({ min: 16, max: 256 });
const hosts = list((s) => {
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i.test(s)) throw new Error(`"${s}" is not a host name or host:port`);
  return s;
});
const addresses = list();

export const SERVER_OPTIONS = {
  db: { env: 'ASSA_DB', default: 'assa.db', parse: text({ min: 1 }) } as OptionSpec<string>,
  /** PostgreSQL: connections in each process's pool. */
  dbPool: { env: 'ASSA_DB_POOL', default: 10, parse: integer(1, 1000) } as OptionSpec<number>,
  host: { env: 'ASSA_HOST', default: '127.0.0.1', parse: text({ min: 1, max: 255 }) } as OptionSpec<string>,
  port: { env: 'ASSA_PORT', default: 8750, parse: integer(0, 65535) } as OptionSpec<number>,
  radiusPort: { env: 'ASSA_RADIUS_PORT', default: 1813, parse: integer(0, 65535) } as OptionSpec<number>,
  radiusSecret: { env: 'ASSA_RADIUS_SECRET', parse: secret } as OptionSpec<string>,
  networkSecret: { env: 'ASSA_NETWORK_SECRET', parse: secret } as OptionSpec<string>,
  radiusClients: { env: 'ASSA_RADIUS_CLIENTS', default: ['127.0.0.0/8', '::1'], parse: addresses } as OptionSpec<string[]>,
  metricsClients: { env: 'ASSA_METRICS_CLIENTS', default: ['127.0.0.0/8', '::1'], parse: addresses } as OptionSpec<string[]>,
  demo: { env: 'ASSA_DEMO', default: false, parse: flag } as OptionSpec<boolean>,
  tlsCert: { env: 'ASSA_TLS_CERT', parse: text({ min: 1 }) } as OptionSpec<string>,
  tlsKey: { env: 'ASSA_TLS_KEY', parse: text({ min: 1 }) } as OptionSpec<string>,
  trustProxy: {
    env: 'ASSA_TRUST_PROXY',
    parse: (raw: unknown): boolean | string[] => (raw === true || raw === 'true' ? true : list()(raw)),
  } as OptionSpec<boolean | string[]>,
  allowedHosts: { env: 'ASSA_ALLOWED_HOSTS', parse: hosts } as OptionSpec<string[]>,
  rateLimit: { env: 'ASSA_RATE_LIMIT', parse: integer(1, 1_000_000) } as OptionSpec<number>,
  kdfQueue: { env: 'ASSA_KDF_QUEUE', default: 32, parse: integer(0, 10_000) } as OptionSpec<number>,
  logLevel: { env: 'ASSA_LOG_LEVEL', default: 'info', parse: (raw: unknown) => {
    const s = String(raw);
    if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(s)) throw new Error('one of fatal, error, warn, info, debug, trace, silent');
    return s;
  } } as OptionSpec<string>,
  subscribers: { parse: integer(1, 10_000_000) } as OptionSpec<number>,
  months: { parse: integer(1, 120) } as OptionSpec<number>,
  smtpHost: { env: 'ASSA_SMTP_HOST', parse: text({ min: 1 }) } as OptionSpec<string>,
  smtpPort: { env: 'ASSA_SMTP_PORT', default: 25, parse: integer(1, 65535) } as OptionSpec<number>,
  /** The crash test (issue 13): SIGKILL at a named moment; --demo only. */
  crashAt: { env: 'ASSA_CRASH_AT', parse: (raw: unknown) => parseCrashPoint(String(raw)) } as OptionSpec<CrashPoint>,
  gateway: { env: 'ASSA_GATEWAY', parse: (raw: unknown) => {
    const s = String(raw);
    if (s !== 'test' && s !== 'liqpay') throw new Error("'test' or 'liqpay'");
    return s;
  } } as OptionSpec<'test' | 'liqpay'>,
  gatewayRecord: { env: 'ASSA_GATEWAY_RECORD', parse: text({ min: 1 }) } as OptionSpec<string>,
  liqpayUrl: { env: 'ASSA_LIQPAY_URL', parse: text({ min: 8 }) } as OptionSpec<string>,
  liqpayPublicKey: { env: 'ASSA_LIQPAY_PUBLIC_KEY', parse: text({ min: 1 }) } as OptionSpec<string>,
  liqpayPrivateKey: { env: 'ASSA_LIQPAY_PRIVATE_KEY', parse: text({ min: 1 }) } as OptionSpec<string>,
  liqpayCallbackUrl: { env: 'ASSA_LIQPAY_CALLBACK_URL', parse: text({ min: 8 }) } as OptionSpec<string>,
};
