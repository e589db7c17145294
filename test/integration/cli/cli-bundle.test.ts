// The install-time CLI bundle (bin/assa.js, src/cli/cli-bundle.ts, issue 17's start-up
// time): built in a fresh clone of this repository as `npm ci`'s postinstall builds it, the
// bundle is what `assa` runs, it finds the files it serves (the operator console, the
// package version) from dist/cli as from its sources, and any source newer than it sends
// the command back to its sources.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBundleIsFresh } from '../../../bin/cli-bundle-fresh.mjs';
import { buildCliBundle } from '../../../src/cli/cli-bundle';
import { repoRoot } from '../../../src/cli/paths';
import { LISTENING, waitForOutput } from '../../support/child-output';

describe('the CLI bundle in a fresh clone', () => {
  let tmp: string;
  let clone: string;
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'assa-cli-bundle-'));
    clone = path.join(tmp, 'assa');
    execFileSync('git', ['clone', '--quiet', repoRoot, clone]);
    symlinkSync(realpathSync(path.join(repoRoot, 'node_modules')), path.join(clone, 'node_modules'));
    await buildCliBundle(clone);
  }, 120_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('is fresh right after the build, and the command runs it', () => {
    expect(cliBundleIsFresh(clone)).toBe(true);
    const version = (JSON.parse(readFileSync(path.join(clone, 'package.json'), 'utf8')) as { version: string }).version;
    // Proof that the bundle ran: the entry source is broken (with an old mtime, so the
    // bundle stays fresh); only the bundle can still answer.
    const entry = path.join(clone, 'src/cli/main.ts');
    const source = readFileSync(entry);
    const old = new Date('2001-01-01T00:00:00Z');
    writeFileSync(entry, 'throw new Error("the sources ran");\n');
    utimesSync(entry, old, old);
    try {
      expect(cliBundleIsFresh(clone)).toBe(true);
      const out = execFileSync(process.execPath, ['bin/assa.js', '--version'], { cwd: clone, env: { ...process.env, ASSA_FROM_SOURCE: '' } }).toString().trim();
      expect(out).toBe(version);
      // ASSA_FROM_SOURCE=1 goes to the (broken) sources.
      expect(() => execFileSync(process.execPath, ['bin/assa.js', '--version'], { cwd: clone, env: { ...process.env, ASSA_FROM_SOURCE: '1' }, stdio: 'pipe' })).toThrow(/the sources ran/);
    } finally {
      writeFileSync(entry, source);
      utimesSync(entry, old, old);
    }
  });

  it('serves the operator console from dist/operator when run from the bundle', async () => {
    mkdirSync(path.join(clone, 'dist/operator'), { recursive: true });
    writeFileSync(path.join(clone, 'dist/operator/index.html'), '<!doctype html><title>console of this clone</title>');
    // The console is built after the bundle here; keep the bundle the newest thing in the tree.
    const now = new Date();
    utimesSync(path.join(clone, 'dist/cli/main.mjs'), now, now);
    const child = spawn(process.execPath, ['bin/assa.js', 'server', '--demo', '--port', '0', '--radius-port', '0', '--db', path.join(tmp, 'assa.db')], { cwd: clone, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = (await waitForOutput(child, LISTENING, { name: 'assa server' })).match[1]!;
      const r = await fetch(`${url}/operator/`);
      expect(r.status).toBe(200);
      expect(await r.text()).toContain('console of this clone');
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);

  it('is stale once any source is newer, and then the command runs from the sources', () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(clone, 'src/cli/main.ts'), later, later);
    expect(cliBundleIsFresh(clone)).toBe(false);
    // Proof that the sources ran: break the bundle; the command still answers.
    writeFileSync(path.join(clone, 'dist/cli/main.mjs'), 'throw new Error("the stale bundle ran");\n');
    utimesSync(path.join(clone, 'dist/cli/main.mjs'), new Date(), new Date());
    expect(execFileSync(process.execPath, ['bin/assa.js', '--version'], { cwd: clone }).toString().trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
