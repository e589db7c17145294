// A-NET-3 end to end: the virtual modem dials a voice number (ATD<number>;), hangs up
// (ATH), and its network side reports the finished call to a real ASSA server, which
// prices it (package minutes first) and shows it in the call details (A-DET-1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessModem, type InProcessModem } from '../../../hardware/virtual/in-process';
import { RawAtClient } from '../../../hardware/virtual/raw-client';
import { Client, networkSms, request, startHarness, type Harness, TEST_NETWORK_SECRET } from './assa-harness';

let h: Harness;
let m: InProcessModem;
beforeAll(async () => {
  h = await startHarness({ clock: { now: () => Date.now() } });
  m = await createInProcessModem({ radioStepMs: 0, assa: { url: h.assa.url, secret: TEST_NETWORK_SECRET } });
});
afterAll(async () => {
  await m?.controller.close();
  await h?.close();
});

describe('the virtual modem reports its calls (A-NET-3 → A-DET-1)', () => {
  it('ATD0441234568; … ATH becomes a priced call record; a feature code or a data dial does not', async () => {
    await networkSms(h.assa.url, '441234567', '100001');
    await request(h.assa.url, 'POST', '/api/v1/registrations', { body: { number: '441234567', password: 'Kvitka2026', runa: '100001' } });
    const c = new Client(h.assa.url);
    await c.login('441234567', 'Kvitka2026');
    const minutesBefore = (await c.call('GET', '/api/v1/account')).body.packages.minutesLeft as number;
    const at = new RawAtClient(m.link);
    await at.cmd('ATE0');
    expect(await at.cmd('ATD0441234568;')).toBe('\r\nOK\r\n');
    await new Promise((r) => setTimeout(r, 1200));
    expect(await at.cmd('ATH')).toBe('\r\nOK\r\n');
    const reported = await m.controller.waitFor('network-event', (e) => e.event.type === 'call', 10_000);
    expect(reported.error).toBeUndefined();
    expect(reported.event).toMatchObject({ type: 'call', number: '441234567', peer: '0441234568', direction: 'out' });
    expect(await at.cmd('ATH')).toBe('\r\nOK\r\n'); // no call up: nothing more is reported

    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const d = (await c.call('GET', `/api/v1/details?kind=calls&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)).body;
    const call = (d.items as Array<{ peer: string; direction: string; seconds: number; cost: number }>).find((x) => x.direction === 'out' && x.peer === '441234568');
    expect(call).toMatchObject({ seconds: expect.any(Number), cost: 0 });
    expect(call!.seconds).toBeGreaterThanOrEqual(1);
    expect((await c.call('GET', '/api/v1/account')).body.packages.minutesLeft).toBe(minutesBefore - 1);
    const events = m.controller.history().filter((e) => e.type === 'network-event' && e.event.type === 'call');
    expect(events).toHaveLength(1);
  });
});
