// R-AUTO-2: the ASSA login (number, password) and nothing else, sealed by a SecretBox
// and written atomically to one file in the app's data folder (mode 0600).
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SecretBox } from './secret-box';

export interface Credentials {
  number: string;
  password: string;
  email?: string | null;
}

/** Where the sealed login lives; its presence alone says "a login is saved" even before the key is known. */
export const credentialsFile = (dataDir: string) => path.join(dataDir, 'credentials.bin');

export class CredentialVault {
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly box: SecretBox,
  ) {
    this.file = credentialsFile(dataDir);
  }

  has(): boolean {
    return existsSync(this.file);
  }

  save(c: Credentials): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, this.box.seal(JSON.stringify(c)), { mode: 0o600 });
    renameSync(tmp, this.file);
  }

  load(): Credentials | null {
    if (!this.has()) return null;
    const c = JSON.parse(this.box.open(readFileSync(this.file))) as Credentials;
    return typeof c.number === 'string' && typeof c.password === 'string' ? c : null;
  }

  forget(): void {
    rmSync(this.file, { force: true });
  }
}
