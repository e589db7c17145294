// Every account endpoint called without a session, as another subscriber, as a curator
// of each level, and after revocation: nothing leaks, nothing changes that should not.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { Client, request, startHarness, type Harness, registerNumbers, TWO_SUBSCRIBERS } from './assa-harness';

let h: Harness;
let owner: Client;
let other: Client;
beforeAll(async () => {
  h = await startHarness();
  await registerNumbers(h.assa.url, TWO_SUBSCRIBERS);
  owner = new Client(h.assa.url);
  other = new Client(h.assa.url);
  await owner.login('441234567', 'Kvitka2026');
  await other.login('441234568', 'Kvitka2026');
});
afterAll(async () => h.close());

const OWN_ONLY: Array<[string, string, unknown?]> = [
  ['GET', '/api/v1/security/logins'],
  ['GET', '/api/v1/security/protected'],
  ['PUT', '/api/v1/security/protected', { sections: [] }],
  ['POST', '/api/v1/security/protected/unlock', { runa: '100003' }],
  ['DELETE', '/api/v1/security/protected/unlock'],
  ['PUT', '/api/v1/security/email', { email: 'x@example.com', password: 'Kvitka2026' }],
  ['PUT', '/api/v1/security/password', { oldPassword: 'Kvitka2026', newPassword: 'Other2027x' }],
  ['GET', '/api/v1/security/curators'],
  ['POST', '/api/v1/security/curators', { number: '449999999', level: 'manage' }],
];

describe('authorization matrix', () => {
  it('without a session every account endpoint answers 401 and tells nothing', async () => {
    const anon = new Client(h.assa.url);
    for (const [m, p, b] of [['GET', '/api/v1/account'], ...OWN_ONLY] as Array<[string, string, unknown?]>) {
      const r = await anon.call(m, p, b);
      expect(r.status, `${m} ${p}`).toBe(401);
      expect(JSON.stringify(r.body)).not.toMatch(/441234567|Olena|balance/);
    }
  });

  it('another subscriber cannot read or act on this number (?number= is refused without curatorship)', async () => {
    const r = await other.call('GET', '/api/v1/account?number=441234567');
    expect(r.status).toBe(403);
    expect(JSON.stringify(r.body)).not.toMatch(/Olena|2900/);
    for (const [m, p, b] of OWN_ONLY) {
      const res = await other.call(m, `${p}?number=441234567`, b);
      expect(res.status, `${m} ${p}`).toBe(403);
      expect(JSON.stringify(res.body), `${m} ${p}`).not.toMatch(/Olena|2900|@/);
    }
    expect((await h.assa.ctx.store.account('441234567'))!.email).toBeNull();
  });

  it('a view curator sees the account but cannot change it; manage can act; security stays the owner\'s; revocation is immediate', async () => {
    expect((await owner.call('POST', '/api/v1/security/curators', { number: '441234568', level: 'view' })).status).toBe(200);
    const seen = await other.call('GET', '/api/v1/account?number=441234567');
    expect(seen).toMatchObject({ status: 200, body: { number: '441234567', actingAs: 'curator-view' } });
    // Security belongs to the owner alone, whatever the level.
    expect((await other.call('GET', '/api/v1/security/logins?number=441234567')).status).toBe(403);
    expect((await owner.call('POST', '/api/v1/security/curators', { number: '441234568', level: 'manage' })).status).toBe(200);
    expect((await other.call('GET', '/api/v1/account?number=441234567')).body.actingAs).toBe('curator-manage');
    expect((await other.call('GET', '/api/v1/security/curators')).body.curating).toEqual([{ number: '441234567', level: 'manage' }]);
    for (const [m, p, b] of OWN_ONLY) expect((await other.call(m, `${p}?number=441234567`, b)).status, `manage curator ${m} ${p}`).toBe(403);
    expect((await owner.call('DELETE', '/api/v1/security/curators/441234568')).status).toBe(200);
    expect((await other.call('GET', '/api/v1/account?number=441234567')).status).toBe(403);
  });

  it('a stolen CSRF-less write from another page fails even with the cookie', async () => {
    const r = await request(h.assa.url, 'PUT', '/api/v1/security/protected', { body: { sections: ['security'] }, cookie: `assa_session=${owner.cookies.get('assa_session')}` });
    expect(r.body.error.code).toBe('csrf_failed');
  });
});
