// Finding 9: structured logs with request ids and no secrets in them, the 500 handler
// logs, GET /health answers for the database, GET /metrics counts what an operator
// watches (requests by route, logins by outcome, RADIUS accepted/refused, KDF queue).
import dgram from 'node:dgram';
import radius from 'radius';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMonthStart } from '../../src/assa/services/billing';
import { createLogger } from '../../src/shared/logging';
import { Client, networkSms, request, startHarness, TEST_RADIUS_SECRET, type Harness } from '../integration/assa/assa-harness';

let h: Harness;
let lines: string[];
beforeEach(async () => {
  lines = [];
  h = await startHarness({ logger: createLogger({ name: 'assa-test', level: 'debug', destination: { write: (s: string) => void lines.push(s) } }) });
  await networkSms(h.assa.url, '441234567', '123456');
  expect((await request(h.assa.url, 'POST', '/api/v1/registrations', { body: { number: '441234567', password: 'Kvitka2026', email: 'olena@example.com', runa: '123456' } })).status).toBe(201);
});
afterEach(async () => h.close());

const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

function accounting(port: number, secret: string, attributes: Array<[string, string | number]>): Promise<Buffer | null> {
  const sock = dgram.createSocket('udp4');
  const packet = radius.encode({ code: 'Accounting-Request', secret, identifier: 3, attributes });
  return new Promise((resolve) => {
    const t = setTimeout(() => (sock.close(), resolve(null)), 600);
    sock.on('message', (m) => (clearTimeout(t), sock.close(), resolve(m)));
    sock.send(packet, port, '127.0.0.1');
  });
}

describe('logs', () => {
  it('are JSON lines with the request id; passwords, cookies, CSRF tokens, network secret and RUNA codes never appear', async () => {
    const c = new Client(h.assa.url);
    const r = await c.login('441234567', 'Kvitka2026');
    await c.call('GET', '/api/v1/account');
    await c.call('PUT', '/api/v1/security/password', { oldPassword: 'Wrong2026', newPassword: 'Ruta20266' });
    await networkSms(h.assa.url, '441234567', '987654');
    const all = lines.join('');
    const entries = logged();
    expect(entries.length).toBeGreaterThan(5);
    const done = entries.filter((e) => e.msg === 'request completed');
    expect(done.length).toBeGreaterThanOrEqual(4);
    expect(done.every((e) => typeof e.reqId === 'string')).toBe(true);
    // The id in the answer's header is the one in the log.
    expect(entries.some((e) => e.reqId === r.headers['x-request-id'])).toBe(true);
    for (const secret of ['Kvitka2026', 'Wrong2026', 'Ruta20266', c.cookies.get('assa_session')!, c.csrf!, '987654', 'harness-network-secret']) {
      expect(all).not.toContain(secret);
    }
  });

  it('the pino redaction covers secrets in any logged object, and RUNA codes in free text', () => {
    const out: string[] = [];
    const log = createLogger({ name: 't', destination: { write: (s: string) => void out.push(s) } });
    log.info({ body: { number: '441234567', password: 'Kvitka2026', runa: '135790' }, headers: { cookie: 'assa_session=abc', 'x-assa-network-secret': 'nsecret' }, radiusSecret: 'rsecret' }, 'kod RUNA 246810 vdalo aktyvovan');
    const text = out.join('');
    for (const s of ['Kvitka2026', '135790', 'assa_session=abc', 'nsecret', 'rsecret', '246810']) expect(text).not.toContain(s);
    expect(text).toContain('441234567');
  });

  it('a 500 is logged with its error and request id, and the answer says nothing of it; /health then says 503', async () => {
    const c = new Client(h.assa.url);
    await c.login('441234567', 'Kvitka2026');
    await h.assa.ctx.store.close(); // the database goes away under a running server
    const r = await c.call('GET', '/api/v1/account');
    expect(r.status).toBe(500);
    expect(r.body.error.code).toBe('internal');
    expect(JSON.stringify(r.body)).not.toMatch(/database|sqlite|stack/i);
    const err = logged().find((e) => e.level === 50 && e.reqId === r.headers['x-request-id']);
    expect(err).toBeTruthy();
    expect(JSON.stringify(err)).toMatch(/driver has already been destroyed/i);
    const health = await request(h.assa.url, 'GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body.status).toBe('unavailable');
  });
});

describe('GET /health and GET /metrics', () => {
  it('/health is 200 {status: ok} while the database answers', async () => {
    const r = await request(h.assa.url, 'GET', '/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok' });
  });

  it('/metrics counts requests by route, logins ok/failed/locked, RADIUS accepted/refused, KDF queue', async () => {
    const c = new Client(h.assa.url);
    await c.login('441234567', 'Kvitka2026');
    await c.login('441234567', 'Wrong2026');
    for (let i = 0; i < 10; i++) await c.login('441234567', 'Wrong2026');
    await c.login('441234568', 'Kvitka2026');
    await accounting(h.assa.radiusPort, TEST_RADIUS_SECRET, [['Acct-Status-Type', 'Start'], ['Calling-Station-Id', '441234567'], ['Framed-IP-Address', '127.10.0.3'], ['Acct-Session-Id', 'm1']]);
    await accounting(h.assa.radiusPort, 'a-wrong-secret-guess', [['Acct-Status-Type', 'Start'], ['Calling-Station-Id', '441234567'], ['Framed-IP-Address', '127.10.0.3'], ['Acct-Session-Id', 'm2']]);
    // A month-start run (what the billing clock does on the 1st), and its re-run.
    await runMonthStart(h.assa.ctx, '2026-12');
    await runMonthStart(h.assa.ctx, '2026-12');
    const m = await request(h.assa.url, 'GET', '/metrics');
    expect(m.status).toBe(200);
    expect(String(m.headers['content-type'])).toMatch(/^text\/plain/);
    const text = String(m.body);
    const value = (re: RegExp) => Number(re.exec(text)?.[1] ?? NaN);
    expect(value(/assa_logins_total\{outcome="ok"\} (\d+)/)).toBe(1);
    expect(value(/assa_logins_total\{outcome="failed"\} (\d+)/)).toBe(9);
    expect(value(/assa_logins_total\{outcome="locked"\} (\d+)/)).toBe(2);
    expect(value(/assa_logins_total\{outcome="unknown_number"\} (\d+)/)).toBe(1);
    expect(value(/assa_radius_packets_total\{outcome="accepted",reason="ok"\} (\d+)/)).toBe(1);
    expect(value(/assa_radius_packets_total\{outcome="refused",reason="secret"\} (\d+)/)).toBe(1);
    expect(value(/assa_http_requests_total\{method="POST",route="\/api\/v1\/sessions",status="401"\} (\d+)/)).toBe(10);
    expect(text).toMatch(/assa_http_request_duration_seconds_bucket\{le="0.1",method="POST",route="\/api\/v1\/sessions"\}/);
    expect(text).toMatch(/assa_kdf_queue_depth 0/);
    expect(text).toMatch(/assa_billing_runs_total\{result="ran"\} 1/);
    expect(text).toMatch(/assa_billing_runs_total\{result="already_ran"\} 1/);
    // Labels are route patterns: no number, token or query string becomes a label.
    expect(text).not.toMatch(/441234567/);
  });

  it('/metrics is for the monitoring host only (default loopback)', async () => {
    const far = await startHarness({ metricsClients: ['10.9.9.9'] });
    try {
      expect((await request(far.assa.url, 'GET', '/metrics')).status).toBe(404);
      expect((await request(far.assa.url, 'GET', '/health')).status).toBe(200);
    } finally {
      await far.close();
    }
  });
});
