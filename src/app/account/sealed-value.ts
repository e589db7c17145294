// One small secret (a string) sealed with the vault's key in its own file of the data
// folder (mode 0600, written atomically). While the vault is shut it is unavailable:
// it is then neither read nor written, never kept in plain text instead.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SecretBox } from './secret-box';

export interface SealedValue {
  available(): boolean;
  load(): string | null;
  save(value: string): void;
  forget(): void;
}

export function sealedValue(dataDir: string, name: string, box: () => SecretBox | null): SealedValue {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad secret name ${name}`);
  const file = path.join(dataDir, `${name}.bin`);
  return {
    available: () => box() !== null,
    load() {
      const b = box();
      if (!b || !existsSync(file)) return null;
      return b.open(readFileSync(file));
    },
    save(value) {
      const b = box();
      if (!b) throw new Error('the vault is shut');
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, b.seal(value), { mode: 0o600 });
      renameSync(tmp, file);
    },
    forget: () => rmSync(file, { force: true }),
  };
}
