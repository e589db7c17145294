// A-UTL-2/3 call forwarding over real HTTP (issue 13 finding 7): refused while its paid
// service is off and working (its fee taken) once on; every condition at once, the
// no-answer waiting interval; never to the number itself; a SIP address needs "Forwarding
// to SIP". Both the screen's single-rule form and the all-conditions form go through the
// same rules.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, networkSms, request, startHarness, type Harness } from './assa-harness';

let h: Harness;
let c: Client;

beforeEach(async () => {
  h = await startHarness();
  await networkSms(h.assa.url, '441234567', '100001');
  await request(h.assa.url, 'POST', '/api/v1/registrations', { body: { number: '441234567', password: 'Kvitka2026', runa: '100001' } });
  c = new Client(h.assa.url);
  expect((await c.login('441234567', 'Kvitka2026')).status).toBe(200);
  expect((await c.call('POST', '/api/v1/terms/accept', {})).status).toBe(200);
});
afterEach(async () => h.close());

const balance = async () => (await c.call('GET', '/api/v1/account')).body.balance as number;
const rules = async () => (await c.call('GET', '/api/v1/utilities/forwarding/rules')).body.rules as Array<Record<string, unknown>>;
const setRules = (r: unknown[]) => c.call('PUT', '/api/v1/utilities/forwarding/rules', { rules: r });
const ALL = [
  { kind: 'always', target: '0441234568' },
  { kind: 'busy', target: '+380 44 123 45 69' },
  { kind: 'no-answer', target: '0441234568', waitSeconds: 15 },
  { kind: 'unreachable', target: '441234570' },
];

describe('call forwarding needs its paid service (A-UTL-2, A-SVC-2)', () => {
  it('refused while "Call forwarding" is off, in both forms; accepted once it is on, and its fee is taken once', async () => {
    expect(await balance()).toBe(2900);
    const off = await setRules([ALL[0]]);
    expect(off.status).toBe(403);
    expect(off.body.error).toMatchObject({ code: 'service_required', details: { service: 'call-forwarding' } });
    expect((await c.call('PUT', '/api/v1/utilities/forwarding', { kind: 'always', target: '0441234568' })).body.error.code).toBe('service_required');
    expect(await rules()).toEqual([]);
    expect((await c.call('GET', '/api/v1/utilities/forwarding')).body).toBeNull();
    expect(await balance()).toBe(2900);

    expect((await c.call('PUT', '/api/v1/services/call-forwarding', { enabled: true })).body).toMatchObject({ id: 'call-forwarding', enabled: true });
    expect(await balance()).toBe(2400);
    const mv = await c.call('GET', '/api/v1/money/movements?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z');
    expect(mv.body.items.at(-1)).toMatchObject({ kind: 'service_fee', amount: -500 });

    expect((await setRules([ALL[0]])).status).toBe(200);
    expect(await rules()).toEqual([{ kind: 'always', target: '441234568', inEffect: true }]);
    // Setting rules again costs nothing: the fee is the service's, monthly.
    expect((await setRules(ALL)).status).toBe(200);
    expect(await balance()).toBe(2400);
  });

  it('a rule whose service is switched off is kept but not in effect, and no new rule is accepted', async () => {
    await c.call('PUT', '/api/v1/services/call-forwarding', { enabled: true });
    expect((await setRules([ALL[1]])).status).toBe(200);
    await c.call('PUT', '/api/v1/services/call-forwarding', { enabled: false });
    expect(await rules()).toEqual([{ kind: 'busy', target: '441234569', inEffect: false }]);
    expect((await setRules([ALL[0]])).body.error.code).toBe('service_required');
    // Turning forwarding off needs no service.
    expect((await setRules([])).status).toBe(200);
    expect(await rules()).toEqual([]);
  });
});

