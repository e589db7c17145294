// Issue 16 Part 1: the real ModemManager (1.20, Debian) reads `assa sim --multi-port` as the real
// stick. MM runs in a private mount namespace whose /sys describes the USB device and whose /dev
// links ttyUSB0..3 to the sim's ptys (test/support/modemmanager.ts); `assa diag --json` runs in the
// same namespace and must agree with MM. Skipped, with the reason printed, where MM cannot run.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RawAtClient } from '../../../hardware/virtual/raw-client';
import { normaliseNumber } from '../../../src/shared/phone-number';
import { HUAWEI_EC_STICK, modemManagerUnavailable, startMmSandbox, ZTE_AC_STICK, type MmSandbox, type UsbStick } from '../../support/modemmanager';
import { socatClient, startSim } from '../virtual/sim-process';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const why = modemManagerUnavailable();
if (why) console.warn(`ModemManager tests skipped: ${why}`);

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

const national = (n: string) => {
  const r = normaliseNumber(n);
  return r.ok ? r.number : n;
};

interface Case {
  profile: 'huawei-ec' | 'zte-ac';
  stick: UsbStick;
  plugin: string;
  manufacturer: string;
  model: string;
  revision: string;
}

const CASES: Case[] = [
  { profile: 'huawei-ec', stick: HUAWEI_EC_STICK, plugin: 'huawei', manufacturer: 'HUAWEI INCORPORATED', model: 'EC121', revision: '11.100.17.00.114' },
  { profile: 'zte-ac', stick: ZTE_AC_STICK, plugin: 'zte', manufacturer: 'ZTE INCORPORATED', model: 'AC2726', revision: 'P671A2V1.0.0B06' },
];

/** The sim with the EC-series layout (ttyUSB0 modem, 1 diagnostics, 2 PCUI, 3 silent) inside a sandbox. */
async function simInSandbox(profile: Case['profile'], stick: UsbStick, extra: string[] = []): Promise<MmSandbox> {
  const sim = await startSim(['--multi-port', '--profile', profile, ...extra]);
  cleanups.push(() => sim.stop());
  const box = await startMmSandbox(stick, [sim.link, `${sim.link}-diag`, `${sim.link}-pcui`, `${sim.link}-silent`]);
  cleanups.push(() => box.close());
  return box;
}

/** Per port, the reports MM received while its last ^CURC on that port was 0 (from MM's debug log). */
function reportsWhileCurcOff(log: string): { curcOffSent: number; leaked: string[] } {
  const off = new Map<string, boolean>();
  let curcOffSent = 0;
  const leaked: string[] = [];
  for (const line of log.split('\n')) {
    const m = /\[(ttyUSB\d)\/at\] (-->|<--) '(.*)'$/.exec(line);
    if (!m) continue;
    const [, port, dir, text] = m as unknown as [string, string, string, string];
    if (dir === '-->' && /\^CURC=0/.test(text)) {
      off.set(port, true);
      curcOffSent++;
    } else if (dir === '-->' && /\^CURC=1/.test(text)) off.set(port, false);
    else if (dir === '<--' && off.get(port) && /\^(RSSILVL|HRSSILVL|MODE|BOOT|DSFLOWRPT):/.test(text)) leaked.push(`${port}: ${text}`);
  }
  return { curcOffSent, leaked };
}

