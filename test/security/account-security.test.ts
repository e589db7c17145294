// Findings 3 and 5 over real HTTP: a password change ends the owner's other sessions; an
// e-mail change needs the current password; recovery changes nothing until the single-use
// link mailed to the registered e-mail is followed (both sides of its 60-minute life);
// every one of these, and logins, locks and unlocks, lands in the security audit table.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, networkSms, request, startHarness, type Harness } from '../integration/assa/assa-harness';

/** The link's lifetime, written out (not imported) so that a change to the rule fails here. */
const LINK_TTL_MS = 60 * 60_000;
const NUMBER = '441234567';
const PASSWORD = 'Kvitka2026';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await networkSms(h.assa.url, NUMBER, '300001');
  expect((await request(h.assa.url, 'POST', '/api/v1/registrations', { body: { number: NUMBER, password: PASSWORD, email: 'olena@example.com', runa: '300001' } })).status).toBe(201);
});
afterAll(async () => h.close());

const loggedIn = async (password: string) => {
  const c = new Client(h.assa.url);
  expect((await c.login(NUMBER, password)).status).toBe(200);
  return c;
};
const alive = async (c: Client) => (await c.call('GET', '/api/v1/account')).status === 200;
const events = async () => (await h.assa.ctx.store.security.events({ number: NUMBER })).map((e) => e.event);

/** Waits for the newest outbox mail matching `re` that came after `count` mails. */
async function nextMail(count: number, re: RegExp): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const m = h.outbox().slice(count).map((x) => x.replace(/=\r?\n/g, '').replace(/=3D/g, '=')).find((x) => re.test(x));
    if (m) return m;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no mail matching ${re}`);
}
async function recoveryToken(): Promise<string> {
  const n = h.outbox().length;
  expect((await request(h.assa.url, 'POST', '/api/v1/password-recovery', { body: { number: NUMBER, email: 'olena@example.com' } })).status).toBe(202);
  const mail = await nextMail(n, /password-recovery\/confirm\?token=/);
  expect(mail).toMatch(/^To: olena@example\.com$/m);
  return /confirm\?token=([A-Za-z0-9_-]+)/.exec(mail)![1]!;
}
/** What the page's form sends, as a browser sends it. */
function postForm(p: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const r = http.request(new URL(p, h.assa.url), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    r.on('error', reject);
    r.end(body);
  });
}
const confirm = (token: string) => request(h.assa.url, 'POST', '/api/v1/password-recovery/confirm', { body: { token } });

describe('a password change ends every other session', () => {
  it('the session that changed it stays; the two others end; the old password no longer logs in', async () => {
    const [a, b, c] = [await loggedIn(PASSWORD), await loggedIn(PASSWORD), await loggedIn(PASSWORD)];
    const r = await a.call('PUT', '/api/v1/security/password', { oldPassword: PASSWORD, newPassword: 'Nova2027x' });
    expect(r.status).toBe(200);
    expect(r.body.endedSessions).toBe(2);
    expect(await alive(a)).toBe(true);
    expect(await alive(b)).toBe(false);
    expect(await alive(c)).toBe(false);
    expect((await new Client(h.assa.url).login(NUMBER, PASSWORD)).status).toBe(401);
    // A wrong current password changes nothing and ends nothing.
    const d = await loggedIn('Nova2027x');
    expect((await a.call('PUT', '/api/v1/security/password', { oldPassword: 'Wrong2027x', newPassword: 'Other2027x' })).status).toBe(403);
    expect(await alive(d)).toBe(true);
    expect((await a.call('PUT', '/api/v1/security/password', { oldPassword: 'Nova2027x', newPassword: PASSWORD })).status).toBe(200);
    expect(await events()).toContain('password_changed');
  });
});

describe('an e-mail change needs the current password', () => {
  it('without it 400, with a wrong one 403 and nothing changes; with it the e-mail changes and both addresses hear of it', async () => {
    const a = await loggedIn(PASSWORD);
    expect((await a.call('PUT', '/api/v1/security/email', { email: 'thief@example.com' })).status).toBe(400);
    const wrong = await a.call('PUT', '/api/v1/security/email', { email: 'thief@example.com', password: 'Wrong2027x' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toMatchObject({ code: 'bad_credentials', field: 'password' });
    expect((await h.assa.ctx.store.account(NUMBER))!.email).toBe('olena@example.com');
    const n = h.outbox().length;
    expect((await a.call('PUT', '/api/v1/security/email', { email: 'olena2@example.com', password: PASSWORD })).status).toBe(200);
    expect((await h.assa.ctx.store.account(NUMBER))!.email).toBe('olena2@example.com');
    await nextMail(n, /^To: olena@example\.com$/m);
    await nextMail(n, /^To: olena2@example\.com$/m);
    expect((await a.call('PUT', '/api/v1/security/email', { email: 'olena@example.com', password: PASSWORD })).status).toBe(200);
    expect(await events()).toEqual(expect.arrayContaining(['email_change_refused', 'email_changed']));
  });
});

describe('recovery by a single-use link', () => {
  it('asking changes nothing: the old password and the open sessions keep working; the link is mailed, not answered', async () => {
    const open = await loggedIn(PASSWORD);
    const r = await request(h.assa.url, 'POST', '/api/v1/password-recovery', { body: { number: NUMBER, email: 'olena@example.com' } });
    expect(JSON.stringify(r.body)).not.toMatch(/token/);
    await recoveryToken();
    expect((await new Client(h.assa.url).login(NUMBER, PASSWORD)).status).toBe(200);
    expect(await alive(open)).toBe(true);
  });

  it('the link sets a new password (mailed), ends every session, and works once', async () => {
    const open = await loggedIn(PASSWORD);
    const token = await recoveryToken();
    const n = h.outbox().length;
    const ok = await confirm(token);
    expect(ok.status).toBe(200);
    const mail = await nextMail(n, /new password for 441234567: [A-Za-z0-9]+/);
    const fresh = /new password for 441234567: ([A-Za-z0-9]+)/.exec(mail)![1]!;
    expect(await alive(open)).toBe(false);
    expect((await new Client(h.assa.url).login(NUMBER, PASSWORD)).status).toBe(401);
    expect((await new Client(h.assa.url).login(NUMBER, fresh)).status).toBe(200);
    const again = await confirm(token);
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('recovery_link_invalid');
    // Back to the known password for the tests after this one.
    const c = await loggedIn(fresh);
    expect((await c.call('PUT', '/api/v1/security/password', { oldPassword: fresh, newPassword: PASSWORD })).status).toBe(200);
  });

  it('works 60 minutes after it was sent, and not a millisecond later', async () => {
    const early = await recoveryToken();
    h.clock.advance(LINK_TTL_MS);
    expect((await confirm(early)).status).toBe(200);
    const late = await recoveryToken();
    h.clock.advance(LINK_TTL_MS + 1);
    const r = await confirm(late);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('recovery_link_invalid');
  });

  it('a newer request replaces the older link; a made-up token is refused the same way', async () => {
    const first = await recoveryToken();
    const second = await recoveryToken();
    expect((await confirm(first)).body.error.code).toBe('recovery_link_invalid');
    expect((await confirm('A'.repeat(43))).body.error.code).toBe('recovery_link_invalid');
    expect((await confirm(second)).status).toBe(200);
  });

  it('the mailed link opens a page that changes nothing until its button is pressed', async () => {
    const token = await recoveryToken();
    const page = await request(h.assa.url, 'GET', `/api/v1/password-recovery/confirm?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(String(page.body)).toMatch(/<form method="post" action="\/api\/v1\/password-recovery\/confirm">/);
    // Loading it twice (a mail scanner) spends nothing: the form post still works.
    await request(h.assa.url, 'GET', `/api/v1/password-recovery/confirm?token=${token}`);
    const posted = await postForm('/api/v1/password-recovery/confirm', `token=${token}`);
    expect(posted.status).toBe(200);
    expect(posted.text).toMatch(/New password sent/);
    const twice = await postForm('/api/v1/password-recovery/confirm', `token=${token}`);
    expect(twice.status).toBe(400);
    expect(twice.text).toMatch(/not valid/);
  });

  it('an unknown number or a wrong e-mail mails nothing and answers the same', async () => {
    const n = h.outbox().length;
    const a = await request(h.assa.url, 'POST', '/api/v1/password-recovery', { body: { number: NUMBER, email: 'stranger@example.com' } });
    const b = await request(h.assa.url, 'POST', '/api/v1/password-recovery', { body: { number: '441299999', email: 'olena@example.com' } });
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(b.body).toEqual(a.body);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.outbox().length).toBe(n);
  });
});

