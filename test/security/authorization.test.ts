// Finding 4 and the auth structure: curators (manage level, and group curators) never move
// money out of the curated number; authentication is a hook on the subscriber plugin, so
// every route is protected unless it opts out (checked over the OpenAPI document: the
// public set is exactly the routes that must be public); services never import http/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, request, startHarness, type Harness, registerNumbers, TWO_SUBSCRIBERS } from '../integration/assa/assa-harness';

let h: Harness;
let owner: Client;
let curator: Client;
beforeAll(async () => {
  h = await startHarness();
  await registerNumbers(h.assa.url, TWO_SUBSCRIBERS);
  owner = new Client(h.assa.url);
  curator = new Client(h.assa.url);
  await owner.login('441234568', 'Kvitka2026');
  await curator.login('441234567', 'Kvitka2026');
});
afterAll(async () => h.close());

const balance = async (c: Client, n?: string) => (await c.call('GET', `/api/v1/account${n ? `?number=${n}` : ''}`)).body.balance as number;

describe('curators never move money out of the curated number', () => {
  it('a manage-level curator gets 403 on POST /money/transfers?number=<curated> to himself; nothing moves', async () => {
    expect((await owner.call('POST', '/api/v1/security/curators', { number: '441234567', level: 'manage' })).status).toBe(200);
    const before = await balance(owner);
    const r = await curator.call('POST', '/api/v1/money/transfers?number=441234568', { to: '441234567', amount: 5000 }, { 'idempotency-key': 'steal-0001' });
    expect(r.status).toBe(403);
    expect(await balance(owner)).toBe(before);
    // What A-SEC-7 manage level does give still works: reading the curated account.
    expect(await balance(curator, '441234568')).toBe(before);
  });

  it('a group curator gets the same 403', async () => {
    await h.assa.ctx.store.groups.addGroup('g1', 'Family', '441234567', ['441234568']);
    await owner.call('DELETE', '/api/v1/security/curators/441234567');
    const before = await balance(owner);
    const r = await curator.call('POST', '/api/v1/money/transfers?number=441234568', { to: '441234567', amount: 5000 }, { 'idempotency-key': 'steal-0002' });
    expect(r.status).toBe(403);
    expect(await balance(owner)).toBe(before);
  });

  it('naming and revoking the curator are in the security audit table', async () => {
    const e = (await h.assa.ctx.store.security.events({ number: '441234568' })).filter((x) => x.event.startsWith('curator_'));
    expect(e.map((x) => [x.event, x.details.curator])).toEqual([
      ['curator_removed', '441234567'],
      ['curator_added', '441234567'],
    ]);
    expect(e[1]!.details.level).toBe('manage');
  });

  it('the owner still transfers from the own number', async () => {
    const r = await owner.call('POST', '/api/v1/money/transfers', { to: '441234567', amount: 1000 }, { 'idempotency-key': 'own-00001' });
    expect(r.status).toBe(200);
  });
});

describe('authentication is a hook: every route is protected unless it opts out', () => {
  const PUBLIC = [
    'GET /api/v1/whoami',
    'POST /api/v1/registrations',
    'POST /api/v1/registrations/invitation',
    'POST /api/v1/sessions',
    'DELETE /api/v1/sessions/current',
    'POST /api/v1/sessions/unlock',
    'POST /api/v1/password-recovery',
    'GET /api/v1/password-recovery/confirm',
    'POST /api/v1/password-recovery/confirm',
    'POST /api/v1/network/events',
    'GET /api/v1/help/unsupported',
    'GET /api/v1/help/contacts',
    'GET /api/v1/catalogue/texts',
  ];
  it('without a session exactly the public subscriber routes answer something other than 401', async () => {
    const doc = (await request(h.assa.url, 'GET', '/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const open: string[] = [];
    for (const [p, ops] of Object.entries(doc.paths)) {
      if (p.startsWith('/api/v1/operator')) continue; // the operator plugin has its own sessions
      for (const m of Object.keys(ops)) {
        const url = p.replace(/\{(\w+)\}/g, '441234568');
        const r = await request(h.assa.url, m.toUpperCase(), url, { headers: { connection: 'close' }, ...(m === 'get' || m === 'delete' ? {} : { body: {} }) });
        if (r.status !== 401) open.push(`${m.toUpperCase()} ${p} ${r.status}`);
      }
    }
    expect(open.map((o) => o.replace(/ \d+$/, '')).sort()).toEqual([...PUBLIC].sort());
  });

  it('a route added to the subscriber plugin later is protected without a line of auth code', async () => {
    // The plugin structure itself: the hook sits on the encapsulated plugin, routes opt out by config.
    const src = readFileSync(path.resolve(import.meta.dirname, '../../src/assa/http/build-server.ts'), 'utf8');
    expect(src).toMatch(/api\.addHook\('onRequest', authenticate\(ctx\)\)/);
  });

  it('ASSA services never import the HTTP layer', () => {
    const dir = path.resolve(import.meta.dirname, '../../src/assa/services');
    const bad = readdirSync(dir).filter((f) => /from '\.\.\/http\//.test(readFileSync(path.join(dir, f), 'utf8')));
    expect(bad).toEqual([]);
  });
});
