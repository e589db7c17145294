// Is Electron's binary here? The `electron` package is an optional dependency: where its
// postinstall could not download the binary, npm drops it, and the app runs in browser mode.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function electronBinary(): string | null {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown;
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}
