// `npm start` (and `assa server`, for the portal and operator pages) needs the built UI:
// every Vite entry of renderer/vite.config.ts in dist/renderer. Building takes many
// seconds, so the bundle is kept by the hash of its sources: dist/renderer/.source-hash
// says which sources it was built from, and a cache under node_modules/.cache/assa-ui/
// holds bundles by hash — filled at install time (postinstall, src/cli/install-build.ts)
// and by every build — so a fresh clone sharing node_modules starts without building.
// The Electron main and preload bundles (esbuild, about a second) still go by mtime.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { electronDist, rendererDist, repoRoot } from './paths';

const HASH_FILE = '.source-hash';
const KEEP_CACHED = 6;

/** What the UI bundle is built from: the renderer, the shared code it imports, the lock file. */
export const UI_SOURCES = ['renderer', 'src/shared', 'package-lock.json'];

function listFiles(p: string, out: string[]): void {
  if (!existsSync(p)) return;
  if (statSync(p).isFile()) {
    out.push(p);
    return;
  }
  for (const entry of readdirSync(p, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    // Tests beside the sources never reach the bundle.
    if (/\.test\.tsx?$/.test(entry.name)) continue;
    listFiles(path.join(p, entry.name), out);
  }
}

/** sha256 over the relative paths and contents of the UI's sources (about 10 ms). */
export function uiSourceHash(root = repoRoot): string {
  const files: string[] = [];
  for (const s of UI_SOURCES) listFiles(path.join(root, s), files);
  const h = createHash('sha256');
  for (const f of files.sort()) {
    h.update(path.relative(root, f).split(path.sep).join('/'));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 32);
}

export function uiCacheDir(root = repoRoot): string {
  return path.join(root, 'node_modules', '.cache', 'assa-ui');
}

export type UiBuildOutcome = 'up-to-date' | 'from-cache' | 'built';

/**
 * Makes dist/renderer match the sources: nothing to do, a copy from the cache, or a Vite
 * build of every entry (then cached). Usable by any command that serves the bundle.
 */
export async function ensureUiBuilt(log: (s: string) => void, root = repoRoot): Promise<UiBuildOutcome> {
  // renderer/vite.config.ts writes there; the stamp and the cache copy follow it.
  const outDir = root === repoRoot ? rendererDist : path.join(root, 'dist/renderer');
  const hash = uiSourceHash(root);
  const stamp = path.join(outDir, HASH_FILE);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash && existsSync(path.join(outDir, 'index.html'))) return 'up-to-date';
  const cached = path.join(uiCacheDir(root), hash);
  if (existsSync(path.join(cached, HASH_FILE))) {
    rmSync(outDir, { recursive: true, force: true });
    cpSync(cached, outDir, { recursive: true });
    return 'from-cache';
  }
  log('building the UI…');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
  writeFileSync(stamp, hash);
  storeInCache(outDir, cached);
  return 'built';
}

/** Copies a finished bundle into the cache under its hash (atomically) and prunes old ones. */
function storeInCache(outDir: string, cached: string): void {
  try {
    const dir = path.dirname(cached);
    mkdirSync(dir, { recursive: true });
    const tmp = `${cached}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    cpSync(outDir, tmp, { recursive: true });
    if (existsSync(cached)) rmSync(tmp, { recursive: true, force: true });
    else renameSync(tmp, cached);
    const entries = readdirSync(dir)
      .filter((n) => /^[0-9a-f]{32}$/.test(n))
      .map((n) => ({ n, t: statSync(path.join(dir, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const old of entries.slice(KEEP_CACHED)) rmSync(path.join(dir, old.n), { recursive: true, force: true });
  } catch {
    // No cache (read-only node_modules): the next fresh start builds again; nothing breaks.
  }
}

/** Kept for callers of the old name. */
export async function buildRendererIfStale(log: (s: string) => void): Promise<void> {
  await ensureUiBuilt(log);
}

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

export async function buildElectronIfStale(log: (s: string) => void): Promise<void> {
  const out = path.join(electronDist, 'main.cjs');
  if (!isStale(out, [path.join(repoRoot, 'electron'), path.join(repoRoot, 'src'), path.join(repoRoot, 'hardware')])) return;
  log('building the desktop shell…');
  const { buildElectron } = await import('../../electron/build-config');
  await buildElectron(repoRoot);
}