describe('the security audit table', () => {
  it('records logins, failures, the lock, the unlock and recovery with time and address, for the operator side to read', async () => {
    const c = new Client(h.assa.url);
    for (let i = 0; i < 10; i++) await c.login(NUMBER, `Wrong${i}pass`);
    await networkSms(h.assa.url, NUMBER, '300002');
    expect((await request(h.assa.url, 'POST', '/api/v1/sessions/unlock', { body: { number: NUMBER, runa: '300002', newPassword: PASSWORD } })).status).toBe(200);
    const all = await h.assa.ctx.store.security.events({ number: NUMBER });
    const kinds = all.map((e) => e.event);
    expect(kinds).toEqual(expect.arrayContaining(['login_ok', 'login_failed', 'login_locked', 'unlock', 'recovery_requested', 'recovery_confirmed', 'password_changed', 'email_changed']));
    expect(kinds.filter((k) => k === 'login_locked')).toHaveLength(1);
    const lock = all.find((e) => e.event === 'login_locked')!;
    expect(lock.ip).toBe('127.0.0.1');
    expect(lock.details).toMatchObject({ reason: 'bad_password', consecutive: 10 });
    // Newest first, and the unlock came after the lock.
    expect(kinds.indexOf('unlock')).toBeLessThan(kinds.indexOf('login_locked'));
    expect(all[0]!.at).toBeGreaterThanOrEqual(all.at(-1)!.at);
    // A refused link is recorded without a number.
    expect((await h.assa.ctx.store.security.events({})).some((e) => e.event === 'recovery_link_refused' && e.number === null)).toBe(true);
  });
});
