// R-AUTO-2: credentials are kept encrypted by the OS, never as plain text. A SecretBox
// seals and opens small secrets. In Electron it is safeStorage (wired in electron/);
// in browser mode it is AES-256-GCM with a key that lives in the OS keyring where one
// is reachable (libsecret / Keychain / Credential Manager), or is derived from a
// passphrase the user gives at each start when no keyring is there.
import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import { CodedError } from '../../shared/errors';

export interface SecretBox {
  readonly kind: 'safe-storage' | 'keyring' | 'passphrase';
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
}

const MAGIC = Buffer.from('ASB1');

/** AES-256-GCM under a 32-byte key: MAGIC | iv(12) | tag(16) | ciphertext. */
export function aesGcmBox(key: Buffer, kind: SecretBox['kind']): SecretBox {
  if (key.length !== 32) throw new Error('key must be 32 bytes');
  return {
    kind,
    seal(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([MAGIC, iv, c.getAuthTag(), body]);
    },
    open(sealed) {
      if (sealed.length < 32 || !sealed.subarray(0, 4).equals(MAGIC)) throw new CodedError('vault_corrupt', 'The saved credentials are damaged; sign in again.');
      try {
        const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(4, 16));
        d.setAuthTag(sealed.subarray(16, 32));
        return Buffer.concat([d.update(sealed.subarray(32)), d.final()]).toString('utf8');
      } catch {
        throw new CodedError('vault_wrong_key', 'The saved credentials cannot be opened with this key (wrong passphrase?).');
      }
    },
  };
}

const scrypt = (pass: string, salt: Buffer, opts: ScryptOptions) =>
  new Promise<Buffer>((res, rej) => scryptCb(pass, salt, 32, opts, (e, k) => (e ? rej(e) : res(k))));

/** A key from the user's passphrase: scrypt N=2^17, r=8 (OWASP's floor for scrypt). */
export async function passphraseBox(passphrase: string, salt: Buffer, cost = { N: 2 ** 17, r: 8, p: 1 }): Promise<SecretBox> {
  if (passphrase.length < 8) throw new CodedError('weak_passphrase', 'The passphrase must be at least 8 characters.', { field: 'passphrase' });
  const key = await scrypt(passphrase, salt, { ...cost, maxmem: 256 * 1024 * 1024 });
  return aesGcmBox(key, 'passphrase');
}

/** A random key kept in the OS keyring, or null when no keyring answers here. */
export async function keyringBox(service = 'ua.assa.desktop', account = 'vault-key'): Promise<SecretBox | null> {
  try {
    const { Entry } = await import('@napi-rs/keyring');
    const entry = new Entry(service, account);
    let hex = entry.getPassword();
    if (!hex) {
      hex = randomBytes(32).toString('hex');
      entry.setPassword(hex);
    }
    return aesGcmBox(Buffer.from(hex, 'hex'), 'keyring');
  } catch {
    // no keyring service (a headless or minimal desktop): null makes the caller seal the vault with a passphrase instead
    return null;
  }
}
