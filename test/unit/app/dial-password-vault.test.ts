// The dial profile's password is kept in the vault, never in the plain settings file;
// an older file's plain password moves into the vault when the vault opens.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aesGcmBox } from '../../../src/app/account/secret-box';
import { VaultOpener } from '../../../src/app/account/vault-opener';
import { EventBus } from '../../../src/app/event-bus';
import { createConfBackend } from '../../../src/app/settings/settings-backend';
import { SettingsService } from '../../../src/app/settings/settings-service';
import { INTERTELECOM_CDMA } from '../../../src/shared/dial-profile';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'assa-dialpw-'));
  dirs.push(d);
  return d;
};
const settingsFile = (dir: string) => readFileSync(path.join(dir, 'settings.json'), 'utf8');
const custom = { ...INTERTELECOM_CDMA, id: 'mine', name: 'Mine', user: 'olena', password: 'S3cret-dial' };

async function openVault(dir: string, key: Buffer) {
  const v = new VaultOpener(dir);
  await v.openWith(aesGcmBox(key, 'keyring'));
  return v;
}

describe('the dial password lives in the vault', () => {
  it('a new password is sealed, not written to settings.json, and read back after a restart', async () => {
    const dir = tmp();
    const key = randomBytes(32);
    const s = new SettingsService(createConfBackend(dir), new EventBus(), (await openVault(dir, key)).secret('dial-password'));
    expect(s.update({ dial: custom }).dial.password).toBe('S3cret-dial');
    expect(settingsFile(dir)).not.toContain('S3cret-dial');
    expect(readdirSync(dir)).toContain('dial-password.bin');
    expect(readFileSync(path.join(dir, 'dial-password.bin')).includes(Buffer.from('S3cret-dial'))).toBe(false);
    const again = new SettingsService(createConfBackend(dir), new EventBus(), (await openVault(dir, key)).secret('dial-password'));
    expect(again.get().dial).toEqual(custom);
  });

  it('migrates a plain password from an older settings file into the vault', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ language: 'uk', dial: custom }));
    const s = new SettingsService(createConfBackend(dir), new EventBus(), (await openVault(dir, randomBytes(32))).secret('dial-password'));
    expect(s.get().dial.password).toBe('S3cret-dial');
    expect(settingsFile(dir)).not.toContain('S3cret-dial');
    expect(JSON.parse(settingsFile(dir))).toMatchObject({ language: 'uk', dialPasswordSealed: true, dial: { user: 'olena', password: '' } });
  });

  it('with the vault shut: kept in memory only, sealed when the vault opens (passphrase)', async () => {
    const dir = tmp();
    const vault = new VaultOpener(dir);
    const s = new SettingsService(createConfBackend(dir), new EventBus(), vault.secret('dial-password'));
    vault.onOpen(() => s.sealDialPassword());
    expect(s.update({ dial: custom }).dial.password).toBe('S3cret-dial');
    expect(settingsFile(dir)).not.toContain('S3cret-dial');
    expect(readdirSync(dir)).not.toContain('dial-password.bin');
    await vault.openWithPassphrase('a long passphrase', { N: 1024, r: 8, p: 1 });
    expect(readdirSync(dir)).toContain('dial-password.bin');
    const v2 = new VaultOpener(dir);
    await v2.openWithPassphrase('a long passphrase', { N: 1024, r: 8, p: 1 });
    expect(new SettingsService(createConfBackend(dir), new EventBus(), v2.secret('dial-password')).get().dial.password).toBe('S3cret-dial');
  });

  it("Intertelecom's printed IT/IT is public and stays as it is", async () => {
    const dir = tmp();
    const s = new SettingsService(createConfBackend(dir), new EventBus(), (await openVault(dir, randomBytes(32))).secret('dial-password'));
    s.update({ dial: custom });
    expect(s.update({ dial: INTERTELECOM_CDMA }).dial).toEqual(INTERTELECOM_CDMA);
    expect(readdirSync(dir)).not.toContain('dial-password.bin');
  });
});
