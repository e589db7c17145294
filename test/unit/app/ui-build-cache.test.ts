// The UI bundle is kept by the hash of its sources: a second tree with the same sources
// (a fresh clone sharing node_modules) takes it from the cache instead of building.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureUiBuilt, uiCacheDir, uiSourceHash } from '../../../src/cli/build-steps';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tree(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'assa-uicache-'));
  dirs.push(root);
  mkdirSync(path.join(root, 'renderer/src'), { recursive: true });
  mkdirSync(path.join(root, 'src/shared'), { recursive: true });
  writeFileSync(path.join(root, 'renderer/src/main.tsx'), 'export const a = 1;\n');
  writeFileSync(path.join(root, 'src/shared/x.ts'), 'export const x = 1;\n');
  writeFileSync(path.join(root, 'package-lock.json'), '{}');
  return root;
}

describe('UI build cache by source hash', () => {
  it('the hash follows the sources (not tests, not mtimes)', () => {
    const root = tree();
    const h = uiSourceHash(root);
    writeFileSync(path.join(root, 'renderer/src/main.test.tsx'), 'test');
    expect(uiSourceHash(root)).toBe(h);
    writeFileSync(path.join(root, 'renderer/src/main.tsx'), 'export const a = 2;\n');
    expect(uiSourceHash(root)).not.toBe(h);
    const clone = tree();
    writeFileSync(path.join(clone, 'renderer/src/main.tsx'), 'export const a = 2;\n');
    expect(uiSourceHash(clone)).toBe(uiSourceHash(root));
  });

  it('takes a cached bundle for the same hash, and then is up to date; a changed source misses', async () => {
    const root = tree();
    const hash = uiSourceHash(root);
    const cached = path.join(uiCacheDir(root), hash);
    mkdirSync(cached, { recursive: true });
    writeFileSync(path.join(cached, 'index.html'), '<html>cached</html>');
    writeFileSync(path.join(cached, '.source-hash'), hash);
    const out = path.join(root, 'dist/renderer');
    expect(await ensureUiBuilt(() => undefined, root)).toBe('from-cache');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('<html>cached</html>');
    expect(await ensureUiBuilt(() => undefined, root)).toBe('up-to-date');
    // Another tree with the same sources and the same (shared) cache.
    const clone = tree();
    cpSync(path.join(root, 'node_modules'), path.join(clone, 'node_modules'), { recursive: true });
    expect(await ensureUiBuilt(() => undefined, clone)).toBe('from-cache');
    // A changed source is not served from the old bundle: it must build (here: no vite config → fails).
    writeFileSync(path.join(root, 'renderer/src/main.tsx'), 'export const a = 3;\n');
    const logs: string[] = [];
    await expect(ensureUiBuilt((s) => logs.push(s), root)).rejects.toThrow();
    expect(logs).toEqual(['building the UI…']);
  });
});
