// Issue 17 benches app.first_start_s and app.start_s: a fresh clone of this repository
// (`git clone` into a temp folder, node_modules linked to this tree's, as after `npm ci`
// whose postinstall put the UI bundle in the cache by source hash and bundled the CLI),
// then `npm start`'s command (`node bin/assa.js start`, browser mode here) to the URL
// printed on its own line; then a second start of the same clone. The peer, in the same
// run: the same start from the TypeScript sources through tsx (ASSA_FROM_SOURCE=1), as
// every start was before the install-time CLI bundle. The clock starts at spawn.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureUiBuilt } from '../../src/cli/build-steps';
import { buildCliBundle } from '../../src/cli/cli-bundle';
import { repoRoot } from '../../src/cli/paths';
import type { Figures } from './run';

function startToUrl(cwd: string, dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<number> {
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, ['bin/assa.js', 'start', '--browser', '--data-dir', dataDir, '--virtual-transport', 'in-process'], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.split('\n').some((l) => /^http:\/\/127\.0\.0\.1:\d+$/.test(l.trim()))) {
        const s = Number(process.hrtime.bigint() - t0) / 1e9;
        child.removeAllListeners('exit');
        child.once('exit', () => resolve(s));
        child.kill('SIGTERM');
      }
    });
    child.once('exit', (code) => reject(new Error(`assa start exited with ${code}: ${err}`)));
  });
}

export async function run(): Promise<Figures> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'assa-bench-clone-'));
  try {
    const clone = path.join(tmp, 'assa');
    execFileSync('git', ['clone', '--quiet', repoRoot, clone]);
    symlinkSync(realpathSync(path.join(repoRoot, 'node_modules')), path.join(clone, 'node_modules'));
    // What `npm ci`'s postinstall leaves behind: the bundle for these sources in the cache.
    await ensureUiBuilt(() => undefined, clone);
    rmSync(path.join(clone, 'dist'), { recursive: true, force: true });
    await buildCliBundle(clone);
    const first = await startToUrl(clone, path.join(tmp, 'data'));
    const later = await startToUrl(clone, path.join(tmp, 'data'));
    const fromSource = await startToUrl(clone, path.join(tmp, 'data'), { ASSA_FROM_SOURCE: '1' });
    return {
      'app.first_start_s': { value: first, unit: 's' },
      'app.start_s': { value: later, unit: 's' },
      'app.start_from_source_s': { value: fromSource, unit: 's' },
      'app.start_ratio_to_source': { value: later / fromSource, unit: 'x' },
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
