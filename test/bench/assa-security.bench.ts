// Issue 12 figures with the PRODUCTION KDF (scrypt N=2^17, r=8, p=1), real HTTP on
// loopback: a real login's latency alone and while ten addresses keep 80 requests in
// flight on every hashing endpoint (recovery, unlock, registration, login) — the flood
// that used to take a login from 0.4 s to 6.2 s — with the KDF queue fair per address
// (as built) and, as the peer, the same server with one FIFO line for everyone (how it
// was); and the login timing of a registered vs an unknown number.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAssa } from '../../src/assa/embedded';
import { runAsKdfClient } from '../../src/assa/security/fair-kdf-queue';
import { PasswordHasher, STRONG_KDF } from '../../src/assa/security/password-hash';
import type { Figures } from './run';

function post(base: string, p: string, body: unknown, from?: string, headers: Record<string, string> = {}): Promise<number> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const r = http.request(new URL(p, base), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, ...(from ? { localAddress: from } : {}) }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    r.on('error', reject);
    r.end(payload);
  });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Nearest-rank percentile. */
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** The peer: every hash in one line whatever its address (first come, first served), capped only by the whole queue. */
class FifoHasher extends PasswordHasher {
  override hash(password: string): Promise<string> {
    return runAsKdfClient('everyone', () => super.hash(password));
  }
  override verify(password: string, stored: string): Promise<boolean> {
    return runAsKdfClient('everyone', () => super.verify(password, stored));
  }
}

/**
 * One server: 20 real logins one after another, then 10 more while 10 addresses keep 8
 * hashing requests each in flight (80). The per-address hash and wrong-password budgets
 * are lifted: ten unlimited addresses stand for a botnet of a few hundred, each inside
 * its budget — what the queue itself must withstand. The flood runs in a process of its
 * own (kdf-flood-client.mjs); a refused request is sent again after a second.
 */
