// Finding 1 (second request of the takeover) and finding 2 (unlock answered
// not_registered): unlock only unlocks a LOCKED login; otherwise it says so and changes
// nothing; and before a valid RUNA it tells nothing about the number.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, networkSms, request, startHarness, type Harness } from '../integration/assa/assa-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await networkSms(h.assa.url, '441234567', '123456');
  expect((await request(h.assa.url, 'POST', '/api/v1/registrations', { body: { number: '441234567', password: 'Kvitka2026', email: 'olena@example.com', runa: '123456' } })).status).toBe(201);
});
afterEach(async () => h.close());

const unlock = (number: string, runa: string, newPassword = 'Taken2026x') => request(h.assa.url, 'POST', '/api/v1/sessions/unlock', { body: { number, runa, newPassword } });

describe('unlock only unlocks a locked login', () => {
  it('with a valid RUNA on a login that is NOT locked: 409 not_locked, the password is unchanged, the RUNA stays usable', async () => {
    await networkSms(h.assa.url, '441234567', '555666');
    const r = await unlock('441234567', '555666');
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('not_locked');
    expect((await new Client(h.assa.url).login('441234567', 'Kvitka2026')).status).toBe(200);
    expect((await new Client(h.assa.url).login('441234567', 'Taken2026x')).status).toBe(401);
    // Nothing changed: the owner's RUNA still opens a protected section.
    const c = new Client(h.assa.url);
    await c.login('441234567', 'Kvitka2026');
    expect((await c.call('POST', '/api/v1/security/protected/unlock', { runa: '555666' })).status).toBe(200);
  });

  it('a locked login is unlocked by the RUNA and the new password; every session of the number ends', async () => {
    const kept = new Client(h.assa.url);
    await kept.login('441234567', 'Kvitka2026');
    for (let i = 0; i < 10; i++) await request(h.assa.url, 'POST', '/api/v1/sessions', { body: { number: '441234567', password: `Wrong${i}xx` } });
    // A lock does not end the sessions the owner already has open.
    expect((await kept.call('GET', '/api/v1/account')).status).toBe(200);
    await networkSms(h.assa.url, '441234567', '777888');
    expect((await unlock('441234567', '777888', 'Nova2026x')).status).toBe(200);
    expect((await kept.call('GET', '/api/v1/account')).status).toBe(401);
    expect((await new Client(h.assa.url).login('441234567', 'Nova2026x')).status).toBe(200);
  });

  it('without a valid RUNA a registered and an unregistered number get the same answer (no not_registered oracle)', async () => {
    const reg = await unlock('441234567', '000000');
    const unk = await unlock('441234568', '000000');
    expect(reg.status).toBe(403);
    expect(unk.status).toBe(403);
    expect(unk.body).toEqual(reg.body);
  });
});
