// V-4 / A-NET-2 / A-RUNA-1..2: an SMS to 2772 and a dialled *2772*XXXXXX reach a real HTTP
// endpoint standing in for ASSA (POST /api/v1/network/events with the shared secret), and
// the reply arrives on the modem as an incoming SMS the client reads with AT commands.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../hardware/virtual/clock';
import { createInProcessModem } from '../../../hardware/virtual/in-process';
import { RawAtClient } from '../../../hardware/virtual/raw-client';
import { startFakeAssa } from './fake-assa';

const SECRET = 'test-network-secret';
async function fakeAssa() {
  const f = await startFakeAssa(SECRET);
  cleanups.push(() => f.close());
  return f;
}
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function modem(url: string, secret = SECRET) {
  const m = await createInProcessModem({ clock: new ManualClock(Date.UTC(2026, 0, 15, 10, 0, 0)), radioStepMs: 0, assa: { url, secret } });
  cleanups.push(() => m.controller.close());
  const at = new RawAtClient(m.link);
  await at.cmd('ATE0');
  return { m, at };
}

describe('V-4 2772 traffic reaches ASSA and the reply comes back as an SMS (A-NET-2)', () => {
  it('an SMS "123456" to 2772 by ^HCMGS: ASSA gets the event with the secret; the modem gets +CMTI and reads the A-RUNA-2 reply', async () => {
    const assa = await fakeAssa();
    const { m, at } = await modem(assa.url);
    expect(await at.cmd('AT^HCMGS="2772"')).toBe('\r\n> ');
    expect(await at.raw('123456\x1a')).toBe('\r\n^HCMGS:1\r\n\r\nOK\r\n');
    expect(await at.until((s) => s.includes('+CMTI'))).toContain('\r\n+CMTI: "ME",0\r\n');
    expect(assa.events).toEqual([{ type: 'sms', number: '441234567', to: '2772', text: '123456', at: '2026-01-15T10:00:00.000Z' }]);
    expect(await at.cmd('AT^HCMGR=0')).toBe('\r\n^HCMGR:2772,2026,01,15,12,00,00,0,1,31,0,0,0,0\r\nkod RUNA 123456 vdalo aktyvovan\x1a\r\n\r\nOK\r\n');
    expect(m.controller.history().find((e) => e.type === 'network-event')).toMatchObject({ reply: { kind: 'sms', text: 'kod RUNA 123456 vdalo aktyvovan' } });
  });

  it('a malformed SMS gets the format hint (A-RUNA-2)', async () => {
    const assa = await fakeAssa();
    const { m, at } = await modem(assa.url);
    await at.cmd('AT^HCMGS="2772"');
    await at.raw('12ab\x1a');
    await m.controller.waitFor('sms-received');
    expect(m.modem.sms.get(0)?.text).toBe('kod RUNA ne aktyvovan. Pravylnyi format sms: AAAAAA, de A-tsyfra vid 0 do 9');
  });

  it('dialling *2772*123456 sends a dial event; the call ends (^CEND) and the announcement arrives as an SMS from 2772', async () => {
    const assa = await fakeAssa();
    const { m, at } = await modem(assa.url);
    expect(await at.cmd('ATD*2772*123456;')).toBe('\r\nOK\r\n');
    const urcs = await at.until((s) => s.includes('+CMTI') && s.includes('^CEND'));
    expect(urcs).toContain('\r\n^CEND:1,1,29\r\n');
    expect(assa.events).toEqual([{ type: 'dial', number: '441234567', digits: '*2772*123456', at: '2026-01-15T10:00:00.000Z' }]);
    expect(m.modem.sms.get(0)).toMatchObject({ peer: '2772', text: 'activation successful' });
  });

  it('dialling 2772XXXXXX by AT+CDV (Qualcomm CDMA dial) sends the digits as dialled; AT+CHV is accepted', async () => {
    const assa = await fakeAssa();
    const { m, at } = await modem(assa.url);
    expect(await at.cmd('AT+CDV2772123456')).toBe('\r\nOK\r\n');
    await m.controller.waitFor('sms-received');
    expect(assa.events).toMatchObject([{ type: 'dial', digits: '2772123456' }]);
    expect(await at.cmd('AT+CHV')).toMatch(/\r\nOK\r\n$/);
  });

  it('the 3GPP profile sends by +CMGS in text mode and lists the reply with +CMGL', async () => {
    const assa = await fakeAssa();
    const m = await createInProcessModem({ profile: 'generic-3gpp', clock: new ManualClock(Date.UTC(2026, 0, 15, 10, 0, 0)), radioStepMs: 0, assa: { url: assa.url, secret: SECRET } });
    cleanups.push(() => m.controller.close());
    const at = new RawAtClient(m.link);
    await at.cmd('ATE0;+CMGF=1');
    await at.cmd('AT+CMGS="2772"');
    expect(await at.raw('654321\x1a')).toBe('\r\n+CMGS: 1\r\n\r\nOK\r\n');
    await at.until((s) => s.includes('+CMTI: "SM",0'));
    expect(await at.cmd('AT+CMGL="REC UNREAD"')).toBe('\r\n+CMGL: 0,"REC UNREAD","2772",,"26/01/15,12:00:00+08"\r\nkod RUNA 654321 vdalo aktyvovan\r\n\r\nOK\r\n');
  });

  it('a wrong shared secret: ASSA refuses, no SMS arrives, the failure is reported with a code', async () => {
    const assa = await fakeAssa();
    const { m, at } = await modem(assa.url, 'wrong');
    await at.cmd('AT^HCMGS="2772"');
    await at.raw('123456\x1a');
    const e = await m.controller.waitFor('network-event');
    expect(e).toMatchObject({ reply: null, error: 'assa_rejected' });
    expect(m.modem.sms.used).toBe(0);
  });
});
