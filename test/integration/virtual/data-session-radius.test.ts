// V-3 / A-NET-1: a data session on the virtual modem, reported by RADIUS accounting over
// real UDP to a listener decoding with the `radius` package.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../hardware/virtual/clock';
import { createInProcessModem, createInProcessMultiPortModem } from '../../../hardware/virtual/in-process';
import { RawAtClient } from '../../../hardware/virtual/raw-client';
import { startRadiusListener, type RadiusListener } from './radius-listener';

const SECRET = 'test-radius-secret';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function listener(opts: { answer?: boolean; secret?: string } = {}): Promise<RadiusListener> {
  const l = await startRadiusListener(opts.secret ?? SECRET, opts);
  cleanups.push(() => l.close());
  return l;
}

describe('V-3 data session with RADIUS accounting (A-NET-1)', () => {
  it('dial, flow reports grow on the PCUI port, Start / Interim-Update / Stop reach the RADIUS server with the number, address and bytes', async () => {
    const rad = await listener();
    const clock = new ManualClock();
    const dev = createInProcessMultiPortModem({ clock, radioStepMs: 0, radius: { host: '127.0.0.1', port: rad.port, secret: SECRET }, dataRates: { upBytesPerSec: 1000, downBytesPerSec: 8000 }, interimMs: 60_000 });
    cleanups.push(() => dev.controller.close());
    const pcui = new RawAtClient(await dev.opener.open(dev.paths.pcui));
    const data = new RawAtClient(await dev.opener.open(dev.paths.modem));
    await pcui.cmd('ATE0');
    await data.cmd('ATE0');
    expect(await data.cmd('ATD#777')).toBe('\r\nCONNECT\r\n');

    const start = await rad.next('Start');
    expect(start.code).toBe('Accounting-Request');
    expect(start.attributes).toMatchObject({ 'User-Name': '441234567', 'Calling-Station-Id': '441234567', 'Framed-IP-Address': '127.10.0.1', 'NAS-IP-Address': '127.0.0.1' });
    const sessionId = start.attributes['Acct-Session-Id'];
    expect(typeof sessionId).toBe('string');

    clock.advance(2000);
    const first = await pcui.flush();
    clock.advance(2000);
    const second = await pcui.flush();
    const field = (s: string, i: number) => parseInt(/\^DSFLOWRPT:([^\r]*)/.exec(s)![1]!.split(',')[i]!, 16);
    expect(field(first, 0)).toBe(2);
    expect(field(second, 0)).toBe(4);
    expect(field(second, 3)).toBeGreaterThan(field(first, 3)); // bytes sent grow
    expect(field(second, 4)).toBeGreaterThan(field(first, 4)); // bytes received grow
    expect(await data.flush()).toBe(''); // the data port carries no URCs in data mode

    clock.advance(56_000); // 60 s into the session
    const interim = await rad.next('Interim-Update');
    expect(interim.attributes).toMatchObject({ 'Acct-Session-Id': sessionId, 'Acct-Session-Time': 60, 'Acct-Input-Octets': 60_000, 'Acct-Output-Octets': 480_000, 'Acct-Input-Gigawords': 0 });

    clock.advance(15_000);
    expect(dev.controller.dropCarrier()).toBe(true);
    expect(await data.until((s) => s.includes('NO CARRIER'))).toBe('\r\nNO CARRIER\r\n');
    const stop = await rad.next('Stop');
    expect(stop.attributes).toMatchObject({
      'Acct-Session-Id': sessionId,
      'User-Name': '441234567',
      'Framed-IP-Address': '127.10.0.1',
      'Acct-Session-Time': 75,
      'Acct-Input-Octets': 75_000,
      'Acct-Output-Octets': 600_000,
      'Acct-Terminate-Cause': 'Lost-Carrier',
    });
    await dev.controller.settle();
    expect(dev.controller.history().filter((e) => e.type === 'radius').map((e) => e.type === 'radius' && [e.status, e.result.acknowledged])).toEqual([
      ['Start', true],
      ['Interim-Update', true],
      ['Stop', true],
    ]);
  });

  it('counts past 4 GiB in Acct-*-Gigawords and frees the address for the next session', async () => {
    const rad = await listener();
    const clock = new ManualClock();
    const m = await createInProcessModem({ clock, radioStepMs: 0, radius: { host: '127.0.0.1', port: rad.port, secret: SECRET }, dataRates: { upBytesPerSec: 1_000_000, downBytesPerSec: 100_000_000 }, interimMs: 0, flowIntervalMs: 0 });
    cleanups.push(() => m.controller.close());
    const at = new RawAtClient(m.link);
    await at.cmd('ATE0');
    await at.cmd('ATD#777');
    clock.advance(50_000); // 5e9 bytes down
    m.controller.dropCarrier();
    const stop = await rad.next('Stop');
    expect(stop.attributes['Acct-Output-Gigawords']).toBe(1);
    expect(stop.attributes['Acct-Output-Octets']).toBe(5_000_000_000 - 2 ** 32);
    await at.flush();
    await at.cmd('ATD#777');
    const starts = () => rad.packets.filter((p) => p.attributes['Acct-Status-Type'] === 'Start');
    await expect.poll(() => starts().length, { timeout: 10_000 }).toBe(2);
    expect(starts()[1]!.attributes['Framed-IP-Address']).toBe('127.10.0.2');
  });

  it('retransmits a bounded number of times when no valid Accounting-Response comes (wrong secret)', async () => {
    const rad = await listener({ secret: 'another-secret' });
    const m = await createInProcessModem({ clock: new ManualClock(), radioStepMs: 0, radius: { host: '127.0.0.1', port: rad.port, secret: SECRET, timeoutMs: 50, attempts: 3 } });
    cleanups.push(() => m.controller.close());
    const at = new RawAtClient(m.link);
    await at.cmd('ATD#777');
    const r = await m.controller.waitFor('radius');
    expect(r.result).toEqual({ acknowledged: false, attempts: 3 });
    expect(rad.packets).toHaveLength(0); // the server could not verify them either
  });
});
