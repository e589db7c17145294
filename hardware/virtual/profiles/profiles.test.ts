// V-1: every profile answers the reference commands byte for byte as the real devices in
// ../shared/reference/ do (transcript numbers in each row). Echo is switched off first,
// as ModemManager and the app do, so the bytes are exactly the device's reply.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { createInProcessModem, createInProcessMultiPortModem, type InProcessModem, type MultiPortModem } from '../in-process';
import type { VirtualModemOptions } from '../modem';
import { RawAtClient } from '../raw-client';

const opened: InProcessModem[] = [];
const cleanupsMulti: MultiPortModem[] = [];
afterEach(async () => {
  for (const m of [...opened.splice(0), ...cleanupsMulti.splice(0)]) await m.controller.close();
});

async function modemWith(opts: VirtualModemOptions): Promise<{ m: InProcessModem; at: RawAtClient }> {
  const m = await createInProcessModem({ clock: new ManualClock(), radioStepMs: 0, ...opts });
  opened.push(m);
  const at = new RawAtClient(m.link);
  expect(await at.cmd('ATE0')).toBe('ATE0\r\r\nOK\r\n');
  return { m, at };
}

const info = (...lines: string[]) => `\r\n${lines.join('\r\n')}\r\n\r\nOK\r\n`;

type Row = [string, string, string]; // transcript, command, exact bytes

const huaweiEc: Row[] = [
  // transcript 01's layout; the identities are the MEID device's (pseudo-ESN of A0C72311111111, +GSN the MEID)
  // and the capability line names EV-DO (CIS-856), which the profile's ^SYSINFO presents
  ['01', 'ATI', info('Manufacturer: HUAWEI INCORPORATED', 'Model: EC121', 'Revision: 11.100.17.00.114', 'ESN: +GSN:80469bb7', '+CIS707-A, CIS-856, +MS, +ES, +DS, +FCLASS')],
  ['01', 'AT+GSN', info('A0C72311111111')],
  ['1.4', 'AT^CURC?', info('^CURC:1')],
  ['01', 'AT+GMR', info('11.100.17.00.114')],
  ['01', 'AT+CGMR', info('11.100.17.00.114')],
  ['01', 'AT+GMM', info('EC121')],
  ['01', 'AT+GMI', info('HUAWEI INCORPORATED')],
  ['18', 'AT^MEID', info('^MEID:A0C72311111111')],
  ['18', 'AT^MEID=?', '\r\nOK\r\n'],
  ['06', 'AT^SYSINFO', info('^SYSINFO:2,255,0,8,240')],
  ['12', 'AT^PREFMODE=?', info('^PREFMODE:(2,4,8)')],
  ['12', 'AT^PREFMODE?', info('^PREFMODE:8')],
  ['11', 'AT^GETPORTMODE', '\r\nCOMMAND NOT SUPPORT\r\n'],
  ['1.9', 'AT+NOSUCH', '\r\nCOMMAND NOT SUPPORT\r\n'],
  ['1.2', 'AT^MDN', info('^MDN:0441234567')], // the same 10 digits as NV 178 on the diagnostics port
];

const zteAc: Row[] = [
  ['04', 'AT+GSN', info('0xA0C72311111111')],
  ['15', 'ATI', info('Manufacturer: ZTE INCORPORATED', 'Model: AC2726', 'Revision: P671A2V1.0.0B06', 'ESN: 0x80469BB7', '+GCAP: +CIS707-A, CIS-856, +MS, +ES, +DS, +FCLASS')],
  ['06', 'AT^SYSINFO', info('^SYSINFO:2,255,0,8,240')],
  ['12', 'AT^PREFMODE=?', info('^PREFMODE:(2,4,8)')],
  ['1.9', 'AT^MDN', '\r\nERROR\r\n'],
];

const huawei3gpp: Row[] = [
  ['15', 'ATI', info('Manufacturer: huawei', 'Model: E1550', 'Revision: 11.608.12.02.143', 'IMEI: 353490069873985', '+GCAP: +CGSM,+DS,+ES')],
  ['04', 'AT+CGSN', info('353490069873985')],
  ['11', 'AT^GETPORTMODE', info('^GETPORTMODE: TYPE: WCDMA: huawei,MDM:0,PCUI:1,NDIS:2,CDROM:3,SD:4,')],
  ['12', 'AT^SYSCFG=?', info('^SYSCFG:(2,13,14,16),(0-3),((400000,"WCDMA2100")),(0-2),(0-4)')],
  ['12', 'AT^SYSCFG?', info('^SYSCFG:2,2,3FFFFFFF,1,2')],
  ['1.4', 'AT+CPIN?', info('+CPIN: READY')],
  ['1.9', 'AT^NOSUCH', '\r\nCOMMAND NOT SUPPORT\r\n'],
];