async function floodRun(fifo: boolean) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-bench-sec-'));
  const unlimited = { max: 1e9, windowMs: 60_000 };
  const assa = await startAssa({ dbPath: path.join(dir, 'assa.db'), port: 0, radiusPort: null, demo: true, kdf: STRONG_KDF, config: { rateLimit: { global: 1e6, login: 1e6, registration: 1e6 }, hashBudget: unlimited, failedLoginBudget: unlimited } });
  if (fifo) assa.ctx.hasher = new FifoHasher(STRONG_KDF, 2, assa.ctx.hasher.maxQueued, assa.ctx.hasher.maxQueued);
  try {
    const base = assa.url;
    await post(base, '/api/v1/network/events', { type: 'sms', number: '441234567', to: '2772', text: '123456', at: new Date().toISOString() }, undefined, { 'x-assa-network-secret': assa.secrets.network });
    await post(base, '/api/v1/registrations', { number: '441234567', password: 'Kvitka2026', email: 'olena@example.com', runa: '123456' }, '127.0.3.1');
    const login = (from: string) => post(base, '/api/v1/sessions', { number: '441234567', password: 'Kvitka2026' }, from);

    const idle: number[] = [];
    for (let i = 0; i < 20; i++) idle.push(await timed(() => login(`127.0.4.${i + 1}`)));

    const flood = spawn(process.execPath, [path.join(here, 'kdf-flood-client.mjs'), base, '10', '8'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    flood.stdout.on('data', (b: Buffer) => (out += b.toString()));
    await new Promise<void>((r) => flood.stdout.once('data', () => r()));
    let queueMax = 0;
    const sampler = setInterval(() => (queueMax = Math.max(queueMax, assa.ctx.hasher.queued)), 5);
    await new Promise((r) => setTimeout(r, 2000));
    const loaded: number[] = [];
    let loadedOk = 0;
    for (let i = 0; i < 10; i++) {
      let status = 0;
      loaded.push(await timed(async () => (status = await login(`127.0.6.${i + 1}`))));
      if (status === 200) loadedOk++;
    }
    const ended = new Promise((r) => flood.once('exit', r));
    flood.kill('SIGTERM');
    await ended;
    clearInterval(sampler);
    const { sent, answers } = JSON.parse(out.split('\n').filter(Boolean).pop()!) as { sent: number; answers: Record<string, number> };
    console.log(`  ${fifo ? 'FIFO peer' : 'fair queue'}: idle p50 ${pct(idle, 50).toFixed(0)} ms, flooded p50 ${pct(loaded, 50).toFixed(0)} ms; flood ${sent} requests, answers ${JSON.stringify(answers)}; real logins ok ${loadedOk}/10; KDF queue at most ${queueMax}`);
    return { idle, loaded, loadedOk, queueMax, sent, maxQueued: assa.ctx.hasher.maxQueued, perClient: assa.ctx.hasher.perClientQueued, assa, dir };
  } catch (e) {
    await assa.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

export async function run(): Promise<Figures> {
  const peer = await floodRun(true);
  await peer.assa.close();
  rmSync(peer.dir, { recursive: true, force: true });
  const fair = await floodRun(false);
  const { assa, dir, idle, loaded } = fair;
  try {
    const base = assa.url;
    // Timing oracle: wrong password on the registered number vs an unknown one.
    const reg: number[] = [];
    const unk: number[] = [];
    for (let i = 0; i < 5; i++) {
      reg.push(await timed(() => post(base, '/api/v1/sessions', { number: '441234567', password: `Wrong${i}x` }, `127.0.7.${i + 1}`)));
      unk.push(await timed(() => post(base, '/api/v1/sessions', { number: '441234568', password: `Wrong${i}x` }, `127.0.8.${i + 1}`)));
    }
    const ratio = Math.max(median(reg), median(unk)) / Math.min(median(reg), median(unk));
    return {
      'assa.login_p50_ms': { value: pct(idle, 50), unit: 'ms (20 logins one after another, production KDF)' },
      'assa.login_p99_ms': { value: pct(idle, 99), unit: 'ms (20 logins, production KDF)' },
      'assa.login_flooded_p50_ms': { value: pct(loaded, 50), unit: 'ms (10 logins while 10 addresses keep 80 hashing requests in flight; fair KDF queue)' },
      'assa.login_flooded_p99_ms': { value: pct(loaded, 99), unit: 'ms (10 logins under the flood; fair KDF queue)' },
      'assa.login_flooded_ratio': { value: median(loaded) / median(idle), unit: 'x (flooded / idle medians; fair KDF queue)' },
      'assa.login_flooded_ok': { value: fair.loadedOk, unit: 'of 10 real logins answered 200 during the flood' },
      'assa.kdf_queue_max': { value: fair.queueMax, unit: `hashes waiting at most during the flood (limit --kdf-queue ${fair.maxQueued}, ${fair.perClient} per address); ${fair.sent} flood requests` },
      'assa.login_flooded_fifo_p50_ms': { value: pct(peer.loaded, 50), unit: `ms (the peer: the same flood, one FIFO line for everyone; idle p50 ${pct(peer.idle, 50).toFixed(0)} ms)` },
      'assa.login_flooded_fifo_ratio': { value: median(peer.loaded) / median(peer.idle), unit: `x (the peer's flooded / idle medians; ${peer.loadedOk} of 10 answered 200, queue at most ${peer.queueMax})` },
      'assa.login_flooded_fifo_ok': { value: peer.loadedOk, unit: 'of 10 real logins answered 200 during the flood with one FIFO line (the rest: 503, the queue full of the flood)' },
      'assa.login_flooded_fair_vs_fifo': { value: median(loaded) / median(peer.loaded), unit: 'x (flooded login median, fair queue / FIFO peer)' },
      'assa.timing_registered_unknown_ratio': { value: ratio, unit: 'x (median wrong-password login, registered vs unknown, production KDF)' },
    };
  } finally {
    await assa.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
