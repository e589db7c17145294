// Finding 6: the KDF queue can be flooded. Now every endpoint that hashes draws on a
// per-address budget, the queue is bounded (full: 503 + Retry-After at once, not a wait
// of seconds), and wrong passwords from one address are throttled (mass lock-outs slow).
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/assa/http/context';
import { login } from '../../src/assa/services/login-service';
import { Client, networkSms, request, startHarness, type Harness } from '../integration/assa/assa-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Real per-address budgets (the harness default lifts them for feature tests). */
const realLimits = { rateLimit: { global: 10_000, login: 1000, registration: 1000 }, hashBudget: DEFAULT_CONFIG.hashBudget, failedLoginBudget: DEFAULT_CONFIG.failedLoginBudget };

async function register(base: string, number: string, runa: string) {
  await networkSms(base, number, runa);
  const r = await request(base, 'POST', '/api/v1/registrations', { body: { number, password: 'Kvitka2026', runa, email: `${number}@example.com` }, from: '127.0.0.200' });
  expect(r.status).toBe(201);
}

describe('per-address hash budget', () => {
  it(`one address gets ${DEFAULT_CONFIG.hashBudget.max} hashing requests a minute across login, unlock, registration and recovery; the next is 429 with Retry-After; another address is unaffected`, async () => {
    h = await startHarness({ config: realLimits });
    const from = '127.0.0.50';
    const max = DEFAULT_CONFIG.hashBudget.max;
    const calls = [
      () => request(h!.assa.url, 'POST', '/api/v1/sessions', { body: { number: '441234568', password: 'Guess2026' }, from }),
      () => request(h!.assa.url, 'POST', '/api/v1/sessions/unlock', { body: { number: '441234568', runa: '000000', newPassword: 'Guess2026' }, from }),
      () => request(h!.assa.url, 'POST', '/api/v1/registrations', { body: { number: '441234568', password: 'Guess2026' }, from }),
      () => request(h!.assa.url, 'POST', '/api/v1/password-recovery', { body: { number: '441234568', email: 'x@example.com' }, from }),
    ];
    const statuses: number[] = [];
    for (let i = 0; i < max - 1; i++) statuses.push((await calls[i % calls.length]!()).status);
    expect(statuses).not.toContain(429);
    expect((await calls[0]!()).status).not.toBe(429); // the max-th is still served
    const over = await calls[1]!();
    expect(over.status).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect((await request(h.assa.url, 'POST', '/api/v1/sessions', { body: { number: '441234568', password: 'Guess2026' }, from: '127.0.0.51' })).status).toBe(401);
    // The window slides: a minute later the address may go on.
    h.clock.advance(DEFAULT_CONFIG.hashBudget.windowMs + 1);
    expect((await calls[0]!()).status).toBe(401);
  });
});

describe('bounded KDF queue', () => {
  it('when the queue is full a hashing request is 503 with Retry-After at once, and the queue drains back', async () => {
    // Production-like cost so that requests really queue; queue of 2 behind 2 running.
    h = await startHarness({ kdf: { N: 2 ** 15, r: 8, p: 1 }, kdfQueue: 2, config: { ...realLimits, hashBudget: { max: 1000, windowMs: 60_000 } } });
    await register(h.assa.url, '441234567', '111222');
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => request(h!.assa.url, 'POST', '/api/v1/sessions', { body: { number: '441234567', password: `Wrong${i}x` }, from: `127.0.1.${i + 1}` })));
    const codes = burst.map((r) => r.status);
    expect(codes.filter((c) => c === 503).length).toBeGreaterThan(0);
    expect(codes.filter((c) => c === 401 || c === 423).length).toBeGreaterThanOrEqual(4);
    const busy = burst.find((r) => r.status === 503)!;
    expect(busy.body.error.code).toBe('kdf_busy');
    expect(Number(busy.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Drained: the owner logs in.
    expect((await new Client(h.assa.url).login('441234567', 'Kvitka2026')).status).toBe(200);
    const m = String((await request(h.assa.url, 'GET', '/metrics')).body);
    expect(Number(/assa_kdf_rejected (\d+)/.exec(m)?.[1])).toBe(codes.filter((c) => c === 503).length);
  });
});

describe('mass lock-out from one address is slowed', () => {
  it(`after ${DEFAULT_CONFIG.failedLoginBudget.max} wrong passwords from one address (on any numbers) its logins wait: one address locks at most ${DEFAULT_CONFIG.failedLoginBudget.max / 10} logins per window`, async () => {
    h = await startHarness({ config: realLimits, demoSubscribers: 3 });
    const victims = ['441234567', '441234568', '430000001'];
    for (const [i, v] of victims.entries()) await register(h.assa.url, v, `33344${i}`);
    const attacker = '127.0.0.66';
    const max = DEFAULT_CONFIG.failedLoginBudget.max;
    const got: number[] = [];
    for (let i = 0; i < max; i++) {
      // Slow enough for the per-minute hash budget; the wrong-password budget spans 15 minutes.
      if (i % 10 === 9) h.clock.advance(61_000);
      got.push((await request(h.assa.url, 'POST', '/api/v1/sessions', { body: { number: victims[Math.floor(i / 10)], password: `Guess${i}x` }, from: attacker })).status);
    }
    h.clock.advance(61_000);
    expect(got.filter((s) => s === 429)).toHaveLength(0);
    expect(got.filter((s) => s === 423)).toHaveLength(max / 10);
    // The third victim is spared: the address must wait (long), its guesses are not even checked.
    for (let i = 0; i < 10; i++) {
      const next = await request(h.assa.url, 'POST', '/api/v1/sessions', { body: { number: victims[2], password: `More${i}xx` }, from: attacker });
      expect(next.status).toBe(429);
      expect(next.body.error.code).toBe('too_many_failures');
      expect(Number(next.headers['retry-after'])).toBeGreaterThan(60);
    }
    expect((await request(h.assa.url, 'POST', '/api/v1/sessions', { body: { number: victims[2], password: 'Kvitka2026' }, from: '127.0.0.77' })).status).toBe(200);
    // After the window the address may try again (a person who mistyped is not barred for good).
    h.clock.advance(DEFAULT_CONFIG.failedLoginBudget.windowMs);
    expect((await request(h.assa.url, 'POST', '/api/v1/sessions', { body: { number: victims[2], password: 'Kvitka2026' }, from: attacker })).status).toBe(200);
  });
});

