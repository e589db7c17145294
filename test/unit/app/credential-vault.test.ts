// R-AUTO-2: credentials are never stored as plain text; a wrong key cannot open them.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CredentialVault } from '../../../src/app/account/credential-vault';
import { aesGcmBox, passphraseBox } from '../../../src/app/account/secret-box';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'assa-vault-'));
  dirs.push(d);
  return d;
};
const cheap = { N: 2 ** 10, r: 8, p: 1 };

describe('R-AUTO-2 credential vault', () => {
  it('stores the login sealed: no plain text on disk, file mode 0600, reopens with the same key', () => {
    const dir = tmp();
    const key = randomBytes(32);
    new CredentialVault(dir, aesGcmBox(key, 'keyring')).save({ number: '441234567', password: 'secret77pass' });
    const raw = readFileSync(path.join(dir, 'credentials.bin'));
    expect(raw.toString('latin1')).not.toContain('secret77pass');
    expect(raw.toString('latin1')).not.toContain('441234567');
    expect(statSync(path.join(dir, 'credentials.bin')).mode & 0o777).toBe(0o600);
    expect(new CredentialVault(dir, aesGcmBox(key, 'keyring')).load()).toEqual({ number: '441234567', password: 'secret77pass' });
  });

  it('refuses a wrong passphrase with a clear code, and a damaged file with another', async () => {
    const dir = tmp();
    const salt = randomBytes(16);
    new CredentialVault(dir, await passphraseBox('correct horse', salt, cheap)).save({ number: '441234567', password: 'abc123def' });
    const wrong = new CredentialVault(dir, await passphraseBox('wrong horse!', salt, cheap));
    expect(() => wrong.load()).toThrow(expect.objectContaining({ code: 'vault_wrong_key' }));
    const damaged = aesGcmBox(randomBytes(32), 'keyring');
    expect(() => damaged.open(Buffer.from('not a sealed box at all, really'))).toThrow(expect.objectContaining({ code: 'vault_corrupt' }));
  });

  it('refuses a short passphrase', async () => {
    await expect(passphraseBox('short', randomBytes(16), cheap)).rejects.toMatchObject({ code: 'weak_passphrase' });
  });
});
