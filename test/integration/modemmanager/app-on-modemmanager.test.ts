// Issue 16 Part 2: the app as a ModemManager client over D-Bus (dbus-next), against the real
// MM of Part 1's sandbox. The app's own ModemService runs on the MM backend (backendPlatform in
// 'auto', which picks MM because MM holds the modem): identity, number, signal per technology,
// registration; SMS to 2772 through MM's Messaging reaching a real `assa server` (which activates
// the RUNA code); Simple.Connect starting the stick's data call.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/app/clock';
import { EventBus } from '../../../src/app/event-bus';
import { connectMm } from '../../../src/app/modem/mm-dbus';
import { mmPlatform } from '../../../src/app/modem/mm-platform';
import { backendOfPort, backendPlatform } from '../../../src/app/modem/modem-backend';
import { ModemService } from '../../../src/app/modem/modem-service';
import { nullPlatform } from '../../../src/app/modem/null-platform';
import { HUAWEI_EC_STICK, modemManagerUnavailable, startMmSandbox, type MmSandbox, type UsbStick } from '../../support/modemmanager';
import { startSim, type SimProcess } from '../virtual/sim-process';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const NETWORK_SECRET = 'mm-test-network-secret';
const HUAWEI_E1550: UsbStick = { vendorId: '12d1', productId: '1001', manufacturer: 'HUAWEI Technology', product: 'HUAWEI Mobile' };
const why = modemManagerUnavailable();
if (why) console.warn(`ModemManager tests skipped: ${why}`);

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

async function assaServer(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'assa-mm-server-'));
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  const server: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin/assa.js'), 'server', '--db', path.join(dir, 'assa.db'), '--host', '127.0.0.1', '--port', String(port), '--radius-port', '0', '--network-secret', NETWORK_SECRET, '--demo'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(async () => {
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    await fs.rm(dir, { recursive: true, force: true });
  });
  let err = '';
  server.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise<string>((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(`assa server not ready; stderr: ${err}`)), 30_000);
    server.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const hit = /listening on (http:\/\/\S+)/.exec(out);
      if (hit) {
        clearTimeout(t);
        resolve(hit[1]!);
      }
    });
    server.once('exit', (code) => reject(new Error(`assa server exited ${code}: ${err}`)));
  });
}

async function appOnMm(profile: string, stick: UsbStick, simArgs: string[] = []): Promise<{ sim: SimProcess; box: MmSandbox; service: ModemService; platform: ReturnType<typeof mmPlatform> }> {
  const sim = await startSim(['--multi-port', '--profile', profile, ...simArgs]);
  cleanups.push(() => sim.stop());
  const box = await startMmSandbox(stick, [sim.link, `${sim.link}-diag`, `${sim.link}-pcui`, `${sim.link}-silent`]);
  cleanups.push(() => box.close());
  await box.startModemManager();
  const bus = await connectMm(box.busAddress);
  cleanups.push(async () => bus.close());
  const platform = mmPlatform(bus);
  // the serial side sees nothing here (this process is outside the namespace); 'auto' must pick MM
  const service = new ModemService({ platform: backendPlatform({ setting: () => 'auto', serial: nullPlatform, modemManager: platform }), bus: new EventBus(), clock: systemClock, pollMs: 1000 });
  cleanups.push(() => service.stop());
  service.start();
  return { sim, box, service, platform };
}

async function until<T>(what: string, f: () => T | null | undefined | false, timeoutMs = 120_000, show: () => unknown = () => ''): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; ${JSON.stringify(show())}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(why !== null)('issue 16 Part 2: the app on the ModemManager backend (real MM over D-Bus)', () => {
  it('huawei-ec: ModemService reads identity, number, signal per technology and registration through MM; Simple.Connect starts the data call', async () => {
    const { sim, service, platform } = await appOnMm('huawei-ec', HUAWEI_EC_STICK);
    await until('the modem ready', () => service.getState().status === 'ready', 150_000, () => service.getState());
    const state = service.getState();
    expect(backendOfPort(state.port)).toBe('modemmanager');
    expect(state).toMatchObject({ manufacturer: 'huawei', model: 'EC121', number: '441234567', virtual: false });
    const details = await until('signal and network', () => (service.getDetails()?.signal?.bars ? service.getDetails() : null), 60_000);
    expect(details.identity).toMatchObject({ meid: 'A0C72311111111', revision: '11.100.17.00.114' });
    expect(details.network).toMatchObject({ mode: 'evdo-rel0', roaming: false, sid: 2162 });
    expect(details.signal!.cdma1x?.rssiDbm).toBeLessThan(0);
    expect(details.signal!.evdo?.rssiDbm).toBeLessThan(0);
    expect(details.numberSource).toBe('modem');

    // AT only through MM's debug mode (the harness runs MM with --debug): the terminal works
    const r = await service.sendAt('+GMM');
    expect(r.lines.join('\n')).toContain('EC121');

    const bearer = await platform.connect();
    expect(bearer.ipMethod).toBe('ppp'); // a CDMA stick's data call: MM dials #777 and leaves PPP to the client
    expect(bearer.iface).toBe('ttyUSB0');
    await until('the sim\'s data session', () => /data session \S+ up/.test(sim.stderr()), 30_000);
    await platform.disconnect();
  }, 300_000);

  it('generic-3gpp: the RUNA SMS to 2772 goes out through MM\'s Messaging and reaches a real assa server', async () => {
    const assa = await assaServer();
    const { service, sim } = await appOnMm('generic-3gpp', HUAWEI_E1550, ['--assa', assa, '--network-secret', NETWORK_SECRET]);
    await until('the modem ready', () => service.getState().status === 'ready', 150_000);
    expect(service.getState()).toMatchObject({ model: 'E1550', number: '441234567' });
    // MM registers after enabling; the service's poll follows
    await until('registration', () => service.getDetails()?.network?.mode === 'umts', 60_000, () => service.getDetails()?.network);
    expect(service.getDetails()?.network?.roaming).toBe(false);
    const m = service.requireReady();
    await m.profile.sendSms(m.channel, '2772', '123456');
    // the network side of the virtual modem delivered it to ASSA's 2772 endpoint, which activated the code
    await until('ASSA\'s answer', () => sim.stderr().includes('2772 sms: reply "kod RUNA 123456 vdalo aktyvovan"'), 60_000, () => sim.stderr());
  }, 300_000);
});
