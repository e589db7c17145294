// V-3 / V-4 against the real ASSA server (CONTRACTS.md `assa server --demo`): a RUNA by SMS
// to 2772 comes back with the A-RUNA-2 text, and the data session's RADIUS Start makes
// ASSA recognise requests from the session address (A-NUM-3, whoami) until the Stop.
// The server runs as `assa server` in its own process with a temporary database.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessModem, type InProcessModem } from '../../../hardware/virtual/in-process';
import { RawAtClient } from '../../../hardware/virtual/raw-client';
import { startAssaServer, type AssaServerProcess } from '../../support/assa-server-process';

/** GET from a given local address (the session IP): A-NUM-3 looks at the source address. */
function getFrom(localAddress: string, url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { localAddress }, (res) => {
        let b = '';
        res.on('data', (c: Buffer) => (b += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: b ? JSON.parse(b) : null }));
      })
      .on('error', reject);
  });
}

describe('virtual modem against the real ASSA server', () => {
  let server: AssaServerProcess | undefined;
  let base = '';
  let m: InProcessModem;

  beforeAll(async () => {
    server = await startAssaServer();
    base = server.url;
    m = await createInProcessModem({ radioStepMs: 0, assa: { url: base, secret: server.networkSecret }, radius: { host: '127.0.0.1', port: server.radiusPort, secret: server.radiusSecret }, interimMs: 0 });
  });

  afterAll(async () => {
    await m?.controller.close();
    await server?.stop();
  });

  it('A-RUNA-1/2: "123456" to 2772 is activated and the reply arrives as an SMS', async () => {
    const at = new RawAtClient(m.link);
    await at.cmd('ATE0');
    await at.cmd('AT^HCMGS="2772"');
    expect(await at.raw('123456\x1a')).toBe('\r\n^HCMGS:1\r\n\r\nOK\r\n');
    const got = await m.controller.waitFor('sms-received', (e) => e.sms.peer === '2772', 10_000);
    expect(got.sms.text).toBe('kod RUNA 123456 vdalo aktyvovan');
    // the reply and the send's network report (^HCMGSS comes 200 ms later) both in, so neither
    // lands inside the next test's answers
    await at.until((b) => b.includes('+CMTI') && b.includes('^HCMGSS'), 10_000);
  });

  it('A-RUNA-2: a malformed SMS gets the format hint; dialling *2772*654321 is announced and the outcome arrives as an SMS', async () => {
    const at = new RawAtClient(m.link);
    await at.cmd('ATE0');
    const seen = m.controller.history().length;
    await at.cmd('AT^HCMGS="2772"');
    await at.raw('12ab\x1a');
    const hint = await m.controller.waitFor('sms-received', (e) => e.sms.peer === '2772' && m.controller.history().indexOf(e) >= seen, 10_000);
    expect(hint.sms.text).toBe('kod RUNA ne aktyvovan. Pravylnyi format sms: AAAAAA, de A-tsyfra vid 0 do 9');
    await at.until((b) => b.includes('+CMTI') && b.includes('^HCMGSS'), 10_000);
    expect(await at.cmd('ATD*2772*654321;')).toBe('\r\nOK\r\n');
    const dial = await m.controller.waitFor('network-event', (e) => e.event.type === 'dial', 10_000);
    expect(dial.reply).toMatchObject({ kind: 'announcement', outcome: 'activated' });
    await m.controller.waitFor('sms-received', (e) => e.sms.text === dial.reply!.text, 10_000);
    await at.until((b) => b.includes('+CMTI'), 10_000);
  });

  it('A-NET-1 / A-NUM-3: while the data session is up, whoami from its address gives the number; after the Stop it does not', async () => {
    const at = new RawAtClient(m.link);
    await at.cmd('ATE0');
    expect(await at.cmd('ATD#777')).toBe('\r\nCONNECT\r\n');
    const start = await m.controller.waitFor('radius', (e) => e.status === 'Start', 10_000);
    expect(start.result.acknowledged).toBe(true);
    const ip = m.modem.session!.ip;
    expect(await getFrom(ip, `${base}/api/v1/whoami`)).toEqual({ status: 200, body: { number: '441234567' } });
    m.controller.dropCarrier();
    const stop = await m.controller.waitFor('radius', (e) => e.status === 'Stop', 10_000);
    expect(stop.result.acknowledged).toBe(true);
    const after = await getFrom(ip, `${base}/api/v1/whoami`);
    expect(after.status).toBe(404);
    expect(after.body).toMatchObject({ error: { code: 'not_on_subscriber_link' } });
  });
});
