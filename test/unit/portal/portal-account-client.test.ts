// The portal's account client over real HTTP on loopback (a small fastify standing in for
// the network path): the CSRF header on writes only, an Idempotency-Key when asked,
// coded errors as values, 401 ends the session, and no path outside /api/v1 is ever sent.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssaCallError } from '../../../renderer/src/pages/account/account-client';
import { portalAccountClient, readCookie } from '../../../renderer/portal/portal-account-client';

let app: FastifyInstance;
let base = '';
const seen: Array<{ method: string; url: string; csrf?: string; key?: string; body?: unknown }> = [];

beforeAll(async () => {
  app = Fastify();
  app.all('/api/v1/*', async (req, reply) => {
    seen.push({ method: req.method, url: req.url, csrf: req.headers['x-csrf-token'] as string | undefined, key: req.headers['idempotency-key'] as string | undefined, body: req.body });
    if (req.url.startsWith('/api/v1/account')) return { number: '441234568' };
    if (req.url.startsWith('/api/v1/gone')) return reply.code(401).send({ error: { code: 'not_logged_in', message: 'Log in first.' } });
    if (req.url.startsWith('/api/v1/bad')) return reply.code(400).send({ error: { code: 'invalid_number', message: 'No.', field: 'number' } });
    if (req.url.startsWith('/api/v1/plain')) return reply.code(502).type('text/html').send('<h1>Bad gateway</h1>');
    if (req.url.startsWith('/api/v1/details.csv')) return reply.type('text/csv').send('a,b\n1,2\n');
    if (req.method === 'DELETE') return reply.code(204).send();
    return { ok: true };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
});
afterAll(() => app.close());

const client = (over: Parameters<typeof portalAccountClient>[0] = {}) =>
  portalAccountClient({ fetch: (input, init) => fetch(`${base}${String(input)}`, init), cookies: () => 'other=1; assa_csrf=tok%2Fen; x=2', newKey: () => 'key-12345678', ...over });

describe('the portal account client', () => {
  it('reads one cookie among many', () => {
    expect(readCookie('a=1; assa_csrf=abc; b=2', 'assa_csrf')).toBe('abc');
    expect(readCookie('a=1', 'assa_csrf')).toBeNull();
  });

  it('GETs with the query and no CSRF header; writes carry the CSRF cookie in X-CSRF-Token', async () => {
    seen.length = 0;
    const c = client();
    expect(await c.request('GET', '/api/v1/account', undefined, { query: { number: '441234568' } })).toEqual({ number: '441234568' });
    await c.request('POST', '/api/v1/money/topups/voucher', { code: '1' }, { idempotent: true });
    await c.request('PUT', '/api/v1/security/email', { email: 'a@b.c' });
    expect(await c.request('DELETE', '/api/v1/sessions/current')).toBeNull();
    expect(seen.map((s) => [s.method, s.url, s.csrf ?? null, s.key ?? null])).toEqual([
      ['GET', '/api/v1/account?number=441234568', null, null],
      ['POST', '/api/v1/money/topups/voucher', 'tok/en', 'key-12345678'],
      ['PUT', '/api/v1/security/email', 'tok/en', null],
      ['DELETE', '/api/v1/sessions/current', 'tok/en', null],
    ]);
    expect(seen[1]?.body).toEqual({ code: '1' });
  });

  it('over HTTPS reads the __Host- prefixed CSRF cookie', async () => {
    seen.length = 0;
    await client({ cookies: () => '__Host-assa_csrf=secure1; other=2' }).request('PUT', '/api/v1/security/email', { email: 'a@b.c' });
    expect(seen[0]?.csrf).toBe('secure1');
  });

  it('gives coded errors as values, with the field; a body without one still gets a code', async () => {
    const e = await client().request('POST', '/api/v1/bad', {}).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AssaCallError);
    expect((e as AssaCallError).status).toBe(400);
    expect((e as AssaCallError).error).toEqual({ code: 'invalid_number', message: 'No.', field: 'number' });
    const p = await client().request('GET', '/api/v1/plain').catch((x: unknown) => x);
    expect((p as AssaCallError).code).toBe('http_502');
  });

  it('returns text for CSV', async () => {
    expect(await client().request('GET', '/api/v1/details.csv')).toBe('a,b\n1,2\n');
  });

  it('tells the portal when the session ended', async () => {
    let ended = 0;
    const e = await client({ onSessionEnded: () => ended++ }).request('GET', '/api/v1/gone').catch((x: unknown) => x);
    expect((e as AssaCallError).code).toBe('not_logged_in');
    expect(ended).toBe(1);
  });

  it('refuses any path outside /api/v1 before sending it', async () => {
    seen.length = 0;
    for (const p of ['/bridge/call', 'https://evil.example/api/v1/account', '/api/v1/../bridge/call', '//evil.example/api/v1/x']) {
      const e = await client().request('GET', p).catch((x: unknown) => x);
      expect((e as AssaCallError).code, p).toBe('not_api_path');
    }
    expect(seen).toEqual([]);
  });

  it('an unreachable server is a coded error, not a crash', async () => {
    const e = await portalAccountClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')), cookies: () => '' })
      .request('GET', '/api/v1/account')
      .catch((x: unknown) => x);
    expect((e as AssaCallError).code).toBe('network_unreachable');
  });
});
