// V-1 / V-3 / V-5: the device side of one port — echo, result code forms, error levels,
// reset, concatenation, data mode and the +++ escape, faults on the wire.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { createInProcessModem, type InProcessModem } from '../in-process';
import type { VirtualModemOptions } from '../modem';
import { RawAtClient } from '../raw-client';

const opened: InProcessModem[] = [];
afterEach(async () => {
  for (const m of opened.splice(0)) await m.controller.close();
});

async function open(opts: VirtualModemOptions = {}) {
  const clock = new ManualClock();
  const m = await createInProcessModem({ clock, radioStepMs: 0, ...opts });
  opened.push(m);
  return { m, clock, at: new RawAtClient(m.link) };
}

describe('V-1 AT basics on the device side', () => {
  it('echoes the command line with E1 (the default) and stops after ATE0 (transcript 09/16)', async () => {
    const { at } = await open();
    expect(await at.cmd('AT')).toBe('AT\r\r\nOK\r\n');
    expect(await at.cmd('ATE0')).toBe('ATE0\r\r\nOK\r\n');
    expect(await at.cmd('AT')).toBe('\r\nOK\r\n');
  });
  it('answers with numeric codes after ATV0 and verbose again after ATV1', async () => {
    const { at } = await open();
    await at.cmd('ATE0');
    expect(await at.cmd('ATV0')).toBe('0\r');
    expect(await at.cmd('AT+NOSUCH;+CSQ')).toBe('4\r');
    expect(await at.cmd('AT^SYSINFO')).toBe('^SYSINFO:2,255,0,8,240\r\n0\r');
    expect(await at.cmd('ATV1')).toBe('\r\nOK\r\n');
  });
  it('suppresses result codes after ATQ1 but still sends information text', async () => {
    const { m, at } = await open();
    await at.cmd('ATE0');
    await m.link.write('ATQ1\r');
    expect(await at.flush()).toBe('');
    await m.link.write('AT+GMM\r');
    expect(await at.flush()).toBe('\r\nEC121\r\n');
    expect(await at.cmd('ATQ0')).toBe('\r\nOK\r\n');
  });
  it('reports ME errors as +CMEE asks: plain, numeric, text (Huawei CDMA without the space)', async () => {
    const { at } = await open();
    await at.cmd('ATE0');
    expect(await at.cmd('AT+CMEE=7')).toBe('\r\nERROR\r\n');
    await at.cmd('AT+CMEE=1');
    expect(await at.cmd('AT+CMEE=7')).toBe('\r\n+CME ERROR:50\r\n');
    await at.cmd('AT+CMEE=2');
    expect(await at.cmd('AT+CMEE=7')).toBe('\r\n+CME ERROR:Incorrect parameters\r\n');
    expect(await at.cmd('AT+CMEE?')).toBe('\r\n+CMEE:2\r\n\r\nOK\r\n');
  });
  it('ATZ and AT&F restore echo, verbose codes and CMEE 0; the ATZ echo shows when echo was on', async () => {
    const { at } = await open();
    expect(await at.cmd('ATE0V0')).toBe('ATE0V0\r0\r');
    expect(await at.cmd('ATZ')).toBe('\r\nOK\r\n'); // no echo (E0 before), OK framed with the restored V1
    expect(await at.cmd('AT+CMEE=1')).toBe('AT+CMEE=1\r\r\nOK\r\n');
    expect(await at.cmd('AT&F')).toBe('AT&F\r\r\nOK\r\n');
    expect(await at.cmd('AT+CMEE?')).toBe('AT+CMEE?\r\r\n+CMEE:0\r\n\r\nOK\r\n');
  });
  it('runs concatenated commands in order and stops at the first error', async () => {
    const { at } = await open();
    await at.cmd('ATE0');
    expect(await at.cmd('AT+CSQ;^MEID')).toBe('\r\n+CSQ: 19,99\r\n\r\n^MEID:A0C72311111111\r\n\r\nOK\r\n');
    expect(await at.cmd('at+gmm;+nosuch;+gmi')).toBe('\r\nEC121\r\n\r\nCOMMAND NOT SUPPORT\r\n');
  });
  it('"A/" repeats the last command line without a CR (V.250 5.2.4)', async () => {
    const { at } = await open();
    await at.cmd('ATE0');
    await at.cmd('AT+GMM');
    expect(await at.raw('A/')).toBe('\r\nEC121\r\n\r\nOK\r\n');
  });
  it('ignores lines that do not start with AT, as a V.250 device does', async () => {
    const { at } = await open();
    await at.cmd('ATE0');
    await at.raw('hello\rAT\r');
    expect(at.take()).toBe('');
  });
});

