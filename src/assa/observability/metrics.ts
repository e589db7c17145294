// What an operator watches (GET /metrics, Prometheus text format via prom-client): HTTP
// requests and latency by route, logins by outcome, RADIUS packets accepted or refused
// (and why), the password-hash queue, billing runs. One registry per server instance, so
// several servers in one process (tests, the app's embedded one) do not mix their figures.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type LoginOutcome = 'ok' | 'failed' | 'locked' | 'unknown_number' | 'throttled';
export type RadiusOutcome = 'accepted' | 'refused';

export interface KdfQueueView {
  readonly running: number;
  readonly queued: number;
  readonly rejected: number;
}

export interface AssaMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpLatency: Histogram<'method' | 'route'>;
  logins: Counter<'outcome'>;
  radius: Counter<'outcome' | 'reason'>;
  billingRuns: Counter<'result'>;
  securityEvents: Counter<'event'>;
  watchKdf(h: KdfQueueView): void;
}

export function createMetrics(opts: { processMetrics?: boolean } = {}): AssaMetrics {
  const registry = new Registry();
  if (opts.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'assa_' });
  const r = [registry];
  let kdf: KdfQueueView | null = null;
  new Gauge({ name: 'assa_kdf_queue_depth', help: 'Password hashes waiting for a KDF slot', registers: r, collect() { this.set(kdf?.queued ?? 0); } });
  new Gauge({ name: 'assa_kdf_running', help: 'Password hashes running now', registers: r, collect() { this.set(kdf?.running ?? 0); } });
  new Gauge({ name: 'assa_kdf_rejected', help: 'Requests refused with 503 because the KDF queue was full (since start)', registers: r, collect() { this.set(kdf?.rejected ?? 0); } });
  return {
    registry,
    httpRequests: new Counter({ name: 'assa_http_requests_total', help: 'HTTP requests answered, by route pattern and status', labelNames: ['method', 'route', 'status'], registers: r }),
    httpLatency: new Histogram({
      name: 'assa_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route pattern',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: r,
    }),
    logins: new Counter({ name: 'assa_logins_total', help: 'Login attempts by outcome (ok, failed, locked, unknown_number, throttled)', labelNames: ['outcome'], registers: r }),
    radius: new Counter({ name: 'assa_radius_packets_total', help: 'RADIUS accounting packets accepted or refused (reason: client, secret, replay, malformed, store)', labelNames: ['outcome', 'reason'], registers: r }),
    billingRuns: new Counter({ name: 'assa_billing_runs_total', help: 'Month-start billing runs (result: ran, already_ran, failed)', labelNames: ['result'], registers: r }),
    securityEvents: new Counter({ name: 'assa_security_events_total', help: 'Unlocks, password and e-mail changes, recoveries, refused curator money moves', labelNames: ['event'], registers: r }),
    watchKdf(h) {
      kdf = h;
    },
  };
}
