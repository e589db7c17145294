// The authorization matrix of the operator API over real HTTP: every route of the OpenAPI
// document under /api/v1/operator × no session, a subscriber's session, an operator still
// on the one-time password, and each role. The expected cell comes from the roles table
// (src/assa/operator/roles.ts); a route missing from this table fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { may, ROLES, type Permission } from '../../../src/assa/operator/roles';
import { request } from '../assa/assa-harness';
import { OperatorClient, startOperatorHarness, subscriberSession, type OperatorHarness } from './operator-harness';

type Rule = Permission | 'public' | 'session';
interface Case {
  rule: Rule;
  path?: string;
  body?: unknown;
}
const texts = { uk: { name: 'М', description: '' }, ru: { name: 'М', description: '' }, en: { name: 'M', description: '' } };
const ROUTES: Record<string, Case> = {
  'POST /sessions': { rule: 'public' },
  'DELETE /sessions/current': { rule: 'public' },
  'GET /me': { rule: 'session' },
  'PUT /password': { rule: 'session', body: { oldPassword: 'not-the-password-1', newPassword: 'Whatever-2026-x' } },
  'GET /operators': { rule: 'operators.manage' },
  'POST /operators': { rule: 'operators.manage', body: { login: 'matrix-op', role: 'support' } },
  'PUT /operators/{login}': { rule: 'operators.manage', path: '/operators/nobody-here', body: {} },
  'GET /subscribers': { rule: 'subscribers.read', path: '/subscribers?q=44' },
  'POST /subscribers': { rule: 'subscribers.write', body: { number: '441234567', accountNumber: '1000441234', ownerName: 'Olena', tariffId: 'freedom-of-speech' } },
  'POST /subscribers/import': { rule: 'subscribers.write', body: 'number,accountNumber,ownerName,tariffId\n' },
  'GET /subscribers/{number}': { rule: 'subscribers.read', path: '/subscribers/441234567' },
  'PUT /subscribers/{number}/status': { rule: 'subscribers.write', path: '/subscribers/445559999/status', body: { status: 'suspended', reason: 'matrix' } },
  'PUT /subscribers/{number}/owner': { rule: 'subscribers.write', path: '/subscribers/445559999/owner', body: { ownerName: 'Matrix', reason: 'matrix' } },
  'PUT /subscribers/{number}/number': { rule: 'subscribers.write', path: '/subscribers/445559999/number', body: { newNumber: '445559998', reason: 'matrix' } },
  'POST /logins/{number}/unlock': { rule: 'logins.unlock', path: '/logins/445559999/unlock', body: {} },
  'GET /tariffs': { rule: 'catalogue.read' },
  'POST /tariffs': { rule: 'catalogue.write', body: { id: 'freedom-of-speech', monthlyFee: 1, texts } },
  'PUT /tariffs/{id}': { rule: 'catalogue.write', path: '/tariffs/none', body: {} },
  'GET /services': { rule: 'catalogue.read' },
  'POST /services': { rule: 'catalogue.write', body: { id: 'caller-id', monthlyFee: 1, texts } },
  'PUT /services/{id}': { rule: 'catalogue.write', path: '/services/none', body: {} },
  'POST /vouchers': { rule: 'vouchers.issue', body: { count: 1, amount: 1000 } },
  'GET /vouchers': { rule: 'vouchers.issue' },
  'POST /adjustments': { rule: 'adjustments.make', body: { number: '441234568', amount: 1, reason: 'matrix' } },
  'POST /billing/month-start': { rule: 'billing.run', body: { month: '2026-11' } },
  'GET /billing/runs': { rule: 'billing.read' },
  'GET /billing/reconciliation': { rule: 'billing.read' },
  'GET /groups': { rule: 'groups.read' },
  'POST /groups': { rule: 'groups.write', body: { name: 'Matrix', curator: '445559999' } },
  'GET /groups/{id}': { rule: 'groups.read', path: '/groups/g-none' },
  'POST /groups/{id}/members': { rule: 'groups.write', path: '/groups/g-none/members', body: { number: '441234567' } },
  'DELETE /groups/{id}/members/{number}': { rule: 'groups.write', path: '/groups/g-none/members/441234567' },
  'GET /tickets': { rule: 'helpdesk.read' },
  'GET /callbacks': { rule: 'helpdesk.read' },
  'POST /tickets/{id}/answer': { rule: 'helpdesk.answer', path: '/tickets/999999/answer', body: { text: 'x' } },
  'GET /audit': { rule: 'audit.read' },
  'GET /money-audit': { rule: 'audit.read' },
  'PUT /clock': { rule: 'clock.set', body: { now: '2026-11-17T10:00:00.000Z' } },
};
const AUTH_CODES = new Set(['not_logged_in', 'forbidden_role', 'password_change_required', 'csrf_failed']);