describe('the KDF queue is fair per client address', () => {
  it('under a flood from several addresses, a login from a fresh address is answered before the flood’s later entries', async () => {
    // Production-like cost so that hashes really queue; every address under its cap of 2 waiting.
    h = await startHarness({ kdf: { N: 2 ** 14, r: 8, p: 1 }, kdfQueue: 32, config: { ...realLimits, hashBudget: { max: 1000, windowMs: 60_000 } } });
    await register(h.assa.url, '441234567', '111222');
    // The flood is on a number without an account (so the owner's is not locked by it);
    // one such login first makes the dummy hash, so that each request below costs one hash.
    expect((await request(h.assa.url, 'POST', '/api/v1/sessions', { body: { number: '441234568', password: 'Warm2026x' }, from: '127.0.9.99' })).status).toBe(401);
    const order: string[] = [];
    const login = (tag: string, from: string, password: string, number = '441234568') =>
      request(h!.assa.url, 'POST', '/api/v1/sessions', { body: { number, password }, from }).then((r) => {
        order.push(tag);
        return r.status;
      });
    // Six flooding addresses, two wrong passwords each at once: 2 hash, 10 wait.
    const flood: Array<Promise<number>> = [];
    for (let a = 1; a <= 6; a++) for (let i = 1; i <= 2; i++) flood.push(login(`flood${a}#${i}`, `127.0.9.${a}`, `Wrong${a}${i}x`));
    const hasher = h.assa.ctx.hasher;
    for (let i = 0; i < 400 && hasher.queued + hasher.running < 12; i++) await new Promise((r) => setTimeout(r, 5));
    expect(hasher.running).toBe(2);
    expect(hasher.queued).toBe(10);
    const fresh = login('fresh', '127.0.9.100', 'Kvitka2026', '441234567');
    expect(await fresh).toBe(200);
    const floodStatuses = await Promise.all(flood);
    expect(floodStatuses.every((s) => s === 401)).toBe(true);
    // FIFO would answer it last (12 before it). Round-robin starts it after at most one
    // hash per flooding address: 2 running + 6 = 8, so at least 4 flood entries come after
    // it (one is allowed to overtake it while two hashes run side by side).
    expect(order.length - 1 - order.indexOf('fresh')).toBeGreaterThanOrEqual(3);
  });

  it('one address over its cap of waiting hashes gets 503 + Retry-After; a login from another address is still served', async () => {
    h = await startHarness({ kdf: { N: 2 ** 14, r: 8, p: 1 }, kdfQueue: 32, config: { ...realLimits, hashBudget: { max: 1000, windowMs: 60_000 } } });
    await register(h.assa.url, '441234567', '111222');
    const burst = await Promise.all(Array.from({ length: 8 }, (_, i) => request(h!.assa.url, 'POST', '/api/v1/sessions', { body: { number: '441234567', password: `Wrong${i}x` }, from: '127.0.9.1' })));
    const codes = burst.map((r) => r.status);
    // 2 hash at once and 2 wait (the per-address cap); the other 4 are refused at once.
    expect(codes.filter((c) => c === 503)).toHaveLength(4);
    expect(codes.filter((c) => c === 401)).toHaveLength(4);
    const busy = burst.find((r) => r.status === 503)!;
    expect(busy.body.error.code).toBe('kdf_busy');
    expect(Number(busy.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await new Client(h.assa.url, '127.0.9.2').login('441234567', 'Kvitka2026')).status).toBe(200);
  });
});

describe('IPv6 clients count by their /64', () => {
  it('wrong passwords from many addresses of one /64 share one budget; another /64 has its own', async () => {
    h = await startHarness({ config: realLimits });
    await register(h.assa.url, '441234567', '111222');
    const max = DEFAULT_CONFIG.failedLoginBudget.max;
    const code = (ip: string, password: string) =>
      login(h!.assa.ctx, '441234568', password, ip).then(
        () => 'ok',
        (e: { code?: string }) => e.code,
      );
    // One host rotating through its /64: a new address for every guess.
    for (let i = 0; i < max; i++) expect(await code(`2001:db8:1:2::${(i + 1).toString(16)}`, `Guess${i}x`)).toBe('bad_credentials');
    expect(await code('2001:db8:1:2:ffff::99', 'Guess99x')).toBe('too_many_failures');
    expect(await code('2001:db8:1:3::1', 'Guess99x')).toBe('bad_credentials');
  });
});