describe('V-1 Huawei EC-series CDMA profile answers as the EC121 does', () => {
  it.each(huaweiEc)('transcript %s: %s', async (_t, command, bytes) => {
    const { at } = await modemWith({ profile: 'huawei-ec' });
    expect(await at.cmd(command)).toBe(bytes);
  });
  it('transcript 07: ^SYSINFO online in 1x while roaming', async () => {
    const { m, at } = await modemWith({ profile: 'huawei-ec' });
    m.controller.setMode('1x');
    m.controller.setRoaming(true);
    expect(await at.flush()).toBe('\r\n^MODE:2\r\n\r\n^RSSILVL:80\r\n\r\n^MODE:2\r\n');
    expect(await at.cmd('AT^SYSINFO')).toBe(info('^SYSINFO:2,255,1,2,240'));
  });
  it('transcript 08: ^DSFLOWRPT every 2 s in a data session, hex fields of the real widths', async () => {
    const clock = new ManualClock();
    const m = await createInProcessModem({ clock, radioStepMs: 0, profile: 'huawei-ec', dataRates: { upBytesPerSec: 100, downBytesPerSec: 1000 } });
    opened.push(m);
    const at = new RawAtClient(m.link);
    await at.cmd('ATE0');
    expect(await at.cmd('ATD#777')).toBe('\r\nCONNECT\r\n');
    // in data mode the port carries no URCs; the +++ escape (1 s guard before and after, on the injected clock) opens it again
    clock.advance(1000);
    await m.link.write('+++');
    await at.flush();
    clock.advance(1000);
    expect(await at.flush()).toBe('\r\nOK\r\n');
    clock.advance(2000);
    const out = await at.flush();
    expect(out).toBe('\r\n^DSFLOWRPT:00000004,00000064,000003E8,0000000000000190,0000000000000FA0,0000BB80,00046500\r\n');
    const real = '^DSFLOWRPT:000004EA,00000000,00000000,0000000000057EE7,00000000000AEC7C,0000BB80,00046500';
    const shape = /^\^DSFLOWRPT:[0-9A-F]{8},[0-9A-F]{8},[0-9A-F]{8},[0-9A-F]{16},[0-9A-F]{16},[0-9A-F]{8},[0-9A-F]{8}$/;
    expect(real).toMatch(shape);
    expect(out.split('\r\n').filter((l) => l.startsWith('^DSFLOWRPT'))[0]).toMatch(shape);
  });
});

describe('V-2 unsolicited reports in the real forms', () => {
  it('transcripts 08/10: ^BOOT heartbeat <n>,0,0,0,<m> on the Huawei profiles when enabled', async () => {
    const clock = new ManualClock();
    const m = await createInProcessModem({ clock, radioStepMs: 0, bootIntervalMs: 3000 });
    opened.push(m);
    const at = new RawAtClient(m.link);
    clock.advance(6000);
    expect(await at.flush()).toMatch(/^\r\n\^BOOT:\d{8},0,0,0,6\r\n\r\n\^BOOT:\d{8},0,0,0,6\r\n$/);
  });
  it('transcript 10: ^RSSI and ^MODE:<mode>,<submode> on the 3GPP profile', async () => {
    const { m, at } = await modemWith({ profile: 'generic-3gpp' });
    m.controller.setMode('hsdpa');
    expect(await at.flush()).toBe('\r\n^MODE:5,5\r\n\r\n^RSSI:18\r\n');
  });
});

describe('Huawei ^CURC: periodic reports off and on, per port (what ModemManager sends)', () => {
  it('^CURC=0 stops ^RSSILVL/^HRSSILVL/^MODE on that port, ^CURC? says so, new-SMS reports still come; ^CURC=1 brings them back', async () => {
    const { m, at } = await modemWith({});
    await at.cmd('ATE0');
    expect(await at.cmd('AT^CURC=0')).toBe('\r\nOK\r\n');
    expect(await at.cmd('AT^CURC?')).toBe('\r\n^CURC:0\r\n\r\nOK\r\n');
    m.controller.setSignal(-90, -95);
    m.controller.setMode('1x');
    expect(await at.flush()).toBe('');
    m.controller.deliverSms('0441234568', 'hi');
    expect(await at.flush()).toBe('\r\n+CMTI: "ME",0\r\n');
    expect(await at.cmd('AT^CURC=1')).toBe('\r\nOK\r\n');
    m.controller.setMode('evdo');
    expect(await at.flush()).toContain('^MODE:4');
    expect(await at.cmd('AT^CURC=2')).toBe('\r\nERROR\r\n');
  });
});

describe('answer latency (a real stick takes a few ms)', () => {
  it('holds every answer back replyDelayMs on the modem clock, and 0 means at once', async () => {
    const clock = new ManualClock();
    const m = await createInProcessModem({ clock, radioStepMs: 0, replyDelayMs: 5 });
    opened.push(m);
    const at = new RawAtClient(m.link);
    const answer = at.cmd('AT');
    await new Promise((r) => setTimeout(r, 20)); // the bytes reach the device
    clock.advance(4);
    expect(await at.flush()).toBe('');
    clock.advance(1);
    expect(await answer).toBe('AT\r\r\nOK\r\n');
    const now = await createInProcessModem({ clock: new ManualClock(), radioStepMs: 0, replyDelayMs: 0 });
    opened.push(now);
    expect(await new RawAtClient(now.link).cmd('AT')).toBe('AT\r\r\nOK\r\n');
  });
  it('defaults to a few ms on the real clock and to 0 on an injected one', async () => {
    const { VirtualModem, DEFAULT_REPLY_DELAY_MS } = await import('../modem');
    expect(DEFAULT_REPLY_DELAY_MS).toBeGreaterThan(0);
    expect(DEFAULT_REPLY_DELAY_MS).toBeLessThan(20);
    const real = new VirtualModem({ radioStepMs: 0 });
    const manual = new VirtualModem({ clock: new ManualClock(), radioStepMs: 0 });
    expect(real.faults.latencyMs).toBe(DEFAULT_REPLY_DELAY_MS);
    expect(manual.faults.latencyMs).toBe(0);
    await Promise.all([real.close(), manual.close()]);
  });
});

