// `assa server` (CONTRACTS.md): the ASSA server on HOST:PORT with RADIUS accounting on
// UDP, printing "listening on http://H:N" when ready; --demo loads the demo data.
import { startAssa } from '../../assa/embedded';

export interface ServerOptions {
  db: string;
  host: string;
  port: number;
  radiusPort: number;
  radiusSecret?: string;
  demo?: boolean;
  subscribers?: number;
  months?: number;
  networkSecret?: string;
  rateLimit?: number;
}

export async function runServer(opts: ServerOptions): Promise<void> {
  const assa = await startAssa({
    dbPath: opts.db,
    host: opts.host,
    port: opts.port,
    radiusPort: opts.radiusPort,
    radiusSecret: opts.radiusSecret ?? process.env.ASSA_RADIUS_SECRET,
    networkSecret: opts.networkSecret ?? process.env.ASSA_NETWORK_SECRET,
    demo: opts.demo ?? false,
    ...(opts.rateLimit ? { config: { rateLimit: { global: opts.rateLimit, login: Math.max(30, Math.round(opts.rateLimit / 20)), registration: 20 } } } : {}),
    ...(opts.subscribers ? { demoSubscribers: opts.subscribers } : {}),
    ...(opts.months ? { demoMonths: opts.months } : {}),
    ...(process.env.ASSA_SMTP_HOST ? { smtp: { host: process.env.ASSA_SMTP_HOST, port: Number(process.env.ASSA_SMTP_PORT ?? 25) } } : {}),
    log: (l) => process.stderr.write(`assa server: ${l}\n`),
  }).catch((e: Error & { code?: string }) => {
    process.stderr.write(`assa server: ${e.code === 'EADDRINUSE' ? `port in use (${e.message})` : e.message}\n`);
    process.exit(1);
  });
  process.stderr.write(`assa server: RADIUS accounting on udp ${opts.host}:${assa.radiusPort}\n`);
  process.stdout.write(`listening on ${assa.url}\n`);
  const stop = () => void assa.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