describe('every condition at once, the waiting interval, never to itself (A-UTL-2)', () => {
  beforeEach(async () => {
    expect((await c.call('PUT', '/api/v1/services/call-forwarding', { enabled: true })).status).toBe(200);
  });

  it('unconditional, busy, no answer after 15 s and unreachable together, in the conditions\' order', async () => {
    const r = await setRules([ALL[3], ALL[2], ALL[1], ALL[0]]);
    expect(r.status).toBe(200);
    expect(await rules()).toEqual([
      { kind: 'always', target: '441234568', inEffect: true },
      { kind: 'busy', target: '441234569', inEffect: true },
      { kind: 'no-answer', target: '441234568', waitSeconds: 15, inEffect: true },
      { kind: 'unreachable', target: '441234570', inEffect: true },
    ]);
    // The screen's form shows the first and, when set, replaces them all by its one rule.
    expect((await c.call('GET', '/api/v1/utilities/forwarding')).body).toEqual({ kind: 'always', target: '441234568', waitSeconds: 20 });
    expect((await c.call('PUT', '/api/v1/utilities/forwarding', { kind: 'no-answer', target: '0441234569', waitSeconds: 30 })).status).toBe(200);
    expect(await rules()).toEqual([{ kind: 'no-answer', target: '441234569', waitSeconds: 30, inEffect: true }]);
    expect((await c.call('PUT', '/api/v1/utilities/forwarding', null)).status).toBe(200);
    expect(await rules()).toEqual([]);
  });

  it('no answer waits 20 s unless told, 5 to 30 s; other conditions have no interval; a condition given twice is refused', async () => {
    expect((await setRules([{ kind: 'no-answer', target: '0441234568' }, { kind: 'busy', target: '0441234568', waitSeconds: 25 }])).status).toBe(200);
    expect(await rules()).toEqual([
      { kind: 'busy', target: '441234568', inEffect: true },
      { kind: 'no-answer', target: '441234568', waitSeconds: 20, inEffect: true },
    ]);
    for (const w of [4, 31]) expect((await setRules([{ kind: 'no-answer', target: '0441234568', waitSeconds: w }])).body.error).toMatchObject({ code: 'invalid_wait', field: 'rules/0/waitSeconds' });
    expect((await setRules([ALL[0], { ...ALL[0], target: '441234569' }])).body.error).toMatchObject({ code: 'duplicate_condition', field: 'rules/1' });
    // A refused set changes nothing.
    expect(await rules()).toHaveLength(2);
  });

  it('to one\'s own number is refused however it is written, in every condition and in the screen\'s form', async () => {
    for (const target of ['441234567', '0441234567', '+380441234567', '+380 (44) 123-45-67']) {
      const r = await setRules([ALL[0], { kind: 'unreachable', target }]);
      expect(r.body.error, target).toMatchObject({ code: 'forward_to_self', field: 'rules/1/target' });
    }
    expect((await c.call('PUT', '/api/v1/utilities/forwarding', { kind: 'busy', target: '0441234567' })).body.error.code).toBe('forward_to_self');
    expect((await setRules([{ kind: 'always', target: 'nowhere' }])).body.error.code).toBe('invalid_target');
    expect(await rules()).toEqual([]);
  });

  it('to a SIP address needs "Forwarding to SIP" (its own fee); numbers and SIP addresses mix', async () => {
    const mixed = [{ kind: 'always', target: '0441234568' }, { kind: 'no-answer', target: 'sip:olena@voip.example', waitSeconds: 10 }];
    const r = await setRules(mixed);
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'service_required', details: { service: 'sip-forwarding' } });
    expect(await rules()).toEqual([]);
    const before = await balance();
    expect((await c.call('PUT', '/api/v1/services/sip-forwarding', { enabled: true })).status).toBe(200);
    expect(await balance()).toBe(before - 500);
    expect((await setRules(mixed)).status).toBe(200);
    expect(await rules()).toEqual([
      { kind: 'always', target: '441234568', inEffect: true },
      { kind: 'no-answer', target: 'sip:olena@voip.example', waitSeconds: 10, inEffect: true },
    ]);
    // SIP alone no longer needs "Call forwarding".
    await c.call('PUT', '/api/v1/services/call-forwarding', { enabled: false });
    expect((await setRules([mixed[1]])).status).toBe(200);
    expect((await setRules(mixed)).body.error).toMatchObject({ code: 'service_required', details: { service: 'call-forwarding' } });
    // the scheme in any case, as the screen accepts it; kept in the one form
    expect((await setRules([{ kind: 'always', target: ' SIP:Olena@VoIP.example ' }])).status).toBe(200);
    expect(await rules()).toEqual([{ kind: 'always', target: 'sip:Olena@VoIP.example', inEffect: true }]);
  });
});
