// Issue 5 benches on this machine: one password hash at the production KDF (scrypt
// N=2^17, r=8), logins per second with that KDF, and GET /api/v1/account throughput
// and p99 with 100k subscribers in the database (autocannon, 10 connections, 10 s).
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAssa } from '../../src/assa/embedded';
import { PasswordHasher, STRONG_KDF } from '../../src/assa/security/password-hash';
import { generateSubscribers } from '../../src/assa/store/demo-data';
import type { Figures } from './run';

type Result = { requests: { average: number }; latency: { p99: number }; non2xx: number };
const cannon = (opts: autocannon.Options) => new Promise<Result>((res, rej) => autocannon(opts, (e: unknown, r: unknown) => (e ? rej(e) : res(r as Result))));

export async function run(): Promise<Figures> {
  const subscribers = Number(process.env.ASSA_BENCH_SUBSCRIBERS ?? 100_000);
  const hasher = new PasswordHasher(STRONG_KDF);
  const k0 = performance.now();
  for (let i = 0; i < 5; i++) await hasher.hash(`Bench${i}pass`);
  const kdfMs = (performance.now() - k0) / 5;

  const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-bench-auth-'));
  const assa = await startAssa({ dbPath: path.join(dir, 'assa.db'), port: 0, radiusPort: null, demo: true, config: { rateLimit: { global: 1e9, login: 1e9, registration: 1e9 }, hashBudget: { max: 1e9, windowMs: 60_000 }, failedLoginBudget: { max: 1e9, windowMs: 60_000 } } });
  const g0 = performance.now();
  await generateSubscribers(assa.ctx.store, subscribers);
  console.log(`  ${subscribers} subscribers generated in ${((performance.now() - g0) / 1000).toFixed(1)} s`);
  const post = (p: string, body: unknown, headers: Record<string, string> = {}) => fetch(`${assa.url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  await post('/api/v1/network/events', { type: 'sms', number: '441234567', to: '2772', text: '123456', at: new Date().toISOString() }, { 'x-assa-network-secret': assa.secrets.network });
  await post('/api/v1/registrations', { number: '441234567', password: 'Kvitka2026', runa: '123456' });
  const login = await post('/api/v1/sessions', { number: '441234567', password: 'Kvitka2026' });
  const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');

  const logins = await cannon({ url: `${assa.url}/api/v1/sessions`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ number: '441234567', password: 'Kvitka2026' }), connections: 4, duration: 10 });
  const account = await cannon({ url: `${assa.url}/api/v1/account`, headers: { cookie }, connections: 10, duration: 10 });
  await assa.close();
  rmSync(dir, { recursive: true, force: true });
  if (account.non2xx > 0) throw new Error(`${account.non2xx} non-2xx answers to GET /account`);
  return {
    'assa.kdf_ms': { value: kdfMs, unit: 'ms per scrypt hash (N=2^17, r=8, p=1)' },
    'assa.login_per_s': { value: logins.requests.average, unit: 'logins/s (strong KDF, 2 hashes at a time, 4 connections)' },
    'assa.account_per_s': { value: account.requests.average, unit: `GET /account req/s with ${subscribers} subscribers (10 connections)` },
    'assa.account_p99_ms': { value: account.latency.p99, unit: `ms p99 GET /account, ${subscribers} subscribers` },
  };
}
