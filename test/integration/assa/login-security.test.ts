// A-SEC-1..7 through real HTTP: cookies, CSRF, lockout and RUNA unlock, login history,
// protected sections, password/e-mail change with notices received by a real SMTP server,
// recovery that reveals nothing, curators; plus the KDF's production strength.
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STRONG_KDF } from '../../../src/assa/security/password-hash';
import { Client, networkSms, request, startHarness, type Harness } from './assa-harness';

let h: Harness;
let smtp: SMTPServer;
const inbox: Array<{ to: string; raw: string }> = [];

beforeEach(async () => {
  inbox.length = 0;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo) inbox.push({ to: r.address, raw });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  const port = (smtp.server.address() as { port: number }).port;
  h = await startHarness({ smtp: { host: '127.0.0.1', port } });
  await networkSms(h.assa.url, '441234567', '123456');
  expect((await request(h.assa.url, 'POST', '/api/v1/registrations', { body: { number: '441234567', password: 'Kvitka2026', email: 'olena@example.com', runa: '123456' } })).status).toBe(201);
});
afterEach(async () => {
  await h.close();
  await new Promise<void>((r) => smtp.close(() => r()));
});

async function mailTo(addr: string, match: RegExp, ms = 3000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const m = inbox.find((x) => x.to === addr && match.test(x.raw));
    if (m) return m.raw;
    if (Date.now() > end) throw new Error(`no mail to ${addr} matching ${match}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('A-SEC login and security', () => {
  it('A-SEC-1 logs in with an HttpOnly SameSite session cookie, rotates it, needs CSRF on writes, logs out', async () => {
    const c = new Client(h.assa.url);
    const r = await c.login('441234567', 'Kvitka2026');
    expect(r.status).toBe(200);
    const set = ([] as string[]).concat(r.headers['set-cookie'] ?? []);
    expect(set.find((s) => s.startsWith('assa_session='))).toMatch(/HttpOnly/i);
    expect(set.find((s) => s.startsWith('assa_session='))).toMatch(/SameSite=Strict/i);
    expect(r.body.csrfToken).toBe(c.csrf);
    const first = c.cookies.get('assa_session');
    await c.login('441234567', 'Kvitka2026');
    expect(c.cookies.get('assa_session')).not.toBe(first);
    expect((await c.call('GET', '/api/v1/account')).body).toMatchObject({ number: '441234567', accountNumber: '1000441234', status: 'active', balance: 2900, currency: 'UAH', tariff: { name: 'Freedom of Speech', monthlyFee: 3000 } });
    const noCsrf = await c.call('PUT', '/api/v1/security/email', { email: 'x@example.com' }, { 'x-csrf-token': 'forged' });
    expect(noCsrf.body.error.code).toBe('csrf_failed');
    expect((await c.call('DELETE', '/api/v1/sessions/current')).status).toBe(204);
    expect((await c.call('GET', '/api/v1/account')).status).toBe(401);
  });

  it('A-SEC-1 a session ends after 30 minutes without requests (injected clock)', async () => {
    const c = new Client(h.assa.url);
    await c.login('441234567', 'Kvitka2026');
    h.clock.advance(29 * 60_000);
    expect((await c.call('GET', '/api/v1/account')).status).toBe(200);
    h.clock.advance(31 * 60_000);
    expect((await c.call('GET', '/api/v1/account')).body.error.code).toBe('not_logged_in');
  });

  it('A-SEC-2 locks the login after the 10th wrong password, refuses even the right one unchecked, mails the owner, and unlocks with a RUNA and a new password', async () => {
    const c = new Client(h.assa.url);
    for (let i = 1; i <= 9; i++) expect((await c.login('441234567', `Wrong${i}pass`)).body.error.code).toBe('bad_credentials');
    expect((await c.login('441234567', 'Wrong10pass')).status).toBe(423);
    expect((await c.login('441234567', 'Kvitka2026')).body.error.code).toBe('login_locked');
    await mailTo('olena@example.com', /locked/);
    h.clock.advance(24 * 3600_000); // waiting alone never unlocks
    expect((await c.login('441234567', 'Kvitka2026')).status).toBe(423);
    const weakUnlock = await request(h.assa.url, 'POST', '/api/v1/sessions/unlock', { body: { number: '441234567', runa: '777777', newPassword: 'short' } });
    expect(weakUnlock.body.error.code).toBe('weak_password');
    expect((await request(h.assa.url, 'POST', '/api/v1/sessions/unlock', { body: { number: '441234567', runa: '777777', newPassword: 'Nova2027x' } })).body.error.code).toBe('runa_invalid');
    await networkSms(h.assa.url, '441234567', '777777');
    expect((await request(h.assa.url, 'POST', '/api/v1/sessions/unlock', { body: { number: '441234567', runa: '777777', newPassword: 'Nova2027x' } })).status).toBe(200);
    expect((await c.login('441234567', 'Nova2027x')).status).toBe(200);
    const history = (await c.call('GET', '/api/v1/security/logins')).body as Array<{ success: boolean; reason: string | null; ip: string }>;
    expect(history.filter((x) => x.reason === 'locked').length).toBe(2);
    expect(history.filter((x) => x.reason === 'bad_password').length).toBe(10);
    expect(history[0]).toMatchObject({ success: true, ip: '127.0.0.1' });
  });

  it('A-SEC-4 a protected section needs a RUNA activated within 10 minutes', async () => {
    const c = new Client(h.assa.url);
    await c.login('441234567', 'Kvitka2026');
    expect((await c.call('PUT', '/api/v1/security/protected', { sections: ['security', 'services'] })).status).toBe(200);
    expect((await c.call('GET', '/api/v1/security/logins')).body.error.code).toBe('section_protected');
    await networkSms(h.assa.url, '441234567', '246810');
    expect((await c.call('POST', '/api/v1/security/protected/unlock', { runa: '246810' })).status).toBe(200);
    expect((await c.call('GET', '/api/v1/security/logins')).status).toBe(200);
    h.clock.advance(11 * 60_000);
    expect((await c.call('GET', '/api/v1/security/logins')).status).toBe(403);
  });

  it('A-RUNA-3 leaving a protected section closes it: re-entering needs a new RUNA, the used one is refused', async () => {
    const c = new Client(h.assa.url);
    await c.login('441234567', 'Kvitka2026');
    expect((await c.call('PUT', '/api/v1/security/protected', { sections: ['security'] })).status).toBe(200);
    await networkSms(h.assa.url, '441234567', '135790');
    expect((await c.call('POST', '/api/v1/security/protected/unlock', { runa: '135790' })).status).toBe(200);
    expect((await c.call('GET', '/api/v1/security/logins')).status).toBe(200);
    expect((await c.call('DELETE', '/api/v1/security/protected/unlock')).status).toBe(200);
    expect((await c.call('GET', '/api/v1/security/logins')).body.error.code).toBe('section_protected');
    expect((await c.call('POST', '/api/v1/security/protected/unlock', { runa: '135790' })).body.error.code).toBe('runa_invalid');
  });

  it('A-SEC-5 password and e-mail change need the old password and send notices', async () => {
    const c = new Client(h.assa.url);
    await c.login('441234567', 'Kvitka2026');
    expect((await c.call('PUT', '/api/v1/security/password', { oldPassword: 'nope1234', newPassword: 'Nova2027x' })).status).toBe(403);
    expect((await c.call('PUT', '/api/v1/security/password', { oldPassword: 'Kvitka2026', newPassword: 'Nova2027x' })).status).toBe(200);
    await mailTo('olena@example.com', /password .*changed|changed/i);
    expect((await c.call('PUT', '/api/v1/security/email', { email: 'new@example.com', password: 'Nova2027x' })).status).toBe(200);
    await mailTo('olena@example.com', /new@example\.com/);
    await mailTo('new@example.com', /new@example\.com/);
  });

  it('A-SEC-6 recovery answers the same for known and unknown, and mails a link (then a working password) only on a match', async () => {
    const a = await request(h.assa.url, 'POST', '/api/v1/password-recovery', { body: { number: '441234567', email: 'olena@example.com' } });
    const b = await request(h.assa.url, 'POST', '/api/v1/password-recovery', { body: { number: '441234568', email: 'olena@example.com' } });
    const c2 = await request(h.assa.url, 'POST', '/api/v1/password-recovery', { body: { number: '441234567', email: 'stranger@example.com' } });
    expect([a.status, b.status, c2.status]).toEqual([202, 202, 202]);
    expect(b.body).toEqual(a.body);
    expect(c2.body).toEqual(a.body);
    const linkMail = await mailTo('olena@example.com', /Confirm your ASSA password recovery/);
    const token = /token=([A-Za-z0-9_-]+)/.exec(linkMail.replace(/=\r?\n/g, '').replace(/=3D/g, '='))![1]!;
    expect((await request(h.assa.url, 'POST', '/api/v1/password-recovery/confirm', { body: { token } })).status).toBe(200);
    const mail = await mailTo('olena@example.com', /new password for/i);
    const pw = /password for 441234567: ([A-Za-z0-9]+)/.exec(mail.replace(/=\r?\n/g, ''))?.[1];
    expect(pw).toBeDefined();
    expect((await new Client(h.assa.url).login('441234567', pw!)).status).toBe(200);
    expect(inbox.filter((m) => m.to === 'stranger@example.com')).toHaveLength(0);
  });

  it('A-SEC rate-limits logins per number, whichever address they come from', async () => {
    const limited = await startHarness({ config: { rateLimit: { global: 10_000, login: 5, registration: 100 } } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) codes.push((await request(limited.assa.url, 'POST', '/api/v1/sessions', { body: { number: '441234568', password: `Nope${i}pass` }, from: `127.0.0.${10 + i}` })).status);
      expect(codes.slice(0, 5).every((c) => c === 401)).toBe(true);
      const last = await request(limited.assa.url, 'POST', '/api/v1/sessions', { body: { number: '441234568', password: 'x1234567' } });
      expect(last.status).toBe(429);
      expect(last.body.error.code).toBe('rate_limited');
      expect((await request(limited.assa.url, 'POST', '/api/v1/sessions', { body: { number: '441234567', password: 'Nope9pass' } })).status).toBe(401);
    } finally {
      await limited.close();
    }
  });

  it('the production KDF is scrypt at OWASP strength (N=2^17, r=8)', () => {
    expect(STRONG_KDF).toEqual({ N: 131072, r: 8, p: 1 });
  });
});
