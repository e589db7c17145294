// `assa server` (CONTRACTS.md): the ASSA server on HOST:PORT with RADIUS accounting on
// UDP, printing "listening on http://H:N" when ready; --demo loads the demo data.
// Secrets: without --demo the server refuses to start (exit 2, naming the option) unless
// both the RADIUS and the 2772 network secrets are given; with --demo and none, random
// ones are drawn and printed. Nothing secret is built into the code.
import { readFileSync } from 'node:fs';
import { startAssa } from '../../assa/embedded';
import { loadConfig, parseConfigFile } from '../../shared/config';
import { isCodedError } from '../../shared/errors';
import { createLogger } from '../../shared/logging';
import { SERVER_OPTIONS } from './server-config';
import { buildRendererIfStale } from '../build-steps';
import { rendererDist } from '../paths';

export type ServerOptions = Record<string, unknown> & { config?: string };

const fatal = (code: number, message: string): never => {
  process.stderr.write(`assa server: ${message}\n`);
  process.exit(code);
};

function readConfig(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`--config: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

export async function runServer(flags: ServerOptions): Promise<void> {
  let o;
  try {
    const file = flags.config ?? process.env.ASSA_CONFIG;
    o = loadConfig(SERVER_OPTIONS, { flags, env: process.env, ...(file ? { file: parseConfigFile(readConfig(file), file) } : {}) });
  } catch (e) {
    return fatal(2, (e as Error).message);
  }
  if (!!o.tlsCert !== !!o.tlsKey) return fatal(2, `${o.tlsCert ? '--tls-key' : '--tls-cert'} is missing: HTTPS needs both --tls-cert and --tls-key`);
  let tls: { cert: Buffer; key: Buffer } | undefined;
  try {
    if (o.tlsCert && o.tlsKey) tls = { cert: readFileSync(o.tlsCert), key: readFileSync(o.tlsKey) };
  } catch (e) {
    return fatal(2, `cannot read the TLS certificate or key (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let gateway: 'test' | { liqpay: { url: string; publicKey: string; privateKey: string; callbackUrl?: string } } | undefined;
  if (o.gateway === 'liqpay') {
    const missing = (['liqpayUrl', 'liqpayPublicKey', 'liqpayPrivateKey'] as const).find((k) => !o[k]);
    if (missing) return fatal(2, `--gateway liqpay needs --${missing.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    gateway = { liqpay: { url: o.liqpayUrl!, publicKey: o.liqpayPublicKey!, privateKey: o.liqpayPrivateKey!, ...(o.liqpayCallbackUrl ? { callbackUrl: o.liqpayCallbackUrl } : {}) } };
  } else if (o.gateway === 'test') gateway = 'test';
  const logger = createLogger({ name: 'assa-server', level: o.logLevel });
  // The subscribers' portal at / is a Vite entry: build it when its sources are newer.
  // Without a build (an install without dev tools) the API still serves.
  await buildRendererIfStale((l) => process.stderr.write(`assa server: ${l}\n`)).catch((e: Error) => logger.warn({ err: e }, 'the portal could not be built'));
  const assa = await startAssa({
    dbPath: o.db,
    dbPool: o.dbPool,
    host: o.host,
    port: o.port,
    radiusPort: o.radiusPort,
    ...(o.radiusSecret ? { radiusSecret: o.radiusSecret } : {}),
    ...(o.networkSecret ? { networkSecret: o.networkSecret } : {}),
    radiusClients: o.radiusClients,
    metricsClients: o.metricsClients,
    demo: o.demo,
    ...(tls ? { tls } : {}),
    ...(o.trustProxy !== undefined ? { trustProxy: o.trustProxy } : {}),
    ...(o.allowedHosts ? { allowedHosts: o.allowedHosts } : {}),
    kdfQueue: o.kdfQueue,
    logger,
    ...(o.rateLimit ? { config: { rateLimit: { global: o.rateLimit, login: Math.max(30, Math.round(o.rateLimit / 20)), registration: 20 } } } : {}),
    ...(o.subscribers ? { demoSubscribers: o.subscribers } : {}),
    ...(o.months ? { demoMonths: o.months } : {}),
    ...(o.smtpHost ? { smtp: { host: o.smtpHost, port: o.smtpPort } } : {}),
    webRoot: rendererDist,
    ...(o.crashAt ? { crashAt: o.crashAt } : {}),
    ...(gateway ? { gateway } : {}),
    ...(o.gatewayRecord ? { gatewayRecord: o.gatewayRecord } : {}),
  }).catch((e: Error & { code?: string }) => {
    if (e.code === 'missing_secret' || e.code === 'invalid_option' || e.code === 'test_gateway_needs_demo') return fatal(2, e.message);
    logger.fatal({ err: e }, 'cannot start');
    return fatal(1, e.code === 'EADDRINUSE' ? `port in use (${e.message})` : isCodedError(e) ? e.message : e.message);
  });
  // Drawn for this run only (demo): the NAS and the network side need them, so say them once.
  for (const which of assa.secrets.drawn) {
    process.stderr.write(`assa server: --demo without a ${which} secret: drew one for this run: ${which === 'radius' ? assa.secrets.radius : assa.secrets.network}\n`);
  }
  if (!tls && o.host !== '127.0.0.1' && o.host !== 'localhost' && o.host !== '::1' && o.trustProxy === undefined) {
    logger.warn('serving plain HTTP on a non-loopback address: put it behind a TLS proxy (--trust-proxy) or give --tls-cert/--tls-key');
  }
  process.stderr.write(`assa server: RADIUS accounting on udp ${o.host}:${assa.radiusPort} from ${o.radiusClients.join(', ')}\n`);
  process.stdout.write(`listening on ${assa.url}\n`);
  const stop = () => void assa.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
