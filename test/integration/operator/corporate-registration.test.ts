// A-REG-5 over real HTTP: corporate numbers (created by the operator, put in a group)
// are registered by the group curator — a first password, or an e-mail invitation that
// works once within 72 hours — and never by self-registration.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVITATION_VALID_MS } from '../../../src/assa/services/corporate-registration';
import { Client, request } from '../assa/assa-harness';
import { startOperatorHarness, subscriberSession, type OperatorHarness } from './operator-harness';

describe('corporate numbers registered by their group curator (A-REG-5)', () => {
  let h: OperatorHarness;
  let curator: Client;
  beforeAll(async () => {
    h = await startOperatorHarness();
    const s = h.as.support;
    for (const n of ['445550801', '445550802', '445550803', '445550804']) expect((await s.op('POST', '/subscribers', { number: n, accountNumber: `20${n}`, ownerName: `Corp ${n}`, tariffId: '3g-lite', corporate: true })).status).toBe(201);
    const g = await s.op('POST', '/groups', { name: 'Kovalenko LLC', curator: '441234567' });
    for (const n of ['445550801', '445550802', '445550803', '445550804']) expect((await s.op('POST', `/groups/${g.body.id}/members`, { number: n })).status).toBe(201);
    curator = await subscriberSession(h, '441234567');
  });
  afterAll(async () => h?.close());
  // The newest .eml, its quoted-printable soft breaks undone.
  const invitationToken = () => /within 72 hours: (\S+)/.exec((h.outbox().at(-1) ?? '').replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, x: string) => String.fromCharCode(parseInt(x, 16))))?.[1] ?? '';

  it('a corporate number cannot register itself', async () => {
    const r = await request(h.assa.url, 'POST', '/api/v1/registrations', { body: { number: '445550801', password: 'Corp2027x' } });
    expect([r.status, r.body.error.code]).toEqual([403, 'corporate_number']);
  });

  it('the curator sets the first password; another subscriber may not', async () => {
    const other = await subscriberSession(h, '441234568', 'Taras2026x');
    expect((await other.call('POST', '/api/v1/group/members/445550801/registration', { password: 'Corp2027x' })).status).toBe(403);
    expect((await curator.call('POST', '/api/v1/group/members/445550801/registration', { password: 'abc' })).body.error.code).toBe('weak_password');
    expect((await curator.call('POST', '/api/v1/group/members/445550801/registration', { password: 'Corp2027x' })).status).toBe(201);
    expect((await curator.call('POST', '/api/v1/group/members/445550801/registration', { password: 'Corp2027x' })).body.error.code).toBe('already_registered');
    expect((await new Client(h.assa.url).login('445550801', 'Corp2027x')).status).toBe(200);
    expect((await curator.call('POST', '/api/v1/group/members/441234568/registration', { password: 'Corp2027x' })).status).toBe(403);
  });

  it('an invitation by e-mail works once', async () => {
    expect((await curator.call('POST', '/api/v1/group/members/445550802/invitation', { email: 'not-mail' })).status).toBe(400);
    expect((await curator.call('POST', '/api/v1/group/members/445550802/invitation', { email: 'ihor@kovalenko.example' })).status).toBe(201);
    const token = invitationToken();
    expect(token).not.toBe('');
    expect(JSON.stringify((await sql`SELECT * FROM registration_invitations`.execute(h.assa.ctx.store.db)).rows)).not.toContain(token);
    const accept = (t: string) => request(h.assa.url, 'POST', '/api/v1/registrations/invitation', { body: { token: t, password: 'Ihor2027xy' } });
    expect((await accept('wrong-token')).status).toBe(403);
    expect((await accept(token)).body).toEqual({ number: '445550802', registered: true });
    expect((await accept(token)).status).toBe(403);
    expect((await new Client(h.assa.url).login('445550802', 'Ihor2027xy')).status).toBe(200);
  });

  it('an invitation is good for 72 hours and not a millisecond more', async () => {
    const accept = (t: string) => request(h.assa.url, 'POST', '/api/v1/registrations/invitation', { body: { token: t, password: 'Late2027xy' } });
    await curator.call('POST', '/api/v1/group/members/445550803/invitation', { email: 'a@kovalenko.example' });
    const late = invitationToken();
    await curator.call('POST', '/api/v1/group/members/445550804/invitation', { email: 'b@kovalenko.example' });
    const inTime = invitationToken();
    h.clock.advance(INVITATION_VALID_MS);
    expect((await accept(inTime)).status).toBe(201);
    h.clock.advance(1);
    expect((await accept(late)).body.error.code).toBe('invitation_invalid');
  });
});