describe.skipIf(why !== null)('issue 16 Part 1: ModemManager reads the virtual modem as the real stick', () => {
  it.each(CASES)('$profile ($stick.vendorId:$stick.productId): MM picks the $plugin plugin and shows identity, MEID, number, access technology, signal and registration; assa diag agrees', async (c) => {
    // the radio walks every 700 ms, so reports keep coming on the PCUI port
    const box = await simInSandbox(c.profile, c.stick, ['--radio-step', '700']);

    // `assa diag --json` first, in the same namespace, while nobody holds the ports
    const diag = await box.inNamespace(process.execPath, [path.join(ROOT, 'bin/assa.js'), 'diag', '--json'], { timeoutMs: 60_000 });
    expect(diag.code, diag.stderr).toBe(0);
    const report = JSON.parse(diag.stdout) as { probe: Array<{ path: string; role: string }>; port: string; dataPort: string | null; model: string; revision: string; esn: string; meid: string; mdn: string; network: { mode: string; roaming: boolean } };

    await box.startModemManager();
    await box.waitForModem((m) => m['modem.generic.plugin'] !== undefined && ['disabled', 'enabled', 'registered'].includes(m['modem.generic.state'] ?? ''));
    await box.mmcli(['-m', 'any', '-e'], 60_000);
    const m = await box.waitForModem((x) => x['modem.generic.state'] === 'registered' && Number(x['modem.generic.signal-quality.value'] ?? 0) > 0 && x['modem.generic.access-technologies.value[1]'] !== undefined);

    expect(m['modem.generic.plugin']).toBe(c.plugin);
    expect(m['modem.generic.manufacturer']).toBe(c.manufacturer);
    expect(m['modem.generic.model']).toBe(c.model);
    expect(m['modem.generic.revision']).toBe(c.revision);
    expect(m['modem.cdma.meid']).toBe('A0C72311111111');
    if (m['modem.cdma.esn']) expect(m['modem.cdma.esn'].toLowerCase()).toBe('80469bb7'); // the pseudo-ESN of that MEID
    expect(m['modem.generic.own-numbers.value[1]']).toBe('0441234567');
    expect(m['modem.generic.access-technologies.value[1]']).toMatch(/^(1xrtt|evdo0|evdoa|evdob)$/);
    // huawei reads roaming from ^SYSINFO (home); zte from +CSS/QCDM, which give no roaming flag (registered)
    expect(m['modem.cdma.cdma1x-registration-state']).toMatch(c.plugin === 'huawei' ? /^home$/ : /^(home|registered)$/);
    expect(m['modem.cdma.evdo-registration-state']).toMatch(/^(home|registered)$/);
    expect(m['modem.cdma.sid']).toBe('2162');
    expect(m['modem.generic.ports.value[2]']).toBe('ttyUSB1 (qcdm)');

    // no periodic report reached MM on a port after MM turned them off there with ^CURC=0
    const log = await box.log();
    const curc = reportsWhileCurcOff(log);
    if (c.profile === 'huawei-ec') expect(curc.curcOffSent).toBeGreaterThan(0);
    expect(curc.leaked).toEqual([]);

    // assa diag and MM agree on the ports: the same AT ports and the same QCDM port (the prober's
    // framed version request); control and data are two of MM's AT ports, and where MM's plugin
    // knows the PCUI (huawei) the control port is MM's primary. Then identity, number, registration.
    const primary = m['modem.generic.primary-port']!;
    const portsOf = (kind: string) => Object.entries(m).filter(([k, v]) => k.startsWith('modem.generic.ports.value') && v.endsWith(`(${kind})`)).map(([, v]) => `/dev/${v.split(' ')[0]}`).sort();
    const probed = (role: string) => report.probe.filter((p) => p.role === role).map((p) => p.path).sort();
    expect(probed('at')).toEqual(portsOf('at'));
    expect(probed('qcdm')).toEqual(portsOf('qcdm'));
    expect(portsOf('at')).toContain(report.port);
    if (c.plugin === 'huawei') expect(report.port).toBe(`/dev/${primary}`);
    if (report.dataPort) expect(portsOf('at')).toContain(report.dataPort);
    expect(report.model).toBe(m['modem.generic.model']);
    expect(report.revision).toBe(m['modem.generic.revision']);
    expect(report.meid.toUpperCase()).toBe(m['modem.cdma.meid']);
    expect(report.esn.toLowerCase()).toBe('80469bb7');
    expect(national(report.mdn)).toBe(national(m['modem.generic.own-numbers.value[1]']!));
    expect(report.network.roaming).toBe(false);
    expect(report.network.mode).not.toBe('none');
  }, 240_000);
});

describe('issue 16 Part 1: the virtual modem\'s ports behave like a real stick\'s (seen through the pty)', () => {
  it('^CURC=0 on the PCUI port: no report for as long as it is off; ^CURC=1: reports again; nothing piles up while the port is closed', async () => {
    const sim = await startSim(['--multi-port', '--radio-step', '200']);
    cleanups.push(() => sim.stop());
    const open = () => {
      const link = socatClient(`${sim.link}-pcui`);
      cleanups.push(() => link.close());
      return { link, at: new RawAtClient(link, 15_000) };
    };
    const first = open();
    await first.at.cmd('ATE0');
    await first.at.until((s) => /\^(RSSILVL|HRSSILVL):/.test(s)); // the walk reports
    expect(await first.at.cmd('AT^CURC=0')).toMatch(/OK\r\n$/);
    await first.at.flush();
    await new Promise((r) => setTimeout(r, 1500)); // about seven radio steps
    expect(await first.at.flush()).toBe('');
    expect(await first.at.cmd('AT^CURC?')).toBe('\r\n^CURC:0\r\n\r\nOK\r\n');
    expect(await first.at.cmd('AT^CURC=1')).toBe('\r\nOK\r\n');
    await first.at.until((s) => /\^(RSSILVL|HRSSILVL):/.test(s));
    await first.link.close();
    await new Promise((r) => setTimeout(r, 1500)); // reports due while nobody has the port open
    const second = open();
    // Read for half a radio step. Reports queued while the port was closed would come at once,
    // about seven steps of them; at most one fresh step can fall into the window (the walk does
    // not stop for us), so one is allowed and two mean a pile-up. A step reports 1x and EV-DO
    // (^RSSILVL and ^HRSSILVL), so steps are counted by their 1x line.
    await new Promise((r) => setTimeout(r, 100));
    const arrived = (await second.at.flush()).match(/\^RSSILVL:/g) ?? [];
    expect(arrived.length).toBeLessThanOrEqual(1);
  }, 60_000);

  it('the diagnostics port says nothing to AT text and answers libqcdm\'s framed version request', async () => {
    const sim = await startSim(['--multi-port']);
    cleanups.push(() => sim.stop());
    const diag = socatClient(`${sim.link}-diag`);
    cleanups.push(() => diag.close());
    const raw = new RawAtClient(diag, 15_000);
    await diag.write('AT\r');
    await new Promise((r) => setTimeout(r, 300));
    expect(await raw.flush()).toBe('');
    await diag.write(Uint8Array.from([0x7e, 0x00, 0x78, 0xf0, 0x7e]));
    const answer = await raw.until((s) => s.endsWith('\x7e'));
    expect(answer.charCodeAt(0)).toBe(0x00);
    expect(answer).toContain('EC121');
  }, 30_000);
});
