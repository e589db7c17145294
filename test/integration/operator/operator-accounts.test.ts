// Operator accounts over real HTTP: `assa operator add` prints a one-time password that
// must be replaced before anything else; lockout at 10 wrong passwords; CSRF; idle and
// absolute timeouts on both sides of their boundaries; no path between subscriber and
// operator sessions, either way.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_LOCK_AFTER } from '../../../src/assa/operator/services/operator-accounts';
import { startHarness, Client, request } from '../assa/assa-harness';
import { NEW_PASSWORD, OperatorClient, startOperatorHarness, subscriberSession, type OperatorHarness } from './operator-harness';

const run = promisify(execFile);

describe('assa operator add', () => {
  // Two `assa` processes, each hashing with the production KDF, then logins that verify with it:
  // on a loaded CI machine that is more than the default minute.
  it('prints the one-time password on a line of its own; the operator must replace it before anything else', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-op-cli-'));
    const db = path.join(dir, 'assa.db');
    try {
      const { stdout } = await run('node', ['bin/assa.js', 'operator', 'add', 'olena', '--db', db]);
      const lines = stdout.trim().split('\n');
      const password = lines[lines.length - 1]!;
      expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
      const again = await run('node', ['bin/assa.js', 'operator', 'add', 'olena', '--db', db]).catch((e: { code: number; stderr: string }) => e);
      expect((again as { code: number }).code).toBe(1);
      expect((again as { stderr: string }).stderr).toMatch(/already an operator olena/);

      const h = await startHarness({ dbPath: db });
      try {
        const c = new OperatorClient(h.assa.url);
        expect((await c.op('POST', '/sessions', { login: 'olena', password: 'wrong-password-1' })).status).toBe(401);
        const l = await c.op('POST', '/sessions', { login: 'olena', password });
        expect(l.status).toBe(200);
        expect(l.body).toMatchObject({ login: 'olena', role: 'admin', mustChangePassword: true });
        const setCookie = ([] as string[]).concat(l.headers['set-cookie'] ?? []).join('\n');
        expect(setCookie).toMatch(/assa_operator_session=[^;]+; Path=\/api\/v1\/operator; HttpOnly; SameSite=Strict/);
        for (const [m, p] of [['GET', '/subscribers?q=44'], ['GET', '/tariffs'], ['POST', '/vouchers'], ['GET', '/operators']] as const) {
          const r = await c.op(m, p, m === 'POST' ? { count: 1, amount: 1000 } : undefined);
          expect([p, r.status, r.body.error.code]).toEqual([p, 403, 'password_change_required']);
        }
        expect((await c.op('GET', '/me')).body.mustChangePassword).toBe(true);
        const weak = await c.op('PUT', '/password', { oldPassword: password, newPassword: 'short1' });
        expect(weak.status).toBe(400);
        expect(weak.body.error).toMatchObject({ code: 'weak_password', field: 'newPassword' });
        expect((await c.op('PUT', '/password', { oldPassword: 'not-it-1234567', newPassword: NEW_PASSWORD })).status).toBe(403);
        expect((await c.op('PUT', '/password', { oldPassword: password, newPassword: NEW_PASSWORD })).status).toBe(200);
        expect((await c.op('GET', '/subscribers?q=44')).status).toBe(200);
        // The one-time password is spent.
        expect((await new OperatorClient(h.assa.url).op('POST', '/sessions', { login: 'olena', password })).status).toBe(401);
      } finally {
        await h.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('operator sessions', () => {
  let h: OperatorHarness;
  beforeAll(async () => {
    h = await startOperatorHarness();
  });
  afterAll(async () => h?.close());

  it(`locks after ${OPERATOR_LOCK_AFTER} wrong passwords in a row, not after ${OPERATOR_LOCK_AFTER - 1}; an admin unlocks`, async () => {
    const { client, oneTime } = await h.newOperator('taras', 'support');
    for (let i = 1; i < OPERATOR_LOCK_AFTER; i++) expect((await client.op('POST', '/sessions', { login: 'taras', password: `wrong-${i}-abcdefg` })).status).toBe(401);
    // After 9 the right password still opens, and the count starts again.
    expect((await client.op('POST', '/sessions', { login: 'taras', password: oneTime })).status).toBe(200);
    for (let i = 1; i < OPERATOR_LOCK_AFTER; i++) expect((await client.op('POST', '/sessions', { login: 'taras', password: `wrong-${i}-abcdefg` })).status).toBe(401);
    const tenth = await client.op('POST', '/sessions', { login: 'taras', password: 'wrong-10-abcdefg' });
    expect([tenth.status, tenth.body.error.code]).toEqual([423, 'login_locked']);
    expect((await client.op('POST', '/sessions', { login: 'taras', password: oneTime })).status).toBe(423);
    expect((await h.as.support.op('PUT', '/operators/taras', { unlock: true })).status).toBe(403);
    expect((await h.as.admin.op('PUT', '/operators/taras', { unlock: true })).status).toBe(200);
    expect((await client.op('POST', '/sessions', { login: 'taras', password: oneTime })).status).toBe(200);
    const audit = await h.as.admin.op('GET', '/audit?target=operator:taras');
    expect(audit.body.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['locked', 'login_refused_locked', 'operator.update', 'login']));
  });

  it('an unknown login gets the same answer as a wrong password', async () => {
    const a = await new OperatorClient(h.assa.url).op('POST', '/sessions', { login: 'nobody', password: 'whatever-123456' });
    const b = await new OperatorClient(h.assa.url).op('POST', '/sessions', { login: 'admin1', password: 'whatever-123456' });
    expect([a.status, a.body.error]).toEqual([b.status, b.body.error]);
  });

  it('a write without the CSRF header is refused', async () => {
    const c = h.as.support;
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const r = await request(h.assa.url, 'POST', '/api/v1/operator/adjustments', { body: { number: '441234568', amount: 100, reason: 'test' }, cookie });
    expect([r.status, r.body.error.code]).toEqual([403, 'csrf_failed']);
    const w = await request(h.assa.url, 'POST', '/api/v1/operator/adjustments', { body: { number: '441234568', amount: 100, reason: 'test' }, cookie, headers: { 'x-csrf-token': 'not-the-token' } });
    expect(w.status).toBe(403);
  });

  it('idle timeout: 30 minutes without a request still passes, a millisecond more does not', async () => {
    const { client, oneTime } = await h.newOperator('idle.op', 'billing');
    await client.op('POST', '/sessions', { login: 'idle.op', password: oneTime });
    await client.op('PUT', '/password', { oldPassword: oneTime, newPassword: NEW_PASSWORD });
    h.clock.advance(h.assa.ctx.config.idleTimeoutMs);
    expect((await client.op('GET', '/billing/runs')).status).toBe(200);
    h.clock.advance(h.assa.ctx.config.idleTimeoutMs + 1);
    const r = await client.op('GET', '/billing/runs');
    expect([r.status, r.body.error.code]).toEqual([401, 'not_logged_in']);
  });

  it('absolute timeout: a session used every 29 minutes ends at 12 hours', async () => {
    const { client, oneTime } = await h.newOperator('long.op', 'billing');
    await client.op('POST', '/sessions', { login: 'long.op', password: oneTime });
    await client.op('PUT', '/password', { oldPassword: oneTime, newPassword: NEW_PASSWORD });
    const start = h.clock.now();
    while (h.clock.now() + 29 * 60_000 <= start + h.assa.ctx.config.absoluteTimeoutMs) {
      h.clock.advance(29 * 60_000);
      expect((await client.op('GET', '/billing/runs')).status).toBe(200);
    }
    h.clock.t = start + h.assa.ctx.config.absoluteTimeoutMs;
    expect((await client.op('GET', '/billing/runs')).status).toBe(200);
    h.clock.t = start + h.assa.ctx.config.absoluteTimeoutMs + 1;
    expect((await client.op('GET', '/billing/runs')).status).toBe(401);
  });

  it('a password change ends the operator’s other sessions', async () => {
    const { client, oneTime } = await h.newOperator('two.op', 'support');
    await client.op('POST', '/sessions', { login: 'two.op', password: oneTime });
    await client.op('PUT', '/password', { oldPassword: oneTime, newPassword: NEW_PASSWORD });
    const other = new OperatorClient(h.assa.url);
    await other.op('POST', '/sessions', { login: 'two.op', password: NEW_PASSWORD });
    expect((await other.op('GET', '/tickets')).status).toBe(200);
    expect((await client.op('PUT', '/password', { oldPassword: NEW_PASSWORD, newPassword: 'Another-2026-pass' })).status).toBe(200);
    expect((await other.op('GET', '/tickets')).status).toBe(401);
    expect((await client.op('GET', '/tickets')).status).toBe(200);
  });

  it('no path between subscriber sessions and operator routes, either way', async () => {
    const sub = await subscriberSession(h, '441234567');
    // A subscriber's session on every kind of operator route: 401, whatever the cookie name.
    for (const p of ['/api/v1/operator/me', '/api/v1/operator/subscribers?q=44', '/api/v1/operator/tickets']) {
      expect((await sub.call('GET', p)).status).toBe(401);
      const token = sub.cookies.get('assa_session')!;
      expect((await request(h.assa.url, 'GET', p, { cookie: `assa_operator_session=${token}` })).status).toBe(401);
    }
    const subWrite = await sub.call('POST', '/api/v1/operator/adjustments', { number: '441234567', amount: 1000, reason: 'gift to me' });
    expect(subWrite.status).toBe(401);
    // An operator's session on the subscribers' routes: 401 there too.
    const op = h.as.admin;
    const opToken = op.cookies.get('assa_operator_session')!;
    for (const p of ['/api/v1/account', '/api/v1/money/movements?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z', '/api/v1/help/tickets']) {
      expect((await op.call('GET', p)).status).toBe(401);
      expect((await request(h.assa.url, 'GET', p, { cookie: `assa_session=${opToken}` })).status).toBe(401);
    }
    expect((await new Client(h.assa.url).call('GET', '/api/v1/operator/me')).status).toBe(401);
  });
});
