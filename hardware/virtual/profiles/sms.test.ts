// V-4: SMS storage, read, delete and send in the forms each profile's device supports.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { createInProcessModem, type InProcessModem } from '../in-process';
import type { VirtualModemOptions } from '../modem';
import { RawAtClient } from '../raw-client';

const opened: InProcessModem[] = [];
afterEach(async () => {
  for (const m of opened.splice(0)) await m.controller.close();
});

async function open(opts: VirtualModemOptions) {
  // 2026-01-15 10:00:00 UTC = 12:00:00 in Kyiv (UTC+2 in winter)
  const m = await createInProcessModem({ clock: new ManualClock(Date.UTC(2026, 0, 15, 10, 0, 0)), radioStepMs: 0, ...opts });
  opened.push(m);
  const at = new RawAtClient(m.link);
  await at.cmd('ATE0');
  return { m, at };
}

describe('V-4 Huawei CDMA SMS (^HCMGR / ^HCMGL / ^HCMGS, MC509 §8)', () => {
  it('stores an incoming SMS, raises +CMTI, reads it with ^HCMGR (marking it read) and deletes it', async () => {
    const { m, at } = await open({ profile: 'huawei-ec' });
    m.controller.deliverSms('2772', 'kod RUNA 123456 vdalo aktyvovan');
    expect(await at.flush()).toBe('\r\n+CMTI: "ME",0\r\n');
    expect(await at.cmd('AT^HCMGR=0')).toBe('\r\n^HCMGR:2772,2026,01,15,12,00,00,0,1,31,0,0,0,0\r\nkod RUNA 123456 vdalo aktyvovan\x1a\r\n\r\nOK\r\n');
    expect(await at.cmd('AT^HCMGL=1')).toBe('\r\n^HCMGL:0,2772,2026,01,15,12,00,00,0,1,31,0,0,0,1\r\nkod RUNA 123456 vdalo aktyvovan\x1a\r\n\r\nOK\r\n');
    expect(await at.cmd('AT^HCMGL=0')).toBe('\r\nOK\r\n');
    expect(await at.cmd('AT+CPMS?')).toBe('\r\n+CPMS:"ME",1,100,"ME",1,100,"ME",1,100\r\n\r\nOK\r\n');
    expect(await at.cmd('AT+CMGD=0')).toBe('\r\nOK\r\n');
    expect(await at.cmd('AT^HCMGR=0')).toBe('\r\n+CMS ERROR:321\r\n');
  });
  it('sends with ^HCMGS through the "> " prompt; ^HCMGS:<mr> at once, ^HCMGSS later; a message to oneself comes back', async () => {
    const { m, at } = await open({ profile: 'huawei-ec' });
    expect(await at.cmd('AT^HCMGS="441234567"')).toBe('\r\n> ');
    expect(await at.raw('hello\x1a')).toBe('\r\n^HCMGS:1\r\n\r\nOK\r\n'); // no echo of the text: E0
    (m.modem.clock as ManualClock).advance(200);
    expect(await at.flush()).toBe('\r\n+CMTI: "ME",0\r\n\r\n^HCMGSS:1\r\n');
    expect(m.controller.history().some((e) => e.type === 'sms-sent' && e.text === 'hello')).toBe(true);
  });
  it('Unicode (^HSMSSS format 6): UCS-2 in with 0x001A, UCS-2 out with 0x00 0x1A', async () => {
    const { m, at } = await open({ profile: 'huawei-ec' });
    await at.cmd('AT^HSMSSS=0,0,6,0');
    expect(await at.cmd('AT^HCMGS="441234567"')).toBe('\r\n> ');
    const ucs2 = Buffer.concat([Buffer.from('Київ', 'utf16le').swap16(), Buffer.from([0x00, 0x1a])]);
    await at.raw(ucs2);
    (m.modem.clock as ManualClock).advance(100);
    await at.flush();
    expect(m.modem.sms.get(0)?.text).toBe('Київ');
    const read = await at.cmd('AT^HCMGR=0');
    expect(read.startsWith('\r\n^HCMGR:441234567,2026,01,15,12,00,00,0,6,8,0,0,0,0\r\n')).toBe(true);
    expect(read).toContain(Buffer.from('Київ', 'utf16le').swap16().toString('latin1') + '\x00\x1a\r\n');
  });
  it('PDU mode is refused on CDMA, as Qualcomm firmware does (+CMS ERROR:303)', async () => {
    const { m, at } = await open({ profile: 'huawei-ec' });
    m.controller.deliverSms('2772', 'x');
    await at.flush();
    await at.cmd('AT+CMGF=0');
    expect(await at.cmd('AT^HCMGR=0')).toBe('\r\n+CMS ERROR:303\r\n');
  });
});

describe('V-4 27.005 SMS on the 3GPP profile, text and PDU mode', () => {
  it('text mode: +CMGS, +CMGL="ALL" and +CMGR in the transcript 09 layout, Kyiv timestamp in quarter hours', async () => {
    const { m, at } = await open({ profile: 'generic-3gpp' });
    await at.cmd('AT+CMGF=1');
    expect(await at.cmd('AT+CMGS="+380441234567"')).toBe('\r\n> ');
    expect(await at.raw('testing\x1a')).toBe('\r\n+CMGS: 1\r\n\r\nOK\r\n');
    (m.modem.clock as ManualClock).advance(100);
    expect(await at.flush()).toBe('\r\n+CMTI: "SM",0\r\n');
    expect(await at.cmd('AT+CMGL="ALL"')).toBe('\r\n+CMGL: 0,"REC UNREAD","441234567",,"26/01/15,12:00:00+08"\r\ntesting\r\n\r\nOK\r\n');
    expect(await at.cmd('AT+CMGR=0')).toBe('\r\n+CMGR: "REC READ","441234567",,"26/01/15,12:00:00+08"\r\ntesting\r\n\r\nOK\r\n');
    expect(await at.cmd('AT+CMGD=0')).toBe('\r\nOK\r\n');
    expect(await at.cmd('AT+CMGR=0')).toBe('\r\n+CMS ERROR: 321\r\n');
  });
  it('UCS2 character set: numbers and texts as UCS-2 hex', async () => {
    const { m, at } = await open({ profile: 'generic-3gpp' });
    await at.cmd('AT+CMGF=1;+CSCS="UCS2"');
    m.controller.deliverSms('2772', 'Привіт');
    await at.flush();
    expect(await at.cmd('AT+CMGR=0')).toBe('\r\n+CMGR: "REC UNREAD","0032003700370032",,"26/01/15,12:00:00+08"\r\n041F04400438043204560442\r\n\r\nOK\r\n');
  });
  it('PDU mode (the default): +CMGL=4 lists SMS-DELIVER PDUs; +CMGS=<length> takes an SMS-SUBMIT', async () => {
    const { m, at } = await open({ profile: 'generic-3gpp' });
    m.controller.deliverSms('2772', 'hellohello');
    await at.flush();
    expect(await at.cmd('AT+CMGL=4')).toBe('\r\n+CMGL: 0,0,,24\r\n000404817227000062105121000080' + '0A' + 'E8329BFD4697D9EC37\r\n\r\nOK\r\n');
    expect(await at.cmd('AT+CMGS=18')).toBe('\r\n> ');
    expect(await at.raw('0011000481722700' + '00AA06' + '31D98C56B301\x1a')).toMatch(/\r\n\+CMGS: 1\r\n\r\nOK\r\n$/);
    expect(m.controller.history().find((e) => e.type === 'sms-sent')).toMatchObject({ to: '2772', text: '123456' });
  });
});
