// Install-time build (package.json "postinstall"): after `npm ci` the UI bundle is in
// dist/renderer and in the cache by source hash, and the CLI is one bundle in dist/cli, so
// the first `npm start` only serves. It never fails the install: where it cannot build (no
// devDependencies, a read-only tree) it says so, and the first start builds the UI and
// runs the CLI from its sources instead.
import { buildCliBundle } from './cli-bundle';
import { ensureUiBuilt } from './build-steps';

const say = (s: string) => process.stderr.write(`assa: ${s}\n`);
let started = Date.now();
try {
  const outcome = await ensureUiBuilt(say);
  say(`UI ${outcome === 'built' ? 'built' : outcome === 'from-cache' ? 'taken from the cache' : 'already up to date'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
} catch (e) {
  say(`the UI was not built at install time (${e instanceof Error ? e.message : String(e)}); the first start builds it`);
}
started = Date.now();
try {
  await buildCliBundle();
  say(`command bundled (${((Date.now() - started) / 1000).toFixed(1)} s)`);
} catch (e) {
  say(`the command was not bundled (${e instanceof Error ? e.message : String(e)}); it runs from its sources`);
}
process.exit(0);
