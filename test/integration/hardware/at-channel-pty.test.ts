// M-AT-1 / M-PORT-3 over real pseudo-terminals with node-serialport's native binding:
// echo on and off, a URC inside an answer, a timeout whose late answer must not become
// the next command's, and an unplug in the middle of a command.
import { afterEach, describe, expect, it } from 'vitest';
import { openAtChannel, type SerialAtChannel } from '../../../hardware/at/at-channel';
import type { UnsolicitedReport } from '../../../hardware/at/at-channel-types';
import { serialportOpener } from '../../../hardware/serial/serialport-link';
import { startScriptedDevice, type Script, type ScriptedDevice } from '../../support/scripted-device';

const DSFLOW = '^DSFLOWRPT:000014F4,00000000,00000000,000000000001949A,0000000000021E14,0003E800,000FA000';
const devices: ScriptedDevice[] = [];
const channels: SerialAtChannel[] = [];
afterEach(async () => {
  for (const c of channels.splice(0)) await c.close();
  for (const d of devices.splice(0)) await d.close();
});

/** An EC121 as the reference shows it, with echo switchable (ATE0/ATE1). */
function ec121(): Script {
  let echo = true;
  return (cmd) => {
    const e = echo ? `${cmd}\r` : '';
    const up = cmd.toUpperCase();
    if (up === 'ATE0') echo = false;
    if (up === 'ATE1') echo = true;
    if (up === 'AT+GMM') return { reply: `${e}\r\nEC121\r\n\r\nOK\r\n` };
    if (up === 'AT+GMI') return { reply: `${e}\r\nHUAWEI TECHNOLOGIES CO., LTD\r\n\r\nOK\r\n` };
    if (up === 'AT+CMGD=0') return { reply: `${e}\r\n${DSFLOW}\r\n\r\nOK\r\n` }; // transcript 09
    if (up === 'AT+SLOW') return { reply: `${e}\r\nLATE\r\n\r\nOK\r\n`, delayMs: 400 };
    if (up === 'AT+HANG') return null;
    if (/^AT/.test(up)) return { reply: `${e}\r\nOK\r\n` };
    return { reply: '\r\nERROR\r\n' };
  };
}

async function open(script: Script) {
  const dev = await startScriptedDevice(script);
  devices.push(dev);
  const link = await serialportOpener.open(dev.path);
  const ch = await openAtChannel(link, { defaultTimeoutMs: 3000 });
  channels.push(ch);
  return { dev, ch, link };
}

describe('M-AT-1 AT channel over a real pty', () => {
  it('answers the same with echo on and off', async () => {
    const { ch } = await open(ec121());
    const on = await ch.send('AT+GMM');
    await ch.send('ATE0');
    const off = await ch.send('AT+GMM');
    expect(on).toMatchObject({ lines: ['EC121'], final: { kind: 'ok' } });
    expect(off).toMatchObject({ lines: ['EC121'], final: { kind: 'ok' } });
    expect(ch.transcript().some((t) => t.dir === 'tx' && t.line === 'AT+GMM')).toBe(true);
  });

  it('routes a URC that arrives inside an answer and still ends the command (transcript 09)', async () => {
    const { ch } = await open(ec121());
    const urcs: UnsolicitedReport[] = [];
    ch.onUnsolicited('^DSFLOWRPT', (r) => urcs.push(r));
    const r = await ch.send('AT+CMGD=0');
    expect(r).toMatchObject({ lines: [], final: { kind: 'ok' } });
    expect(urcs.map((u) => u.line)).toEqual([DSFLOW]);
  });

  it('never takes a late answer after a timeout for the next command', async () => {
    const { ch } = await open(ec121());
    await expect(ch.send('AT+SLOW', { timeoutMs: 200 })).rejects.toMatchObject({ code: 'at_timeout' });
    // The late "LATE / OK" arrives while the next command waits; it must get its own answer.
    const r = await ch.send('AT+GMM');
    expect(r).toMatchObject({ lines: ['EC121'], final: { kind: 'ok' } });
    const r2 = await ch.send('AT+GMI');
    expect(r2.lines).toEqual(['HUAWEI TECHNOLOGIES CO., LTD']);
  });

  it('gets back in step when the abandoned command never answers at all', async () => {
    const { ch } = await open(ec121());
    await expect(ch.send('AT+HANG', { timeoutMs: 200 })).rejects.toMatchObject({ code: 'at_timeout' });
    expect(await ch.send('AT+GMM')).toMatchObject({ lines: ['EC121'], final: { kind: 'ok' } });
    expect(await ch.send('AT+GMI')).toMatchObject({ lines: ['HUAWEI TECHNOLOGIES CO., LTD'] });
  });

  it('fails the command in flight with at_unplugged when the device vanishes', async () => {
    const { dev, ch } = await open(ec121());
    const modes: string[] = [];
    ch.onModeChange((m) => modes.push(m));
    const pending = ch.send('AT+HANG', { timeoutMs: 10_000 });
    await new Promise((r) => setTimeout(r, 100));
    await dev.pair.unplug();
    await expect(pending).rejects.toMatchObject({ code: 'at_unplugged' });
    expect(modes).toEqual(['closed']);
    await expect(ch.send('AT')).rejects.toMatchObject({ code: 'at_unplugged' });
  });

  it('classifies a port that cannot be opened', async () => {
    await expect(serialportOpener.open('/dev/ttyASSA-none')).rejects.toMatchObject({ code: 'port_not_found' });
  });
});
