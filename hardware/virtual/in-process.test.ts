// V-6: the in-process device as the app's serial layer sees it, single and multi-port.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from './clock';
import { createInProcessModem, createInProcessMultiPortModem, type MultiPortModem } from './in-process';
import { RawAtClient } from './raw-client';

const devices: { controller: { close(): Promise<void> } }[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) await d.controller.close();
});

describe('V-6 in-process virtual modem', () => {
  it('serves the EC-series port layout: AT on modem and PCUI, binary on diagnostics, nothing on the silent port; URCs on PCUI', async () => {
    const dev: MultiPortModem = createInProcessMultiPortModem({ clock: new ManualClock(), radioStepMs: 0, silentPort: true });
    devices.push(dev);
    expect(dev.paths).toEqual({ modem: '/dev/virtual/ttyUSB0', diag: '/dev/virtual/ttyUSB1', pcui: '/dev/virtual/ttyUSB2', silent: '/dev/virtual/ttyUSB3' });
    const modem = new RawAtClient(await dev.opener.open(dev.paths.modem));
    const pcui = new RawAtClient(await dev.opener.open(dev.paths.pcui));
    const diagLink = await dev.opener.open(dev.paths.diag);
    const diag = new RawAtClient(diagLink);
    const silent = new RawAtClient(await dev.opener.open(dev.paths.silent!));
    expect(await modem.cmd('AT')).toBe('AT\r\r\nOK\r\n');
    expect(await pcui.cmd('AT')).toBe('AT\r\r\nOK\r\n');
    await diagLink.write('AT\r'); // no flag, no frame: a DIAG port says nothing to AT text
    await diagLink.write(Uint8Array.from([0x7e, 0x00, 0x78, 0xf0, 0x7e])); // libqcdm's version-info request
    const bin = await diag.until((s) => s.endsWith('\x7e'));
    expect(bin.charCodeAt(0)).toBe(0x00);
    await expect(silent.cmd('AT', 100)).rejects.toThrow(/timed out; got ""/);
    dev.controller.setMode('1x');
    expect(await pcui.flush()).toContain('^MODE:2');
    expect(await modem.flush()).toBe('');
    await expect(dev.opener.open(dev.paths.pcui)).rejects.toMatchObject({ code: 'port_busy' });
    await expect(dev.opener.open('/dev/virtual/ttyUSB9')).rejects.toMatchObject({ code: 'port_not_found' });
  });

  it('V-2/V-3 losing the signal ends the data session: NO CARRIER and a Lost-Service stop', async () => {
    const m = await createInProcessModem({ clock: new ManualClock(), radioStepMs: 0 });
    devices.push(m);
    const at = new RawAtClient(m.link);
    await at.cmd('ATE0');
    await at.cmd('ATD#777');
    m.controller.loseSignal();
    expect(await at.flush()).toBe('\r\nNO CARRIER\r\n\r\n^MODE:0\r\n\r\n^RSSILVL:0\r\n\r\n^HRSSILVL:0\r\n');
    expect(m.controller.history().find((e) => e.type === 'session-stop')).toMatchObject({ cause: 'Lost-Service', ip: '127.10.0.1' });
  });

  it('writes strings as UTF-8 like node-serialport: a Cyrillic text-mode SMS survives the round trip', async () => {
    const m = await createInProcessModem({ profile: 'generic-3gpp', clock: new ManualClock(), radioStepMs: 0 });
    devices.push(m);
    const at = new RawAtClient(m.link);
    await at.cmd('ATE0;+CMGF=1');
    await at.cmd('AT+CMGS="441234567"');
    await at.raw('Привіт\x1a');
    expect(m.controller.history().find((e) => e.type === 'sms-sent')).toMatchObject({ text: 'Привіт' });
  });
});
