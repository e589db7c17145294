// Finding 8: security headers on every answer, no-store on authenticated ones, TLS with
// Secure __Host- cookies, an allowed Host list, and a repeated ?number= that is a 400.
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, networkSms, request, startHarness, type Harness, type Res } from '../integration/assa/assa-harness';
import { selfSignedCert, startServerProcess, type ServerProcess } from './server-process';

let h: Harness;
let owner: Client;
beforeAll(async () => {
  h = await startHarness();
  await networkSms(h.assa.url, '441234567', '123456');
  expect((await request(h.assa.url, 'POST', '/api/v1/registrations', { body: { number: '441234567', password: 'Kvitka2026', runa: '123456' } })).status).toBe(201);
  owner = new Client(h.assa.url);
  expect((await owner.login('441234567', 'Kvitka2026')).status).toBe(200);
});
afterAll(async () => h.close());

function expectHardened(r: Res) {
  expect(r.headers['x-content-type-options']).toBe('nosniff');
  expect(String(r.headers['content-security-policy'])).toMatch(/frame-ancestors 'none'/);
  expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(r.headers['referrer-policy']).toBe('no-referrer');
  expect(r.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
}

describe('security headers', () => {
  it('every kind of answer carries them: 200, 201, 400, 401, 404, /health', async () => {
    const answers = [
      await owner.call('GET', '/api/v1/account'),
      await request(h.assa.url, 'GET', '/api/v1/account'),
      await request(h.assa.url, 'GET', '/api/v1/no-such-route'),
      await request(h.assa.url, 'POST', '/api/v1/sessions', { body: { number: 'x' } }),
      await request(h.assa.url, 'GET', '/api/v1/openapi.json'),
      await request(h.assa.url, 'GET', '/health'),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 401, 404, 400, 200, 200]);
    for (const a of answers) expectHardened(a);
  });

  it('authenticated answers (and the login answer that sets the cookie) are Cache-Control: no-store', async () => {
    expect((await owner.call('GET', '/api/v1/account')).headers['cache-control']).toBe('no-store');
    expect((await owner.call('GET', '/api/v1/security/logins')).headers['cache-control']).toBe('no-store');
    const c = new Client(h.assa.url);
    expect((await c.login('441234567', 'Kvitka2026')).headers['cache-control']).toBe('no-store');
  });

  it('each request gets its own id', async () => {
    const a = await request(h.assa.url, 'GET', '/health');
    const b = await request(h.assa.url, 'GET', '/health', { headers: { 'x-request-id': 'forged-by-client' } });
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    expect(b.headers['x-request-id']).not.toBe('forged-by-client');
  });
});

describe('one value per query parameter', () => {
  it('a repeated ?number= is 400 repeated_parameter (was 500), for owner and curator routes alike', async () => {
    for (const p of ['/api/v1/account?number=441234567&number=441234568', '/api/v1/security/logins?number=441234567&number=441234567']) {
      const r = await owner.call('GET', p);
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'repeated_parameter', field: 'number' });
    }
    const anon = await request(h.assa.url, 'GET', '/api/v1/whoami?number=1&number=2');
    expect(anon.status).toBe(400);
  });
});

describe('allowed Host list', () => {
  it('a loopback server answers only loopback names (DNS rebinding), by default', async () => {
    expect((await request(h.assa.url, 'GET', '/health', { headers: { host: 'evil.example' } })).status).toBe(421);
    expect((await request(h.assa.url, 'GET', '/api/v1/account', { headers: { host: 'rebind.attacker.net:8750' } })).body.error.code).toBe('host_not_allowed');
    expect((await request(h.assa.url, 'GET', '/health', { headers: { host: `localhost:${h.assa.port}` } })).status).toBe(200);
    expect((await request(h.assa.url, 'GET', '/health', { headers: { host: `127.0.0.1:${h.assa.port}` } })).status).toBe(200);
  });
});

describe('HTTPS (--tls-cert/--tls-key) and --allowed-hosts on a real assa server', () => {
  let s: ServerProcess;
  let ca: Buffer;
  beforeAll(async () => {
    const dir = (await import('node:fs')).mkdtempSync((await import('node:path')).join((await import('node:os')).tmpdir(), 'assa-tls-'));
    const { cert, key } = selfSignedCert(dir);
    ca = (await import('node:fs')).readFileSync(cert);
    s = await startServerProcess(['--demo', '--tls-cert', cert, '--tls-key', key, '--allowed-hosts', 'localhost,127.0.0.1', '--network-secret', 'tls-network-secret-000001', '--radius-secret', 'tls-radius-secret-0000001']);
  });
  afterAll(async () => s?.stop());

  const tlsCall = (method: string, p: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
      const r = https.request(new URL(p, s.url), { method, ca, servername: 'localhost', headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers } }, (res) => {
        let t = '';
        res.on('data', (c: Buffer) => (t += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: t ? JSON.parse(t) : null, headers: res.headers }));
      });
      r.on('error', reject);
      r.end(payload ?? undefined);
    });

  it('serves HTTPS; cookies are Secure and __Host- prefixed; HSTS is sent; a session works end to end', async () => {
    expect(s.url).toMatch(/^https:\/\//);
    await tlsCall('POST', '/api/v1/network/events', { type: 'sms', number: '441234567', to: '2772', text: '222333', at: new Date().toISOString() }, { 'x-assa-network-secret': 'tls-network-secret-000001' });
    expect((await tlsCall('POST', '/api/v1/registrations', { number: '441234567', password: 'Kvitka2026', runa: '222333' })).status).toBe(201);
    const login = await tlsCall('POST', '/api/v1/sessions', { number: '441234567', password: 'Kvitka2026' });
    expect(login.status).toBe(200);
    const set = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
    expect(set).toHaveLength(2);
    for (const c of set) {
      expect(c).toMatch(/^__Host-assa_(session|csrf)=/);
      expect(c).toMatch(/; Secure/i);
      expect(c).toMatch(/; Path=\//);
      expect(c).not.toMatch(/Domain=/i);
    }
    expect(String(login.headers['strict-transport-security'])).toMatch(/max-age=\d+/);
    const cookie = set.map((c) => c.split(';')[0]).join('; ');
    expect((await tlsCall('GET', '/api/v1/account', undefined, { cookie })).status).toBe(200);
    // The unprefixed name (which a sibling subdomain could plant) is not a session here.
    const token = set.find((c) => c.startsWith('__Host-assa_session='))!.split(';')[0]!.split('=')[1]!;
    expect((await tlsCall('GET', '/api/v1/account', undefined, { cookie: `assa_session=${token}` })).status).toBe(401);
  });

  it('--allowed-hosts: the listed names are answered, any other Host is 421', async () => {
    expect((await tlsCall('GET', '/health', undefined, { host: 'localhost' })).status).toBe(200);
    expect((await tlsCall('GET', '/health', undefined, { host: 'assa.attacker.example' })).status).toBe(421);
  });
});
