// V-6 and the acceptance of issue 4: `assa sim` on a pseudo-terminal driven by a
// third-party serial program (socat), in the real device formats; faults observable over
// the pty; RADIUS Start/Stop from the CLI's data session.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RawAtClient } from '../../../hardware/virtual/raw-client';
import { startFakeAssa } from './fake-assa';
import { startRadiusListener } from './radius-listener';
import { socatClient, startSim, type SimProcess } from './sim-process';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function sim(args: string[] = []): Promise<SimProcess> {
  const s = await startSim(args);
  cleanups.push(() => s.stop());
  return s;
}

function client(path: string) {
  const link = socatClient(path);
  cleanups.push(() => link.close());
  return { link, at: new RawAtClient(link, 15_000) }; // a separate process on a shared 2-core machine: generous bounds
}

const exists = (p: string) => fs.lstat(p).then(() => true, () => false);

describe('V-6 assa sim on a pseudo-terminal, driven by socat', () => {
  it('prints the link path; ATI, AT+GSN, AT^SYSINFO and ATD#777 come back in the EC121 formats, echo on as after power-up; SIGUSR1 drops the carrier; RADIUS sees Start and Stop', async () => {
    const rad = await startRadiusListener('pty-secret');
    cleanups.push(() => rad.close());
    const s = await sim(['--radius', `127.0.0.1:${rad.port}`, '--radius-secret', 'pty-secret']);
    expect((await fs.lstat(s.link)).isSymbolicLink()).toBe(true);
    expect(await fs.realpath(s.link)).toMatch(/^\/dev\/pts\/\d+$/);
    const { at } = client(s.link);
    expect(await at.cmd('ATI')).toBe('ATI\r\r\nManufacturer: HUAWEI INCORPORATED\r\nModel: EC121\r\nRevision: 11.100.17.00.114\r\nESN: +GSN:80469bb7\r\n+CIS707-A, CIS-856, +MS, +ES, +DS, +FCLASS\r\n\r\nOK\r\n');
    expect(await at.cmd('ATE0')).toBe('ATE0\r\r\nOK\r\n');
    expect(await at.cmd('AT+GSN')).toBe('\r\nA0C72311111111\r\n\r\nOK\r\n');
    expect(await at.cmd('AT^SYSINFO')).toBe('\r\n^SYSINFO:2,255,0,8,240\r\n\r\nOK\r\n');
    expect(await at.cmd('ATD#777')).toBe('\r\nCONNECT\r\n');
    const start = await rad.next('Start');
    expect(start.attributes).toMatchObject({ 'Calling-Station-Id': '441234567', 'Framed-IP-Address': '127.10.0.1' });
    s.proc.kill('SIGUSR1');
    expect(await at.until((b) => b.includes('NO CARRIER'))).toBe('\r\nNO CARRIER\r\n');
    const stop = await rad.next('Stop');
    expect(stop.attributes).toMatchObject({ 'Acct-Session-Id': start.attributes['Acct-Session-Id'], 'Acct-Terminate-Cause': 'Lost-Carrier' });
    expect(await at.cmd('AT')).toBe('\r\nOK\r\n');
  });

  it('closing the tty ends the data session (as DTR drop does): RADIUS Stop with User-Request; the port works for the next client', async () => {
    const rad = await startRadiusListener('pty-secret');
    cleanups.push(() => rad.close());
    const s = await sim(['--radius', `127.0.0.1:${rad.port}`, '--radius-secret', 'pty-secret']);
    const first = client(s.link);
    await first.at.cmd('ATE0');
    expect(await first.at.cmd('ATD#777')).toBe('\r\nCONNECT\r\n');
    await rad.next('Start');
    await first.link.close();
    const stop = await rad.next('Stop');
    expect(stop.attributes['Acct-Terminate-Cause']).toBe('User-Request');
    const second = client(s.link);
    expect(await second.at.cmd('AT')).toBe('\r\nOK\r\n'); // E0 stays: the device was not reset
  });

  it('V-5 unplug (SIGUSR2): the pty and its link vanish and the client loses the port; a second SIGUSR2 plugs it back', async () => {
    const s = await sim();
    const { link, at } = client(s.link);
    expect(await at.cmd('AT')).toBe('AT\r\r\nOK\r\n');
    s.proc.kill('SIGUSR2');
    await link.exited; // socat sees the tty go (EIO / hang-up) and ends
    await expect.poll(() => exists(s.link), { timeout: 15_000 }).toBe(false);
    s.proc.kill('SIGUSR2');
    await expect.poll(() => exists(s.link), { timeout: 15_000 }).toBe(true);
    const again = client(s.link);
    expect(await again.at.cmd('AT')).toBe('AT\r\r\nOK\r\n');
  });

  it('V-5 --error-replies: every command is answered ERROR', async () => {
    const s = await sim(['--error-replies']);
    const { at } = client(s.link);
    expect(await at.cmd('ATI')).toBe('ATI\r\r\nERROR\r\n');
  });

  it('V-5 --silent: the port takes bytes and never answers', async () => {
    const s = await sim(['--silent']);
    const { at } = client(s.link);
    await expect(at.cmd('AT', 1000)).rejects.toThrow(/timed out; got ""/);
  });

  it('V-5 --slow: the answer is held back, then arrives whole', async () => {
    const s = await sim(['--slow', '1500']);
    const { at } = client(s.link);
    await expect(at.cmd('ATE0', 400)).rejects.toThrow(/timed out/);
    expect(await at.until((b) => b.endsWith('OK\r\n'))).toBe('ATE0\r\r\nOK\r\n');
  });

  it('V-5 --noisy: random bytes (no CR/LF) before every answer', async () => {
    const s = await sim(['--noisy', '8']);
    const { at } = client(s.link);
    const out = await at.cmd('AT');
    expect(out.endsWith('\r\nOK\r\n')).toBe(true);
    const noise = out.slice(0, out.length - '\r\nOK\r\n'.length).replace('AT\r', '');
    expect(noise.length).toBeGreaterThanOrEqual(8);
    expect(noise).toMatch(/[^\x20-\x7e]/);
  });

  it('V-5 --signal-loss: no service in ^SYSINFO and +CSQ, and ATD#777 gives NO CARRIER', async () => {
    const s = await sim(['--signal-loss']);
    const { at } = client(s.link);
    await at.until((b) => b.includes('^HRSSILVL:0')).catch(() => undefined);
    await at.cmd('ATE0');
    expect(await at.cmd('AT^SYSINFO')).toBe('\r\n^SYSINFO:0,255,0,0,240\r\n\r\nOK\r\n');
    expect(await at.cmd('AT+CSQ')).toBe('\r\n+CSQ: 99,99\r\n\r\nOK\r\n');
    expect(await at.cmd('ATD#777')).toBe('\r\nNO CARRIER\r\n');
  });

  it('--profile zte-ac and --number: the ZTE forms and the given subscriber', async () => {
    const s = await sim(['--profile', 'zte-ac', '--number', '+380441234568']);
    const { at } = client(s.link);
    await at.cmd('ATE0');
    expect(await at.cmd('AT+GSN')).toBe('\r\n0xA0C72311111111\r\n\r\nOK\r\n');
    expect(await at.cmd('AT+CIMI')).toBe('\r\n255040441234568\r\n\r\nOK\r\n');
  });

  it('--multi-port: modem, PCUI (URCs, ^DSFLOWRPT every 2 s in a session), QCDM-like diagnostics (binary answers) and a silent port', async () => {
    const s = await sim(['--multi-port', '--data-rate', '100:1000']);
    const modem = client(s.link);
    const pcui = client(`${s.link}-pcui`);
    const diag = client(`${s.link}-diag`);
    const silent = client(`${s.link}-silent`);
    expect(await pcui.at.cmd('ATE0')).toBe('ATE0\r\r\nOK\r\n');
    await modem.at.cmd('ATE0');
    expect(await modem.at.cmd('ATD#777')).toBe('\r\nCONNECT\r\n');
    const flow = await pcui.at.until((b) => /\^DSFLOWRPT:00000002,[^\r]*\r\n/.test(b));
    expect(flow).toMatch(/\r\n\^DSFLOWRPT:00000002,00000064,000003E8,[0-9A-F]{16},[0-9A-F]{16},0000BB80,00046500\r\n/); // rates from --data-rate
    await diag.link.write('AT\r'); // AT text is no frame: it gets nothing
    await diag.link.write(Uint8Array.from([0x7e, 0x00, 0x78, 0xf0, 0x7e])); // libqcdm's version-info request
    const bin = await diag.at.until((b) => b.includes('\x7e'));
    expect(bin).not.toContain('OK');
    expect(bin.charCodeAt(0)).toBe(0x00);
    await expect(silent.at.cmd('AT', 500)).rejects.toThrow(/timed out; got ""/);
  });

  it('--assa and --network-secret: an SMS to 2772 typed over the pty reaches ASSA and the reply is read back with ^HCMGR', async () => {
    const assa = await startFakeAssa('pty-network-secret');
    cleanups.push(() => assa.close());
    const s = await sim(['--assa', assa.url, '--network-secret', 'pty-network-secret']);
    const { at } = client(s.link);
    await at.cmd('ATE0');
    expect(await at.cmd('AT^HCMGS="2772"')).toBe('\r\n> ');
    expect(await at.raw('123456\x1a')).toBe('\r\n^HCMGS:1\r\n\r\nOK\r\n');
    await at.until((b) => b.includes('+CMTI: "ME",0') && b.includes('^HCMGSS:1')); // both reports in, so none lands inside the next answer
    expect(assa.events).toMatchObject([{ type: 'sms', number: '441234567', to: '2772', text: '123456' }]);
    expect(await at.cmd('AT^HCMGR=0')).toMatch(/^\r\n\^HCMGR:2772,\d{4},\d\d,\d\d,\d\d,\d\d,\d\d,0,1,31,0,0,0,0\r\nkod RUNA 123456 vdalo aktyvovan\x1a\r\n\r\nOK\r\n$/);
  });

  it('--scenario FILE: the steps play on start (an SMS arrives, roaming starts)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'assa-scn-'));
    cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'scenario.json');
    await fs.writeFile(file, JSON.stringify({ steps: [{ action: 'sms', from: '2772', text: 'hello from the scenario' }, { action: 'roaming' }] }));
    const s = await sim(['--scenario', file]);
    const { at } = client(s.link);
    // reports made before anyone opened the tty are not kept for it (as on a real stick): the
    // state they told of is there to read
    await at.cmd('ATE0');
    expect(await at.flush()).toBe('');
    expect(await at.cmd('AT^SYSINFO')).toBe('\r\n^SYSINFO:2,255,1,8,240\r\n\r\nOK\r\n');
    expect(await at.cmd('AT^HCMGR=0')).toContain('\r\nhello from the scenario\x1a\r\n');
  });

  it('a bad scenario file stops assa sim with a message naming the step', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'assa-scn-'));
    cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'scenario.json');
    await fs.writeFile(file, JSON.stringify({ steps: [{ action: 'melt' }] }));
    await expect(startSim(['--scenario', file])).rejects.toThrow(/step 1: unknown action "melt"/);
  });
});
