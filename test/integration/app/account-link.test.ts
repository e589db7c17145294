// Issue 17, registration and RUNA without waste, on the real composed app (embedded ASSA,
// the virtual modem on socat ptys through the real serialport binding): the password
// rules are checked before any SMS; a RUNA is activated only when the server asks for
// proof; the 2772 limit is kept before sending; a restart remembers the registration;
// recovery goes through the server's mail outbox.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RUNA_MAX_ACTIVATIONS } from '../../../src/app/account/runa-budget';
import { createConfBackend } from '../../../src/app/settings/settings-backend';
import { composeApp, type ComposedApp } from '../../../src/cli/compose-app';
import type { AppEvent } from '../../../src/shared/app-contract';

const apps: ComposedApp[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function until<T>(get: () => T | undefined | null | false, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function start(dir = mkdtempSync(path.join(os.tmpdir(), 'assa-link-'))) {
  if (!dirs.includes(dir)) dirs.push(dir);
  const app = await composeApp({ shell: 'browser', version: 'test', dataDir: dir, settings: createConfBackend(dir), secretBox: null, virtualTransport: 'pty' });
  apps.push(app);
  const events: AppEvent[] = [];
  app.core.subscribe((e) => events.push(e));
  await until(() => app.core.modem.getState().status === 'ready', 'the virtual modem to be ready');
  await app.core.ready;
  // Every SMS the app sends goes out as AT^HCMGS / AT+CMGS on the modem's AT channel.
  const smsSent = () => app.core.modem.transcript().filter((l) => l.dir === 'tx' && /CMGS=/.test(l.line)).length;
  return { app, core: app.core, events, dir, smsSent };
}

const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string; details?: Record<string, unknown> }) => e);

