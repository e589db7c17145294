// Issue 16 Part 2: the app as a ModemManager client over D-Bus (dbus-next), against the real
// MM of Part 1's sandbox. The app's own ModemService runs on the MM backend (backendPlatform in
// 'auto', which picks MM because MM holds the modem): identity, number, signal per technology,
// registration; SMS to 2772 through MM's Messaging reaching a real `assa server` (which activates
// the RUNA code); Simple.Connect starting the stick's data call.
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/app/clock';
import { EventBus } from '../../../src/app/event-bus';
import { connectMm, IFACE, type MmBus } from '../../../src/app/modem/mm-dbus';
import { MM_STATS_REPORT, mmDialler } from '../../../src/app/modem/mm-dialler';
import { INTERTELECOM_CDMA } from '../../../src/shared/dial-profile';
import { mmPlatform } from '../../../src/app/modem/mm-platform';
import { openAtChannel } from '../../../hardware/at/at-channel';
import { pickProfile } from '../../../hardware/modems/pick-profile';
import { serialportOpener } from '../../../hardware/serial/serialport-link';
import { hybridPlatform } from '../../../src/app/modem/hybrid-platform';
import { backendOfPort, backendPlatform, type ModemBackendSetting } from '../../../src/app/modem/modem-backend';
import type { ModemPlatform } from '../../../src/app/modem/modem-platform';
import { usbModemSource } from '../../../src/app/modem/usb-modem-source';
import { ModemService } from '../../../src/app/modem/modem-service';
import { nullPlatform } from '../../../src/app/modem/null-platform';
import { HUAWEI_EC_STICK, modemManagerUnavailable, polkitUnavailable, startMmSandbox, type MmSandbox, type UsbStick } from '../../support/modemmanager';
import { startSim, type SimProcess } from '../virtual/sim-process';
import { startAssaServer, type AssaServerProcess } from '../../support/assa-server-process';

const HUAWEI_E1550: UsbStick = { vendorId: '12d1', productId: '1001', manufacturer: 'HUAWEI Technology', product: 'HUAWEI Mobile' };
const noPolkit = polkitUnavailable();
if (noPolkit) console.warn(`ModemManager take-over test skipped: ${noPolkit}`);
const why = modemManagerUnavailable();
if (why) console.warn(`ModemManager tests skipped: ${why}`);

const cleanups: (() => Promise<unknown>)[] = [];
let mmBus: MmBus | null = null;
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

async function assaServer(): Promise<AssaServerProcess> {
  const server = await startAssaServer();
  cleanups.push(() => server.stop());
  return server;
}

/** The serial side as on a desktop: the same stick's ports (here the sim's ptys, as MM's ttyUSBn link to them). */
function serialSide(links: string[], stick: UsbStick): ModemPlatform {
  const ports = links.map((p, i) => ({ path: p, vendorId: stick.vendorId, productId: stick.productId, manufacturer: stick.manufacturer, product: stick.product, serialNumber: null, interfaceNumber: i, usbDevice: 'usb1-2', knownAs: null }));
  return hybridPlatform({
    physical: usbModemSource({ opener: serialportOpener, list: () => ports, intervalMs: 200 }),
    virtual: null,
    virtualEnabled: false,
    portOverride: () => null,
    openChannel: async (p) => openAtChannel(await serialportOpener.open(p)),
    pickProfile,
  });
}

