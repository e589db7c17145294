// Every numbered rule of issue 12's list, over real HTTP with the injected clock, on both
// sides of its boundary: a change of the number in the code fails here. The numbers are
// written out (never imported from the code under test).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, networkSms, request, startHarness, type Harness } from '../integration/assa/assa-harness';

const MIN = 60_000;
const IDLE_MS = 30 * MIN;
const ABSOLUTE_MS = 12 * 60 * MIN;
const RUNA_MS = 10 * MIN;
const SECTION_MS = 10 * MIN;
const LOCK_AFTER = 10;
const NUMBER = '441234567';
const PASSWORD = 'Kvitka2026';

let h: Harness;
let runaSeq = 400000;
const freshRuna = async (number = NUMBER) => {
  const code = String(++runaSeq);
  expect((await networkSms(h.assa.url, number, code)).status).toBe(200);
  return code;
};
beforeAll(async () => {
  h = await startHarness();
  expect((await request(h.assa.url, 'POST', '/api/v1/registrations', { body: { number: NUMBER, password: PASSWORD, email: 'olena@example.com', runa: await freshRuna() } })).status).toBe(201);
});
afterAll(async () => h.close());

const loggedIn = async () => {
  const c = new Client(h.assa.url);
  expect((await c.login(NUMBER, PASSWORD)).status).toBe(200);
  return c;
};
const alive = async (c: Client) => (await c.call('GET', '/api/v1/account')).status === 200;

describe('A-REG-2 password length 6..14 (registration over HTTP)', () => {
  it('5 and 15 characters are refused for length; 6 and 14 pass the length rule', async () => {
    const lengthRule = async (password: string) => {
      const r = await request(h.assa.url, 'POST', '/api/v1/registrations', { body: { number: '441234568', password } });
      return r.status === 400 && r.body.error.code === 'weak_password' && (r.body.error.details?.rules ?? []).includes('length');
    };
    expect(await lengthRule('abcd1')).toBe(true);
    expect(await lengthRule('abcde1')).toBe(false);
    expect(await lengthRule('abcdefghijkl12')).toBe(false);
    expect(await lengthRule('abcdefghijkl123')).toBe(true);
  });
});

describe('A-SEC-1 session timeouts', () => {
  it('idle: alive after exactly 30 minutes without a request, ended 1 ms later', async () => {
    const a = await loggedIn();
    h.clock.advance(IDLE_MS);
    expect(await alive(a)).toBe(true);
    h.clock.advance(IDLE_MS + 1);
    expect(await alive(a)).toBe(false);
  });

  it('absolute: a session kept busy lives exactly 12 hours, not 1 ms more', async () => {
    const a = await loggedIn();
    const started = h.clock.now();
    while (h.clock.now() + 20 * MIN < started + ABSOLUTE_MS) {
      h.clock.advance(20 * MIN);
      expect(await alive(a)).toBe(true);
    }
    h.clock.t = started + ABSOLUTE_MS;
    expect(await alive(a)).toBe(true);
    h.clock.advance(1);
    expect(await alive(a)).toBe(false);
  });
});

describe('A-RUNA-3 a RUNA lives 10 minutes', () => {
  it('used exactly 10 minutes after activation it works; 1 ms later it does not', async () => {
    const a = await loggedIn();
    const early = await freshRuna();
    h.clock.advance(RUNA_MS);
    expect((await a.call('POST', '/api/v1/security/protected/unlock', { runa: early })).status).toBe(200);
    const late = await freshRuna();
    h.clock.advance(RUNA_MS + 1);
    const b = await loggedIn();
    expect((await b.call('POST', '/api/v1/security/protected/unlock', { runa: late })).body.error.code).toBe('runa_invalid');
  });
});

describe('A-SEC-4 a protected section stays open 10 minutes after its RUNA', () => {
  it('open at exactly 10 minutes, closed 1 ms later', async () => {
    const a = await loggedIn();
    expect((await a.call('PUT', '/api/v1/security/protected', { sections: ['details'] })).status).toBe(200);
    expect((await a.call('POST', '/api/v1/security/protected/unlock', { runa: await freshRuna() })).status).toBe(200);
    const details = () => a.call('GET', '/api/v1/details?kind=calls&from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z');
    expect((await details()).status).toBe(200);
    h.clock.advance(SECTION_MS - 1); // keeps the session alive too (idle 30 min)
    expect((await details()).body?.error?.code).not.toBe('section_protected');
    h.clock.advance(1);
    expect((await details()).body?.error?.code).not.toBe('section_protected');
    h.clock.advance(1);
    expect((await details()).body.error.code).toBe('section_protected');
    // Open again for the tests after this one; sections back to none.
    expect((await a.call('POST', '/api/v1/security/protected/unlock', { runa: await freshRuna() })).status).toBe(200);
    expect((await a.call('PUT', '/api/v1/security/protected', { sections: [] })).status).toBe(200);
  });
});

describe('A-SEC-2 ten CONSECUTIVE wrong passwords lock', () => {
  it('9 wrong, a right one, 9 wrong: not locked (the counter restarted); the 10th in a row locks', async () => {
    const c = new Client(h.assa.url);
    for (let i = 0; i < LOCK_AFTER - 1; i++) expect((await c.login(NUMBER, `Wrong${i}pass`)).status).toBe(401);
    expect((await c.login(NUMBER, PASSWORD)).status).toBe(200);
    for (let i = 0; i < LOCK_AFTER - 1; i++) expect((await c.login(NUMBER, `Again${i}pass`)).status).toBe(401);
    expect((await c.login(NUMBER, PASSWORD)).status).toBe(200);
    for (let i = 0; i < LOCK_AFTER - 1; i++) expect((await c.login(NUMBER, `Third${i}pass`)).status).toBe(401);
    expect((await c.login(NUMBER, 'Tenth1pass')).status).toBe(423);
    expect((await c.login(NUMBER, PASSWORD)).status).toBe(423);
  });
});
