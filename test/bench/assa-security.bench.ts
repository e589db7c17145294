// Issue 12 figures with the PRODUCTION KDF (scrypt N=2^17, r=8, p=1), real HTTP on
// loopback: a real login's latency alone and while ten addresses flood every hashing
// endpoint (recovery, unlock, registration, login) — the flood that used to take a login
// from 0.4 s to 6.2 s — and the login timing of a registered vs an unknown number.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startAssa } from '../../src/assa/embedded';
import { STRONG_KDF } from '../../src/assa/security/password-hash';
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

export async function run(): Promise<Figures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-bench-sec-'));
  const assa = await startAssa({ dbPath: path.join(dir, 'assa.db'), port: 0, radiusPort: null, demo: true, kdf: STRONG_KDF, config: { rateLimit: { global: 1e6, login: 1e6, registration: 1e6 } } });
  try {
    const base = assa.url;
    await post(base, '/api/v1/network/events', { type: 'sms', number: '441234567', to: '2772', text: '123456', at: new Date().toISOString() }, undefined, { 'x-assa-network-secret': assa.secrets.network });
    await post(base, '/api/v1/registrations', { number: '441234567', password: 'Kvitka2026', email: 'olena@example.com', runa: '123456' }, '127.0.3.1');
    const login = (from: string) => post(base, '/api/v1/sessions', { number: '441234567', password: 'Kvitka2026' }, from);

    const idle: number[] = [];
    for (let i = 0; i < 20; i++) idle.push(await timed(() => login(`127.0.4.${i + 1}`)));

    // The flood: 10 addresses, each firing hashing requests back to back for the whole measurement.
    let stop = false;
    let sent = 0;
    const refused: Record<number, number> = {};
    const flooder = async (a: number) => {
      let i = 0;
      while (!stop) {
        const from = `127.0.5.${a + 1}`;
        const kinds = [
          () => post(base, '/api/v1/password-recovery', { number: '441234568', email: `x${i}@example.com` }, from),
          () => post(base, '/api/v1/sessions/unlock', { number: '441234568', runa: '000000', newPassword: 'Nova20266' }, from),
          () => post(base, '/api/v1/registrations', { number: '441234568', password: 'Kvitka2026', runa: '000000' }, from),
          () => post(base, '/api/v1/sessions', { number: '441234568', password: `Guess${i}x` }, from),
        ];
        const s = await kinds[i++ % kinds.length]!();
        sent++;
        refused[s] = (refused[s] ?? 0) + 1;
      }
    };
    const flood = Array.from({ length: 10 }, (_, a) => flooder(a));
    let queueMax = 0;
    const sampler = setInterval(() => (queueMax = Math.max(queueMax, assa.ctx.hasher.queued)), 5);
    await new Promise((r) => setTimeout(r, 1000));
    const loaded: number[] = [];
    let loadedOk = 0;
    for (let i = 0; i < 10; i++) {
      let status = 0;
      loaded.push(await timed(async () => (status = await login(`127.0.6.${i + 1}`))));
      if (status === 200) loadedOk++;
    }
    stop = true;
    await Promise.all(flood);
    clearInterval(sampler);
    console.log(`  flood: ${sent} requests, answers ${JSON.stringify(refused)}; real logins ok ${loadedOk}/10; KDF queue at most ${queueMax}`);

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
      'assa.login_flooded_p50_ms': { value: pct(loaded, 50), unit: 'ms (10 logins while 10 addresses flood every hashing endpoint)' },
      'assa.login_flooded_p99_ms': { value: pct(loaded, 99), unit: 'ms (10 logins under the flood)' },
      'assa.login_flooded_ratio': { value: median(loaded) / median(idle), unit: 'x (flooded / idle medians)' },
      'assa.login_flooded_ok': { value: loadedOk, unit: 'of 10 real logins answered 200 during the flood' },
      'assa.kdf_queue_max': { value: queueMax, unit: `hashes waiting at most during the flood (limit --kdf-queue ${assa.ctx.hasher.maxQueued}); ${sent} flood requests` },
      'assa.timing_registered_unknown_ratio': { value: ratio, unit: 'x (median wrong-password login, registered vs unknown, production KDF)' },
    };
  } finally {
    await assa.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
