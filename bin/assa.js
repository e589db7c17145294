#!/usr/bin/env node
// The `assa` command. The sources are TypeScript. `npm ci` bundles them once
// (postinstall, src/cli/install-build.ts) into dist/cli/main.mjs, which starts in a
// fraction of the time tsx needs to compile some 400 modules through Node's loader hooks
// on every start. When the bundle is missing or older than any source (a pull, an edit),
// tsx compiles the sources on load, so `npx assa ...` works with no build step at all.
// ASSA_FROM_SOURCE=1 forces the sources.
import { fileURLToPath } from 'node:url';
import { CLI_BUNDLE, cliBundleIsFresh } from './cli-bundle-fresh.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (process.env.ASSA_FROM_SOURCE !== '1' && cliBundleIsFresh(root)) {
  await import(new URL(`../${CLI_BUNDLE}`, import.meta.url).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