describe('V-3 data mode on the port', () => {
  it('ATD#777 gives CONNECT; bytes are swallowed; +++ with guard time returns OK; ATH ends the call', async () => {
    const { m, at, clock } = await open();
    await at.cmd('ATE0');
    expect(await at.cmd('ATD#777')).toBe('\r\nCONNECT\r\n');
    await m.link.write('~\x7f}#@!}!} } }2}#}$@#}!}$}%\\}"}&} }*} } g}%~'); // PPP LCP, transcript 17
    await m.link.write('+++'); // no guard time before: part of the data
    expect(await at.flush()).toBe('');
    clock.advance(1000);
    clock.advance(1000);
    expect(await at.flush()).toBe('');
    clock.advance(1000);
    await m.link.write('+++');
    await at.flush();
    clock.advance(1000);
    expect(await at.flush()).toBe('\r\nOK\r\n');
    expect(m.modem.session).not.toBeNull();
    expect(await at.cmd('ATH')).toBe('\r\nOK\r\n');
    expect(m.modem.session).toBeNull();
  });
  it('ATO goes back to data mode after the escape', async () => {
    const { m, at, clock } = await open();
    await at.cmd('ATE0');
    await at.cmd('ATD#777');
    clock.advance(1000);
    await m.link.write('+++');
    await at.flush();
    clock.advance(1000);
    await at.flush();
    expect(await at.cmd('ATO')).toBe('\r\nCONNECT\r\n');
  });
  it('V-5 carrier drop: NO CARRIER on the port and the session is gone', async () => {
    const { m, at } = await open();
    await at.cmd('ATE0');
    await at.cmd('ATD#777');
    expect(m.controller.dropCarrier()).toBe(true);
    expect(await at.flush()).toBe('\r\nNO CARRIER\r\n');
    expect(await at.cmd('AT')).toBe('\r\nOK\r\n');
  });
  it('dialling without service gives NO CARRIER; a second call while one is up gives BUSY on another port', async () => {
    const { m, at } = await open();
    await at.cmd('ATE0');
    m.controller.loseSignal();
    await at.flush();
    expect(await at.cmd('ATD#777')).toBe('\r\nNO CARRIER\r\n');
    m.controller.restoreSignal();
    await at.flush();
    expect(await at.cmd('ATD#777')).toBe('\r\nCONNECT\r\n');
  });
  it('closing the port ends the data session (DTR drop)', async () => {
    const { m, at } = await open();
    await at.cmd('ATE0');
    await at.cmd('ATD#777');
    await m.link.close();
    expect(m.modem.session).toBeNull();
    expect(m.controller.history().some((e) => e.type === 'session-stop' && e.cause === 'User-Request')).toBe(true);
  });
});

describe('V-5 faults seen on the wire', () => {
  it('silence: no answer at all', async () => {
    const { m, at } = await open();
    m.controller.silence(true);
    await expect(at.cmd('AT', 200)).rejects.toThrow(/timed out/);
  });
  it('transcript 09: a URC between the echo and the final OK', async () => {
    const { m, at } = await open();
    m.controller.urcInsideAnswers('^DSFLOWRPT:000014F4,00000000,00000000,000000000001949A,0000000000021E14,0003E800,000FA000');
    expect(await at.cmd('AT+CMGD=0')).toBe('AT+CMGD=0\r\r\n^DSFLOWRPT:000014F4,00000000,00000000,000000000001949A,0000000000021E14,0003E800,000FA000\r\n\r\n+CMS ERROR:321\r\n');
    m.controller.urcInsideAnswers(null);
    expect(await at.cmd('AT')).toBe('AT\r\r\nOK\r\n');
  });
  it('the port opens again after the host closed it', async () => {
    const { m } = await open();
    await m.link.close();
    const again = new RawAtClient(await m.opener.open(m.path));
    expect(await again.cmd('AT')).toBe('AT\r\r\nOK\r\n');
  });
  it('ERROR replies: every command line answers ERROR', async () => {
    const { m, at } = await open();
    await at.cmd('ATE0');
    m.controller.errorReplies(true);
    expect(await at.cmd('ATI')).toBe('\r\nERROR\r\n');
  });
  it('slow answers: the answer comes only when the delay has passed', async () => {
    const { m, at, clock } = await open();
    await at.cmd('ATE0');
    m.controller.slow(2500);
    await m.link.write('AT\r');
    expect(await at.flush()).toBe('');
    clock.advance(2500);
    expect(await at.flush()).toBe('\r\nOK\r\n');
  });
  it('garbage bytes: random non-AT bytes, without CR or LF', async () => {
    const { m, at } = await open();
    m.controller.garbage(64);
    const g = await at.flush();
    expect(g).toHaveLength(64);
    expect(g).not.toMatch(/[\r\n]/);
  });
  it('unplug: the link closes with {kind: "unplugged"} and the port cannot be opened until replug', async () => {
    const { m } = await open();
    const reason = new Promise((r) => m.link.onClose(r));
    m.controller.unplug();
    expect(await reason).toMatchObject({ kind: 'unplugged' });
    expect(m.link.isOpen).toBe(false);
    await expect(m.opener.open(m.path)).rejects.toMatchObject({ code: 'port_not_found' });
    m.controller.replug();
    const again = await m.opener.open(m.path);
    const at = new RawAtClient(again);
    expect(await at.cmd('AT')).toBe('AT\r\r\nOK\r\n');
  });
  it('signal loss: ^SYSINFO says no service and the level URCs drop to 0', async () => {
    const { m, at } = await open();
    await at.cmd('ATE0');
    m.controller.loseSignal();
    expect(await at.flush()).toBe('\r\n^MODE:0\r\n\r\n^RSSILVL:0\r\n\r\n^HRSSILVL:0\r\n');
    expect(await at.cmd('AT^SYSINFO')).toBe('\r\n^SYSINFO:0,255,0,0,240\r\n\r\nOK\r\n');
    expect(await at.cmd('AT+CSQ')).toBe('\r\n+CSQ: 99,99\r\n\r\nOK\r\n');
  });
});
