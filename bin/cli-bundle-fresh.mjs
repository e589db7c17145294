// Is the install-time bundle of the CLI (dist/cli/main.mjs) built from the sources as they
// are now? Plain JavaScript, because it decides whether tsx is needed at all. A bundle is
// fresh when no source file is newer than it: a checkout, a pull or an edit gives the
// changed files a new mtime, so a stale bundle is never run (the start falls back to the
// sources through tsx, as before the bundle existed). About 10 ms over the whole tree.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What the CLI is built from. */
export const CLI_SOURCES = ['src', 'hardware', 'electron', 'package.json', 'package-lock.json'];
export const CLI_BUNDLE = 'dist/cli/main.mjs';

function newestMtime(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry.name)));
  }
  return newest;
}

export function cliBundleIsFresh(root) {
  const bundle = path.join(root, CLI_BUNDLE);
  if (!existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  return CLI_SOURCES.every((s) => !existsSync(path.join(root, s)) || newestMtime(path.join(root, s)) <= built);
}