describe('V-1 ZTE AC-series CDMA profile answers in the Qualcomm forms', () => {
  it('SMS by +CMGS in text mode; PDU mode refused (+CMS ERROR: 303)', async () => {
    const { m, at } = await modemWith({ profile: 'zte-ac' });
    expect(await at.cmd('AT+CMGS="2772"')).toBe('\r\n> ');
    expect(await at.raw('123456\x1a')).toBe('\r\n+CMGS: 1\r\n\r\nOK\r\n');
    expect(m.controller.history().find((e) => e.type === 'network-event')).toMatchObject({ event: { type: 'sms', to: '2772', text: '123456' }, reply: null });
    await at.cmd('AT+CMGF=0');
    expect(await at.cmd('AT+CMGL=4')).toBe('\r\n+CMS ERROR: 303\r\n');
  });
  it.each(zteAc)('reference %s: %s', async (_t, command, bytes) => {
    const { at } = await modemWith({ profile: 'zte-ac' });
    expect(await at.cmd(command)).toBe(bytes);
  });
});

describe('V-1 Huawei 3GPP profile answers as a Huawei UMTS stick', () => {
  it.each(huawei3gpp)('reference %s: %s', async (_t, command, bytes) => {
    const { at } = await modemWith({ profile: 'generic-3gpp' });
    expect(await at.cmd(command)).toBe(bytes);
  });
  it('transcript 05/21: ^SYSINFO with submode, ^SYSINFOEX and ^HCSQ have the real shapes', async () => {
    const { at } = await modemWith({ profile: 'generic-3gpp' });
    expect(await at.cmd('AT^SYSINFO')).toMatch(/^\r\n\^SYSINFO:2,3,0,5,1,,4\r\n\r\nOK\r\n$/);
    expect(await at.cmd('AT^SYSINFOEX')).toMatch(/^\r\n\^SYSINFOEX:2,3,0,1,,3,"WCDMA",41,"WCDMA"\r\n\r\nOK\r\n$/);
    expect(await at.cmd('AT^HCSQ')).toMatch(/^\r\n\^HCSQ:"WCDMA",\d+,\d+,\d+\r\n\r\nOK\r\n$/);
  });
  it('transcript 16: wvdial init with echo on, then ATDT*99# gives CONNECT 3600000', async () => {
    const m = await createInProcessModem({ clock: new ManualClock(), radioStepMs: 0, profile: 'generic-3gpp' });
    opened.push(m);
    const at = new RawAtClient(m.link);
    expect(await at.cmd('ATZ')).toBe('ATZ\r\r\nOK\r\n');
    expect(await at.cmd('ATQ0 V1 E1 S0=0 &C1 &D2 +FCLASS=0')).toBe('ATQ0 V1 E1 S0=0 &C1 &D2 +FCLASS=0\r\r\nOK\r\n');
    expect(await at.cmd('ATDT*99#')).toBe('ATDT*99#\r\r\nCONNECT 3600000\r\n');
  });
  it('27.007 +CGPADDR gives the session address from 127.10.0.0/16 once the call is up', async () => {
    const dev = createInProcessMultiPortModem({ clock: new ManualClock(), radioStepMs: 0, profile: 'generic-3gpp' });
    cleanupsMulti.push(dev);
    const pcui = new RawAtClient(await dev.opener.open(dev.paths.pcui));
    const data = new RawAtClient(await dev.opener.open(dev.paths.modem));
    await pcui.cmd('ATE0');
    expect(await pcui.cmd('AT+CGPADDR=1')).toBe('\r\n+CGPADDR: 1,"0.0.0.0"\r\n\r\nOK\r\n');
    expect(await data.cmd('ATD*99***1#')).toBe('ATD*99***1#\r\r\nCONNECT 3600000\r\n');
    expect(await pcui.cmd('AT+CGPADDR=1')).toBe('\r\n+CGPADDR: 1,"127.10.0.1"\r\n\r\nOK\r\n');
  });
  it('transcripts 10/20: a new SMS raises +CMTI: "SM",0', async () => {
    const { m, at } = await modemWith({ profile: 'generic-3gpp' });
    m.controller.deliverSms('+380441234568', 'hi');
    expect(await at.until((s) => s.includes('+CMTI'))).toBe('\r\n+CMTI: "SM",0\r\n');
  });
});
