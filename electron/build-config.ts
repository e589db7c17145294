// Bundles the main process and the preload with esbuild. The preload runs sandboxed, so it
// must be one CommonJS file that requires nothing but 'electron'.
import { build } from 'esbuild';
import path from 'node:path';

/** `root` is the repository: the sources are under root/electron whether this module runs
 * from its own file or inlined into the CLI bundle in dist/cli. */
export async function buildElectron(root: string): Promise<void> {
  const here = path.join(root, 'electron');
  const out = path.join(root, 'dist/electron');
  const common = { bundle: true, platform: 'node' as const, format: 'cjs' as const, target: 'node22', sourcemap: true, logLevel: 'warning' as const };
  await build({
    ...common,
    entryPoints: [path.join(here, 'main.ts')],
    outfile: path.join(out, 'main.cjs'),
    // Packages (native ones above all: better-sqlite3, serialport, the keyring) load from
    // node_modules at run time; electron-builder ships them and unpacks the .node files.
    packages: 'external',
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
  await build({ ...common, entryPoints: [path.join(here, 'preload.ts')], outfile: path.join(out, 'preload.cjs'), external: ['electron'] });
}
