// R-AUTO-2: where the vault's key comes from. Electron gives a safeStorage-backed box;
// browser mode uses the OS keyring when there is one; otherwise the vault stays shut
// until the user gives its passphrase (asked at each start — never plain text).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { CredentialVault, credentialsFile } from './credential-vault';
import { passphraseBox, type SecretBox } from './secret-box';
import { sealedValue, type SealedValue } from './sealed-value';

export class VaultOpener {
  private vault: CredentialVault | null = null;
  private box: SecretBox | null = null;
  private readonly opened = new Set<() => void>();

  constructor(private readonly dataDir: string) {}

  /** Opens with a box from the OS (safeStorage, keyring); false when there is none. */
  async openWith(box: Promise<SecretBox | null> | SecretBox | null): Promise<boolean> {
    const b = await box;
    if (b) this.open(b, new CredentialVault(this.dataDir, b));
    return b !== null;
  }

  async openWithPassphrase(passphrase: string, cost?: { N: number; r: number; p: number }): Promise<void> {
    const saltFile = path.join(this.dataDir, 'vault-salt');
    if (!existsSync(saltFile)) writeFileSync(saltFile, randomBytes(16), { mode: 0o600 });
    const box = await passphraseBox(passphrase, readFileSync(saltFile), cost);
    const v = new CredentialVault(this.dataDir, box);
    // A wrong passphrase fails here, not at the next login: opening the sealed file proves it.
    if (v.has()) v.load();
    this.open(box, v);
  }

  /** Another small secret sealed by the same key (the dial profile's password), in its own file. */
  secret(name: string): SealedValue {
    return sealedValue(this.dataDir, name, () => this.box);
  }

  /** Called each time the vault opens (at start with the OS's key, or after the passphrase). */
  onOpen(listener: () => void): () => void {
    this.opened.add(listener);
    return () => this.opened.delete(listener);
  }

  private open(box: SecretBox, vault: CredentialVault): void {
    this.box = box;
    this.vault = vault;
    for (const l of this.opened) l();
  }

  get(): CredentialVault | null {
    return this.vault;
  }

  needsPassphrase(): boolean {
    return this.vault === null;
  }

  /** A sealed login is on disk (whether or not its key is at hand yet). */
  hasSealedLogin(): boolean {
    return existsSync(credentialsFile(this.dataDir));
  }
}
