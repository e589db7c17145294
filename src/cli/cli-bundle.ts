// The install-time bundle of the `assa` command (see bin/assa.js for why): every module of
// src/cli/main.ts in one ESM file, the npm packages left outside (they are plain JS in
// node_modules and load fast). Built in a folder of its own, then put in place of the old
// folder, so that a start racing the install finds the old bundle or the new one.
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CLI_BUNDLE } from '../../bin/cli-bundle-fresh.mjs';
import { repoRoot } from './paths';

export async function buildCliBundle(root = repoRoot): Promise<string> {
  const { build } = await import('esbuild');
  const out = path.join(root, CLI_BUNDLE);
  const outDir = path.dirname(out);
  const tmpDir = path.join(path.dirname(outDir), `.cli-build-${process.pid}`);
  try {
    rmSync(tmpDir, { recursive: true, force: true });
    mkdirSync(tmpDir, { recursive: true });
    await build({
      entryPoints: { [path.basename(out, '.mjs')]: path.join(root, 'src/cli/main.ts') },
      outdir: tmpDir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      // Each command stays its own chunk, loaded when run, as from the sources: the packages
      // a command imports (and their import-time side effects, e.g. signal hooks) load only
      // with that command, and `assa diag` never pays for the server.
      splitting: true,
      // Beside main.mjs: modules find the package root by counting up from dist/cli (cli/paths.ts).
      chunkNames: '[name]-[hash]',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      // Stack traces of a crash can name the TypeScript sources (node --enable-source-maps).
      sourcemap: 'linked',
      logLevel: 'warning',
    });
    rmSync(outDir, { recursive: true, force: true });
    renameSync(tmpDir, outDir);
    return out;
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
}
