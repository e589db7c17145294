// The embedded default mail (no SMTP configured): each notice becomes an .eml file in the
// outbox folder the app can show; and a server started without a KDF override hashes at
// the production strength.
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { startAssa } from '../../../src/assa/embedded';
import { STRONG_KDF } from '../../../src/assa/security/password-hash';
import { Client, networkSms, request, startHarness, type Harness } from './assa-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function waitFor<T>(what: string, probe: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('mail to the outbox folder', () => {
  it('A-SEC-6 with no SMTP server configured the recovery mail is an .eml in the outbox, and its password logs in', async () => {
    h = await startHarness();
    await networkSms(h.assa.url, '441234567', '314159');
    const reg = await request(h.assa.url, 'POST', '/api/v1/registrations', { body: { number: '441234567', password: 'Kvitka2026', email: 'olena@example.com', runa: '314159' } });
    expect(reg.status).toBe(201);
    const before = h.outbox().length;
    expect((await request(h.assa.url, 'POST', '/api/v1/password-recovery', { body: { number: '0441234567', email: 'Olena@Example.com' } })).status).toBe(202);
    const linkMail = await waitFor('the recovery link .eml', () => (h!.outbox().length > before ? h!.outbox().at(-1) : undefined));
    expect(linkMail).toMatch(/^To: olena@example\.com$/m);
    expect(linkMail).toMatch(/^From: ASSA <no-reply@assa\.local>$/m);
    const token = /token=(?:3D)?([A-Za-z0-9_-]+)/.exec(linkMail.replace(/=\r?\n/g, ''))![1]!;
    const afterLink = h.outbox().length;
    expect((await request(h.assa.url, 'POST', '/api/v1/password-recovery/confirm', { body: { token } })).status).toBe(200);
    const mail = await waitFor('the new password .eml', () => (h!.outbox().length > afterLink ? h!.outbox().at(-1) : undefined));
    const password = /new password for 441234567: ([A-Za-z0-9]+)/.exec(mail)?.[1];
    expect(password).toBeDefined();
    expect((await new Client(h.assa.url).login('441234567', password!)).status).toBe(200);
  });
});

describe('password hashing strength', () => {
  it('A-SEC a server started without a KDF override hashes with scrypt N=2^17, r=8, p=1', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-kdf-'));
    const assa = await startAssa({ dbPath: path.join(dir, 'assa.db'), port: 0, radiusPort: null, networkSecret: 'kdf-test-network-secret-01' });
    try {
      expect(assa.ctx.hasher.params).toEqual(STRONG_KDF);
      expect(STRONG_KDF.N).toBeGreaterThanOrEqual(2 ** 17);
    } finally {
      await assa.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
