// The install-time bundle of the `assa` command (see bin/assa.js for why): every module of
// src/cli/main.ts in one ESM file, the npm packages left outside (they are plain JS in
// node_modules and load fast). Built in a folder of its own, then renamed into place, so
// that a start racing the install sees the old bundle or the new one, never half of one.
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CLI_BUNDLE } from '../../bin/cli-bundle-fresh.mjs';
import { repoRoot } from './paths';

export async function buildCliBundle(root = repoRoot): Promise<string> {
  const { build } = await import('esbuild');
  const out = path.join(root, CLI_BUNDLE);
  const tmpDir = path.join(path.dirname(out), `.build-${process.pid}`);
  const name = path.basename(out);
  try {
    mkdirSync(tmpDir, { recursive: true });
    await build({
      entryPoints: [path.join(root, 'src/cli/main.ts')],
      outfile: path.join(tmpDir, name),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      // Stack traces of a crash can name the TypeScript sources (node --enable-source-maps).
      sourcemap: 'linked',
      logLevel: 'warning',
    });
    renameSync(path.join(tmpDir, `${name}.map`), `${out}.map`);
    renameSync(path.join(tmpDir, name), out);
    return out;
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
}