// Each case starts the whole stack (a restart case twice); a loaded machine needs minutes.
describe('registration and RUNA without waste (issue 17)', { timeout: 240_000 }, () => {
  it('refuses weak passwords with one problem per broken rule and sends no SMS; 14 is the limit, not a cut', async () => {
    const { core, smsSent } = await start();
    const cases: Array<[string, string[]]> = [
      ['abc', ['length', 'digit']],
      ['abcdefghijk1234', ['length']], // 15 characters: refused, never cut to 14
      ['пароль12', ['charset', 'letter']],
      ['abcdefgh', ['digit']],
      ['x441234567', ['contains_number']],
      ['qwerty123', ['common']],
    ];
    for (const [password, rules] of cases) {
      const e = (await codeOf(core.call('account.register', { password }))) as { code: string; field?: string; details?: { rules?: string[] } };
      expect(e.code, password).toBe('weak_password');
      expect(e.field).toBe('password');
      expect(e.details?.rules, password).toEqual(rules);
    }
    expect(smsSent()).toBe(0);
    // 14 characters pass the length rule (and register: one RUNA, since the link is down).
    const s = await core.call('account.register', { password: 'abcdefghijk123' });
    expect(s).toMatchObject({ registered: true, loggedIn: true, provedBy: 'runa' });
    expect(smsSent()).toBe(1);
  });

  it('asks the server first and activates a RUNA only after 403 ownership_unproven; a registered number costs no SMS, even after a restart', async () => {
    const first = await start();
    await first.core.call('account.register', { password: 'Kvitka2026', email: 'olena@example.com' });
    expect(first.smsSent()).toBe(1);
    await first.app.close();
    apps.splice(apps.indexOf(first.app), 1);

    const again = await start(first.dir);
    // The vault has no key here (no keyring, no passphrase yet): it is known registered
    // anyway, so the screen offers the passphrase or a login, not registration.
    expect(await again.core.call('account.status', {})).toMatchObject({ registered: true, number: '441234567', loggedIn: false });
    const e = (await codeOf(again.core.call('account.register', { password: 'Kvitka2026' }))) as { code: string };
    expect(e.code).toBe('already_registered');
    expect(again.smsSent()).toBe(0);
    expect((await again.core.call('account.login', { password: 'Kvitka2026' })).loggedIn).toBe(true);
  });

  it('a registered number answers 409 before any RUNA is spent, after a log out too', async () => {
    const { core, app, smsSent } = await start();
    // From outside the subscriber's link and without a RUNA the server wants proof.
    const r = await fetch(`${app.assa!.url}/api/v1/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ number: '441234567', password: 'Other2026x' }) });
    expect(r.status).toBe(403); // no proof from here: nothing registered yet
    await core.call('account.register', { password: 'Kvitka2026' });
    const before = smsSent();
    await core.call('account.logout', {});
    const e = (await codeOf(core.call('account.register', { password: 'Kvitka2026' }))) as { code: string };
    expect(e.code).toBe('already_registered');
    expect(smsSent()).toBe(before);
  });

  it(`keeps the 2772 limit: ${RUNA_MAX_ACTIVATIONS} activations in 10 minutes, the next refused before sending, with a wait-until time`, async () => {
    const { core, smsSent, events } = await start();
    await core.call('account.register', { password: 'Kvitka2026' }); // activation 1
    for (let i = 2; i <= RUNA_MAX_ACTIVATIONS; i++) await core.call('account.openProtected', {});
    expect(smsSent()).toBe(RUNA_MAX_ACTIVATIONS);
    const e = (await codeOf(core.call('account.openProtected', {}))) as { code: string; details?: { retryAt?: string } };
    expect(e.code).toBe('runa_limit');
    const retryAt = Date.parse(e.details?.retryAt ?? '');
    expect(retryAt).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + 10 * 60_000);
    expect(smsSent()).toBe(RUNA_MAX_ACTIVATIONS);
    const last = events.filter((x): x is Extract<AppEvent, { type: 'account.status' }> => x.type === 'account.status').at(-1)!;
    expect(last.status.error).toMatchObject({ code: 'runa_limit', details: { retryAt: e.details?.retryAt } });
  });

  it('marks a protected section for the one-button prompt and clears it once opened', async () => {
    const { core } = await start();
    await core.call('account.register', { password: 'Kvitka2026' });
    await core.call('assa.request', { method: 'PUT', path: '/api/v1/security/protected', body: { sections: ['security'] } });
    expect((await core.call('assa.request', { method: 'GET', path: '/api/v1/security/logins' })).status).toBe(403);
    expect((await core.call('account.status', {})).protectedSection).toBe('security');
    const s = await core.call('account.openProtected', {});
    expect(s.protectedSection).toBeNull();
    expect((await core.call('assa.request', { method: 'GET', path: '/api/v1/security/logins' })).status).toBe(200);
  });

  it('recovers the password through the server (mail outbox), then logs in with the mailed one', async () => {
    const { core, dir } = await start();
    await core.call('account.register', { password: 'Kvitka2026', email: 'olena@example.com' });
    await core.call('account.logout', {});
    const s = await core.call('account.recoverPassword', { email: 'olena@example.com' });
    expect(s.step).toBe('recovery-sent');
    const outbox = path.join(dir, 'assa', 'outbox');
    const mails = () => readdirSync(outbox).map((f) => readFileSync(path.join(outbox, f), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '='));
    // Issue 12: first a single-use link to the registered address; the password changes only when it is followed.
    const linkMail = await until(() => mails().find((m) => /password-recovery\/confirm\?token=/.test(m)), 'the recovery link');
    const token = /confirm\?token=([A-Za-z0-9_-]+)/.exec(linkMail)![1]!;
    expect((await core.call('account.login', { password: 'Kvitka2026' })).loggedIn).toBe(true); // the old password still works
    await core.call('account.logout', {});
    const confirmed = await fetch(`${apps.at(-1)!.assa!.url}/api/v1/password-recovery/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    expect(confirmed.status).toBe(200);
    const mail = await until(() => mails().find((m) => /new password/i.test(m)), 'the new password mail');
    const password = /password for 441234567: ([A-Za-z0-9]+)/.exec(mail)?.[1];
    expect(password).toBeTruthy();
    await expect(core.call('account.login', { password: 'Kvitka2026' })).rejects.toMatchObject({ code: 'bad_credentials' });
    expect((await core.call('account.login', { password: password! })).loggedIn).toBe(true);
  });
});