describe('operator API authorization matrix', () => {
  let h: OperatorHarness;
  let routes: Array<[string, Case]>;
  beforeAll(async () => {
    h = await startOperatorHarness();
    const doc = (await request(h.assa.url, 'GET', '/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/v1/operator/'))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.slice('/api/v1/operator'.length)}`))
      .map((k) => [k, ROUTES[k]!] as [string, Case]);
  });
  afterAll(async () => h?.close());

  const call = (c: OperatorClient, key: string, x: Case) => {
    const [method, p] = key.split(' ') as [string, string];
    return c.op(method, x.path ?? p, x.body ?? (method === 'GET' || method === 'DELETE' ? undefined : {}));
  };

  it('every route in the OpenAPI document is in the matrix, and every matrix row is a route', () => {
    const keys = routes.map(([k]) => k).sort();
    expect(routes.filter(([, c]) => !c).map(([k]) => k)).toEqual([]);
    expect(keys).toEqual(Object.keys(ROUTES).sort());
  });

  it('without a session: 401 on every route but logging in and out', async () => {
    for (const [key, x] of routes) {
      if (x.rule === 'public') continue;
      const r = await call(new OperatorClient(h.assa.url), key, x);
      expect([key, r.status, r.body?.error?.code]).toEqual([key, 401, 'not_logged_in']);
    }
  });

  it('with a subscriber’s session (cookie and CSRF header): 401 on every route', async () => {
    const sub = await subscriberSession(h, '441234567');
    for (const [key, x] of routes) {
      if (x.rule === 'public') continue;
      const [method, p] = key.split(' ') as [string, string];
      const r = await sub.call(method, `/api/v1/operator${x.path ?? p}`, x.body ?? (method === 'GET' || method === 'DELETE' ? undefined : {}));
      expect([key, r.status]).toEqual([key, 401]);
    }
  });

  it('on the one-time password: 403 password_change_required everywhere but me, password and log out', async () => {
    const { client, oneTime } = await h.newOperator('fresh-admin', 'admin');
    await client.op('POST', '/sessions', { login: 'fresh-admin', password: oneTime });
    for (const [key, x] of routes) {
      if (x.rule === 'public') continue;
      const r = await call(client, key, x);
      if (x.rule === 'session') expect([key, AUTH_CODES.has(r.body?.error?.code)]).toEqual([key, false]);
      else expect([key, r.status, r.body?.error?.code]).toEqual([key, 403, 'password_change_required']);
    }
  });

  for (const role of ROLES) {
    it(`${role}: reaches exactly the routes its role allows`, async () => {
      for (const [key, x] of routes) {
        if (x.rule === 'public') continue;
        const allowed = x.rule === 'session' || may(role, x.rule);
        const r = await call(h.as[role], key, x);
        if (allowed) expect([key, r.status < 500, AUTH_CODES.has(r.body?.error?.code)]).toEqual([key, true, false]);
        else expect([key, r.status, r.body?.error?.code]).toEqual([key, 403, 'forbidden_role']);
      }
    });
  }
});