async function appOnMm(profile: string, stick: UsbStick, simArgs: string[] = [], o: { serial?: boolean; setting?: () => ModemBackendSetting } = {}): Promise<{ sim: SimProcess; box: MmSandbox; service: ModemService; platform: ReturnType<typeof mmPlatform>; backend: ReturnType<typeof backendPlatform>; links: string[] }> {
  const sim = await startSim(['--multi-port', '--profile', profile, ...simArgs]);
  cleanups.push(() => sim.stop());
  const links = [sim.link, `${sim.link}-diag`, `${sim.link}-pcui`, `${sim.link}-silent`];
  const box = await startMmSandbox(stick, links);
  cleanups.push(() => box.close());
  await box.startModemManager();
  const bus = await connectMm(box.busAddress);
  cleanups.push(async () => bus.close());
  const platform = mmPlatform(bus);
  mmBus = bus;
  // 'auto' must pick MM while MM holds the stick, and the serial side must leave its ports alone
  const backend = backendPlatform({ setting: o.setting ?? (() => 'auto'), serial: o.serial ? serialSide(links, stick) : nullPlatform, modemManager: platform });
  const service = new ModemService({ platform: backend, bus: new EventBus(), clock: systemClock, pollMs: 1000 });
  cleanups.push(() => service.stop());
  service.start();
  return { sim, box, service, platform, backend, links };
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
    const bus = mmBus!;
    await until('the modem ready', () => service.getState().status === 'ready', 150_000, () => service.getState());
    const state = service.getState();
    expect(backendOfPort(state.port)).toBe('modemmanager');
    expect(state).toMatchObject({ manufacturer: 'huawei', model: 'EC121', number: '441234567', virtual: false });
    // the radio walks: wait for a moment with both 1x and EV-DO in service (hybrid)
    const details = await until('signal and network', () => (service.getDetails()?.signal?.cdma1x && service.getDetails()?.signal?.evdo ? service.getDetails() : null), 90_000, () => service.getDetails());
    expect(details.identity).toMatchObject({ meid: 'A0C72311111111', revision: '11.100.17.00.114' });
    expect(details.network).toMatchObject({ mode: 'evdo-rel0', roaming: false, sid: 2162 });
    expect(details.signal!.cdma1x?.rssiDbm).toBeLessThan(0);
    expect(details.signal!.evdo?.rssiDbm).toBeLessThan(0);
    expect(details.numberSource).toBe('modem');

    // AT only through MM's debug mode (the harness runs MM with --debug): the terminal works
    const r = await service.sendAt('+GMM');
    expect(r.lines.join('\n')).toContain('EC121');

    // the connection service's dialler on this backend: Simple.Connect (the #777 of the dial profile)
    const m = service.requireReady();
    const flow: string[] = [];
    m.channel.onUnsolicited(MM_STATS_REPORT, (r) => flow.push(r.line));
    const phases: string[] = [];
    const session = await mmDialler({ platform, bus, clock: systemClock }).dial({ modem: m, profile: INTERTELECOM_CDMA, onPhase: (p) => phases.push(p) });
    expect(phases).toEqual(['dialling', 'ip-up']);
    // a CDMA stick's data call: MM dials #777 on ttyUSB0 and leaves PPP to the client, so no net interface here
    expect(session).toMatchObject({ via: 'modemmanager', iface: null });
    expect((await bus.props((await bus.call<string[]>(m.channel.path.slice(3), IFACE.modem, 'ListBearers'))[0]!, IFACE.bearer)).Interface).toBe('ttyUSB0');
    await until('the sim\'s data session', () => /data session \S+ up/.test(sim.stderr()), 30_000);
    await new Promise((r) => setTimeout(r, 2500)); // two bearer polls
    expect(flow).toEqual([]); // MM keeps no byte counts for a PPP bearer: none are made up
    await session.hangup();
    expect(await session.ended).toEqual({ code: null });
    await until('the sim\'s data session ends', () => /data session \S+ down/.test(sim.stderr()), 30_000, () => sim.stderr());
  }, 300_000);

  it('generic-3gpp: the RUNA SMS to 2772 goes out through MM\'s Messaging and reaches a real assa server; its reply comes back through Messaging; USSD through Modem3gpp.Ussd', async () => {
    const assa = await assaServer();
    const { service, sim } = await appOnMm('generic-3gpp', HUAWEI_E1550, ['--assa', assa.url, '--network-secret', assa.networkSecret]);
    await until('the modem ready', () => service.getState().status === 'ready', 150_000);
    expect(service.getState()).toMatchObject({ model: 'E1550', number: '441234567' });
    // MM registers after enabling; the service's poll follows
    await until('registration', () => service.getDetails()?.network?.mode === 'umts', 60_000, () => service.getDetails()?.network);
    expect(service.getDetails()?.network?.roaming).toBe(false);
    const m = service.requireReady();
    await m.profile.sendSms(m.channel, '2772', '123456');
    // the network side of the virtual modem delivered it to ASSA's 2772 endpoint, which activated the code
    const got: Array<{ from: string; text: string }> = [];
    service.onSms((sms) => got.push({ from: sms.from, text: sms.text }));
    await until('ASSA\'s answer', () => sim.stderr().includes('2772 sms: reply "kod RUNA 123456 vdalo aktyvovan"'), 60_000, () => sim.stderr());
    // ...and the network delivered ASSA's reply to the stick: MM stored it (Messaging.Added), the app read it through MM, once
    await until('the reply through MM', () => got.length > 0, 60_000, () => got);
    expect(got).toEqual([{ from: '2772', text: 'kod RUNA 123456 vdalo aktyvovan' }]);
    const inbox = await m.profile.readSms(m.channel);
    expect(inbox.filter((x) => x.from === '2772')).toMatchObject([{ text: 'kod RUNA 123456 vdalo aktyvovan', read: true }]);
    await new Promise((r) => setTimeout(r, 2000));
    expect(got).toHaveLength(1); // no second announcement of the same message

    // USSD through MM's Modem3gpp.Ussd (Initiate; Respond inside the menu the network opened)
    expect(await m.profile.ussd!(m.channel, '*161#')).toEqual({ status: 0, text: 'Vash nomer: 0441234567' });
    expect(await m.profile.ussd!(m.channel, '*100#')).toEqual({ status: 1, text: '1 - balans, 2 - taryf' });
    expect(await m.profile.ussd!(m.channel, '1')).toEqual({ status: 0, text: 'Balans: 29.00 grn' });
  }, 600_000);

  it.skipIf(noPolkit !== null)('huawei-ec: the user takes the port over (MM InhibitDevice): the app drives the stick directly, then gives it back to MM', async () => {
    const { service, backend, box } = await appOnMm('huawei-ec', HUAWEI_EC_STICK, [], { serial: true });
    await until('the modem ready on MM', () => service.getState().status === 'ready' && backendOfPort(service.getState().port) === 'modemmanager', 150_000, () => service.getState());
    expect(await backend.backend.status()).toMatchObject({ active: 'modemmanager', modemManagerRunning: true, modemManagerHasModem: true, atTerminal: true, takenOver: false });

    const taken = await backend.backend.takeOver(true);
    expect(taken).toMatchObject({ takenOver: true });
    expect(taken.takenOverDevice).toMatch(/1-2$/);
    // MM let go (no modem in mmcli) and the app opened the ports itself
    await until('the app on the ports', () => service.getState().status === 'ready' && backendOfPort(service.getState().port) === 'serial', 60_000, () => service.getState());
    expect(await box.mmcli(['-L'])).toMatch(/No modems were found/);
    expect(service.getState()).toMatchObject({ model: 'EC121', number: '441234567' });
    const gmr = await service.sendAt('AT+GMR').catch((e: unknown) => ({ lines: [String(e), JSON.stringify(service.transcript().slice(-30))] }));
    expect(gmr.lines.join('\n')).toContain('11.100.17.00.114');
    expect(await backend.backend.status()).toMatchObject({ active: 'serial', modemManagerHasModem: false, atTerminal: true, takenOver: true });

    const back = await backend.backend.takeOver(false);
    expect(back.takenOver).toBe(false);
    await until('MM has the stick again and the app follows', () => service.getState().status === 'ready' && backendOfPort(service.getState().port) === 'modemmanager', 150_000, () => service.getState());
    expect(await box.mmcli(['-L'])).toMatch(/Modem\/\d+/);
  }, 400_000);
});
