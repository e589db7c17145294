// Issue 7 acceptance on real parts: the composed app (core, embedded ASSA on loopback
// with the demo data, the virtual modem on socat pseudo-terminals reached through the
// real serialport binding, the AT channel and the Huawei CDMA profile).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfBackend } from '../../../src/app/settings/settings-backend';
import { composeApp, type ComposedApp } from '../../../src/cli/compose-app';
import type { AppEvent } from '../../../src/shared/app-contract';

const apps: Array<{ app: ComposedApp; dir: string }> = [];
afterEach(async () => {
  for (const { app, dir } of apps.splice(0)) {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
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

async function start() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-full-'));
  const app = await composeApp({ shell: 'browser', version: 'test', dataDir: dir, settings: createConfBackend(dir), secretBox: null, virtualTransport: 'pty' });
  apps.push({ app, dir });
  const events: AppEvent[] = [];
  app.core.subscribe((e) => events.push(e));
  await until(() => app.core.modem.getState().status === 'ready', 'the virtual modem to be ready');
  return { app, core: app.core, events, dir };
}

describe('issue 7: the app services end to end', () => {
  it('plug → number → connect → traffic in events and the database → registered over the link with no RUNA', async () => {
    const { core, events, app } = await start();
    expect(core.modem.getState()).toMatchObject({ status: 'ready', virtual: true, number: '441234567', manufacturer: 'huawei', model: 'EC121' });
    expect((await core.call('modem.details', {}))?.network?.sid).toBe(2162);
    const conn = await core.call('connection.connect', {});
    expect(conn).toMatchObject({ status: 'connected', via: 'virtual' });
    expect(conn.localIp).toMatch(/^127\.10\./);
    const grown = await until(() => {
      const s = events.filter((e): e is Extract<AppEvent, { type: 'traffic.sample' }> => e.type === 'traffic.sample');
      return s.length > 1 && s.at(-1)!.snapshot.rxBytes > 0 ? s.at(-1)! : undefined;
    }, 'traffic samples with bytes');
    expect(grown.snapshot.primary).toBe('modem');
    const status = await core.call('account.register', { password: 'Kvitka2026', email: 'olena@example.com' });
    expect(status).toMatchObject({ registered: true, loggedIn: true, provedBy: 'data-session', number: '441234567' });
    // The operator saw the session's address (A-NUM-3 through RADIUS from the modem's network side).
    const who = await app.assa!.ctx.store.activeSessionByIp(conn.localIp!);
    expect(who?.number).toBe('441234567');
    const acc = await core.call('assa.request', { method: 'GET', path: '/api/v1/account' });
    expect(acc).toMatchObject({ status: 200, body: { balance: 2900, tariff: { monthlyFee: 3000 } } });
    // U-TRAY-1: 29.00 against a 30.00 fee is announced ahead of the 1st.
    const short = await until(() => events.find((e) => e.type === 'notification' && e.code === 'balance_short'), 'the balance-short notice');
    expect(short).toMatchObject({ level: 'warning', params: { shortKopecks: 100 }, text: 'The balance is 1.00 UAH short of the fee due on the 1st.' });
    expect((short as { params: Record<string, unknown> }).params).not.toHaveProperty('missing');
    await core.call('connection.disconnect', {});
    const sessions = await core.call('traffic.sessions', { from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 3600_000).toISOString() });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ number: '441234567', virtual: true, localIp: conn.localIp, endReason: 'user' });
    expect(sessions[0]!.rxBytes).toBeGreaterThan(0);
  });

  it('with the link down the app activates a RUNA by SMS through the modem and registers with it (R-AUTO-1)', async () => {
    const { core, events } = await start();
    const status = await core.call('account.register', { password: 'Kvitka2026' });
    expect(status).toMatchObject({ registered: true, loggedIn: true, provedBy: 'runa' });
    const steps = events.filter((e): e is Extract<AppEvent, { type: 'account.status' }> => e.type === 'account.status').map((e) => e.status.step);
    expect(steps).toEqual(expect.arrayContaining(['runa-sending', 'runa-waiting', 'registering', 'logging-in', 'done']));
    expect(events.some((e) => e.type === 'sms.received' && /kod RUNA \d{6} vdalo aktyvovan/.test(e.sms.text))).toBe(true);
  });

  it('a protected section is opened with a RUNA the app activates through the modem (R-AUTO-3, A-SEC-4)', async () => {
    const { core } = await start();
    await core.call('account.register', { password: 'Kvitka2026' });
    expect((await core.call('assa.request', { method: 'PUT', path: '/api/v1/security/protected', body: { sections: ['security'] } })).status).toBe(200);
    expect((await core.call('assa.request', { method: 'GET', path: '/api/v1/security/logins' })).body).toMatchObject({ error: { code: 'section_protected' } });
    await core.call('account.openProtected', {});
    expect((await core.call('assa.request', { method: 'GET', path: '/api/v1/security/logins' })).status).toBe(200);
  });

  it('a login locked by 10 wrong passwords is unlocked through the modem (R-AUTO-3)', async () => {
    const { core } = await start();
    await core.call('account.register', { password: 'Kvitka2026' });
    await core.call('account.logout', {});
    for (let i = 0; i < 10; i++) await core.call('account.login', { password: `Wrong${i}pass`, remember: false }).catch(() => undefined);
    await expect(core.call('account.login', { password: 'Kvitka2026', remember: false })).rejects.toMatchObject({ code: 'login_locked' });
    const s = await core.call('account.unlock', { newPassword: 'Nova2027x' });
    expect(s.loggedIn).toBe(true);
    expect((await core.call('assa.request', { method: 'GET', path: '/api/v1/account' })).status).toBe(200);
  });

  it('unplug mid-session ends the stored session with its totals; re-plug is ready again (M-PORT-3)', async () => {
    const { core, app } = await start();
    await core.call('connection.connect', {});
    await until(() => (core.traffic.current()?.rxBytes ?? 0) > 0, 'bytes before the unplug');
    app.virtual!.controller()!.unplug();
    await until(() => core.modem.getState().status === 'no-modem', 'no modem after the unplug');
    expect(core.connection.getState()).toMatchObject({ status: 'failed', error: { code: 'modem_unplugged' } });
    const [session] = await core.call('traffic.sessions', { from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 3600_000).toISOString() });
    expect(session).toMatchObject({ endReason: 'modem_unplugged' });
    expect(session!.endedAt).not.toBeNull();
    expect(session!.rxBytes).toBeGreaterThan(0);
    app.virtual!.controller()!.replug();
    await until(() => core.modem.getState().status === 'ready', `ready after the re-plug (now ${JSON.stringify(core.modem.getState())})`);
    expect(core.modem.getState().number).toBe('441234567');
  });
});
