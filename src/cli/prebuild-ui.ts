// Install-time UI build (package.json "postinstall"): after `npm ci` the bundle is in
// dist/renderer and in the cache by source hash, so the first `npm start` only serves it.
// It never fails the install: where it cannot build (no devDependencies, a read-only
// tree) it says so and the first start builds instead.
import { ensureUiBuilt } from './build-steps';

const started = Date.now();
try {
  const outcome = await ensureUiBuilt((s) => process.stderr.write(`assa: ${s}\n`));
  process.stderr.write(`assa: UI ${outcome === 'built' ? 'built' : outcome === 'from-cache' ? 'taken from the cache' : 'already up to date'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
} catch (e) {
  process.stderr.write(`assa: the UI was not built at install time (${e instanceof Error ? e.message : String(e)}); the first start builds it\n`);
}
process.exit(0);
