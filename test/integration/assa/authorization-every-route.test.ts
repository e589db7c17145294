// The authorization matrix over EVERY route in the OpenAPI document (part 1 and part 2
// alike, so a new route cannot slip past): without a session, as another subscriber
// aiming at the owner's number, as a view curator writing, and after revocation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, request, startHarness, type Harness, registerNumbers, TWO_SUBSCRIBERS } from './assa-harness';

let h: Harness;
let owner: Client;
let other: Client;
let routes: Array<{ method: string; path: string }>;

/** Routes anyone may call: proving ownership, logging in, recovery, the network side, public help. */
const PUBLIC = new Set([
  'GET /api/v1/whoami',
  'POST /api/v1/registrations',
  'POST /api/v1/sessions',
  'POST /api/v1/sessions/unlock',
  'POST /api/v1/password-recovery',
  // The mailed recovery link: its page, and its confirmation (the single-use token is the proof).
  'GET /api/v1/password-recovery/confirm',
  'POST /api/v1/password-recovery/confirm',
  'POST /api/v1/network/events',
  'GET /api/v1/help/unsupported',
  'GET /api/v1/help/contacts',
  'GET /api/v1/catalogue/texts',
  // The catalogue's words in uk/ru/en: the same for everyone (U-I18N-1).
  'GET /api/v1/catalogue/texts',
  // Logout acts on the caller's own cookie only (204 even without one); its own test covers it.
  'DELETE /api/v1/sessions/current',
  // A corporate member accepting the curator's invitation (A-REG-5: the token is the proof).
  'POST /api/v1/registrations/invitation',
]);
const PARAMS: Record<string, string> = { paymentId: 'p1', curator: '441234568', number: '441234569', id: 'caller-id', month: '2026-10' };
/** Path parameters filled in; GETs also get a period, so a period-taking route reaches its auth check. */
const PERIOD = 'kind=calls&from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z';
const fill = (p: string, method: string) => p.replace(/\{(\w+)\}/g, (_m, k: string) => PARAMS[k] ?? 'x') + (method === 'GET' ? `?${PERIOD}` : '');
const withNumber = (p: string) => `${p}${p.includes('?') ? '&' : '?'}number=441234567`;
/** What must never show up in an answer to someone who is not the owner. */
const OWNER_DATA = /Olena|olena@|2900|"balance"/;

beforeAll(async () => {
  h = await startHarness();
  await registerNumbers(h.assa.url, [
    { ...TWO_SUBSCRIBERS[0], email: 'olena@example.com' },
    { ...TWO_SUBSCRIBERS[1], email: 'petro@example.com' },
  ]);
  owner = new Client(h.assa.url);
  other = new Client(h.assa.url);
  await owner.login('441234567', 'Kvitka2026');
  await other.login('441234568', 'Kvitka2026');
  const doc = (await request(h.assa.url, 'GET', '/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  // The operator routes are not the subscribers': they have their own matrix (every role,
  // a subscriber's session, none) in test/integration/operator/operator-authorization-matrix.test.ts.
  routes = Object.entries(doc.paths).filter(([path]) => !path.startsWith('/api/v1/operator/')).flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path: fill(path, m.toUpperCase()) })));
});
afterAll(async () => h.close());

const isPrivate = (r: { method: string; path: string }) => !PUBLIC.has(`${r.method} ${r.path.split('?')[0]}`);

describe('authorization matrix over every route', () => {
  it('the OpenAPI document lists the routes (the matrix below is not empty)', () => {
    expect(routes.filter(isPrivate).length).toBeGreaterThan(25);
  });

  it('without a session every non-public route answers 401 and shows nothing', async () => {
    const anon = new Client(h.assa.url);
    for (const r of routes.filter(isPrivate)) {
      const res = await anon.call(r.method, r.path, r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      expect([400, 401], `${r.method} ${r.path} → ${res.status}`).toContain(res.status);
      expect(JSON.stringify(res.body), `${r.method} ${r.path}`).not.toMatch(OWNER_DATA);
    }
  });

  it('another subscriber aiming any route at the owner\'s number is refused and sees nothing', async () => {
    for (const r of routes.filter(isPrivate)) {
      const res = await other.call(r.method, withNumber(r.path), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      if (r.method === 'GET') expect(res.status, `${r.method} ${r.path} → ${res.status}`).toBe(403);
      else expect([400, 403], `${r.method} ${r.path} → ${res.status}`).toContain(res.status);
      expect(JSON.stringify(res.body), `${r.method} ${r.path}`).not.toMatch(OWNER_DATA);
    }
  });

  it('a view curator may read but every write aimed at the owner is refused; after revocation nothing is readable', async () => {
    expect((await owner.call('POST', '/api/v1/security/curators', { number: '441234568', level: 'view' })).status).toBe(200);
    for (const r of routes.filter(isPrivate).filter((x) => x.method !== 'GET')) {
      const res = await other.call(r.method, withNumber(r.path), r.method === 'DELETE' ? undefined : {});
      expect([400, 403], `${r.method} ${r.path} → ${res.status}`).toContain(res.status);
    }
    expect((await owner.call('DELETE', '/api/v1/security/curators/441234568')).status).toBe(200);
    for (const r of routes.filter(isPrivate).filter((x) => x.method === 'GET')) {
      const res = await other.call(r.method, withNumber(r.path));
      expect(res.status, `${r.method} ${r.path} → ${res.status}`).toBe(403);
      expect(JSON.stringify(res.body), `${r.method} ${r.path}`).not.toMatch(OWNER_DATA);
    }
  });
});
