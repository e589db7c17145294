// `npm start` builds what it needs, and only when its sources are newer than the output:
// the renderer bundle (Vite) and, for Electron, the main and preload bundles (esbuild).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { electronDist, rendererDist, repoRoot } from './paths';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function isStale(output: string, sources: string[]): boolean {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((s) => existsSync(s) && newestMtime(s) > built);
}

export async function buildRendererIfStale(log: (s: string) => void): Promise<void> {
  const out = path.join(rendererDist, 'index.html');
  if (!isStale(out, [path.join(repoRoot, 'renderer'), path.join(repoRoot, 'src/shared')])) return;
  log('building the UI…');
  const { build } = await import('vite');
  await build({ configFile: path.join(repoRoot, 'renderer/vite.config.ts'), logLevel: 'warn' });
}

export async function buildElectronIfStale(log: (s: string) => void): Promise<void> {
  const out = path.join(electronDist, 'main.cjs');
  if (!isStale(out, [path.join(repoRoot, 'electron'), path.join(repoRoot, 'src'), path.join(repoRoot, 'hardware')])) return;
  log('building the desktop shell…');
  const { buildElectron } = await import('../../electron/build-config');
  await buildElectron();
}
