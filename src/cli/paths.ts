// Where the app's files are: the repository root (for the built renderer and the
// Electron bundle) and the user's data folder (settings, databases, outbox).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const rendererDist = path.join(repoRoot, 'dist/renderer');
export const electronDist = path.join(repoRoot, 'dist/electron');

export function defaultDataDir(): string {
  if (process.env.ASSA_DATA_DIR) return process.env.ASSA_DATA_DIR;
  const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'assa');
}

export function readVersion(): string {
  return (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
