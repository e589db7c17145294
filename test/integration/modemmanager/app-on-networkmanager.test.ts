// Issue 16 Part 2, the data call on a desktop: where NetworkManager runs, the app asks NM (over
// D-Bus, dbus-next) to activate a connection on the modem's NM device; NM asks the real
// ModemManager for the bearer (MM dials #777 on the virtual stick) and runs the real pppd. This
// machine has no PPP in its kernel, so the call ends at pppd: the app must tell that reason, NM
// must forget the app's volatile profile, and with NM gone the app must fall back to MM's
// Simple.Connect on the same modem.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/app/clock';
import { EventBus } from '../../../src/app/event-bus';
import type { Dialler } from '../../../src/app/connection/dialler';
import { connectMm } from '../../../src/app/modem/mm-dbus';
import { mmDialler } from '../../../src/app/modem/mm-dialler';
import { mmPlatform } from '../../../src/app/modem/mm-platform';
import { backendPlatform } from '../../../src/app/modem/modem-backend';
import { ModemService } from '../../../src/app/modem/modem-service';
import { connectNm } from '../../../src/app/modem/nm-dbus';
import { nmDialler } from '../../../src/app/modem/nm-dialler';
import { nullPlatform } from '../../../src/app/modem/null-platform';
import { INTERTELECOM_CDMA } from '../../../src/shared/dial-profile';
import { HUAWEI_EC_STICK, modemManagerUnavailable, startMmSandbox } from '../../support/modemmanager';
import { networkManagerUnavailable, startNetworkManager } from '../../support/networkmanager';
import { startSim } from '../virtual/sim-process';

const why = modemManagerUnavailable() ?? networkManagerUnavailable();
if (why) console.warn(`NetworkManager data-call test skipped: ${why}`);

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

async function until<T>(what: string, f: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs: number, show: () => unknown = () => ''): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; ${JSON.stringify(show())}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(why !== null)('issue 16 Part 2: data calls through NetworkManager (real NM, real MM, real pppd)', () => {
  it('huawei-ec: NM activates the call through MM and pppd; the app tells why it ended; NM keeps no profile; without NM, MM\'s Simple.Connect dials', async () => {
    const sim = await startSim(['--multi-port', '--profile', 'huawei-ec']);
    cleanups.push(() => sim.stop());
    const box = await startMmSandbox(HUAWEI_EC_STICK, [sim.link, `${sim.link}-diag`, `${sim.link}-pcui`, `${sim.link}-silent`]);
    cleanups.push(() => box.close());
    await box.startModemManager();
    const nmPeer = await startNetworkManager(box);
    cleanups.push(() => nmPeer.stop());

    const mmBus = await connectMm(box.busAddress);
    cleanups.push(async () => mmBus.close());
    const mm = mmPlatform(mmBus);
    const nm = await connectNm(box.busAddress);
    cleanups.push(async () => nm.close());
    const backend = backendPlatform({ setting: () => 'auto', serial: nullPlatform, modemManager: mm, networkManager: nm });
    const service = new ModemService({ platform: backend, bus: new EventBus(), clock: systemClock, pollMs: 1000 });
    cleanups.push(() => service.stop());
    service.start();
    await until('the modem ready', () => service.getState().status === 'ready', 150_000, () => service.getState());
    const modem = service.requireReady();

    const mmPath = modem.channel.path.slice('mm:'.length);
    // NM learns of the modem from MM (its device's Udi is MM's object path), as on a desktop
    const device = await until('NetworkManager\'s device for the modem', () => nm.deviceForModem(mmPath), 120_000, () => nmPeer.log().slice(-1500));
    expect(device).toMatch(/^\/org\/freedesktop\/NetworkManager\/Devices\/\d+$/);
    expect(await nmPeer.nmcli(['-t', '-f', 'DEVICE,TYPE', 'device'])).toMatch(/^ttyUSB\d:cdma$/m);
    // the diagnostics page says who makes the data calls
    expect(await backend.backend.status()).toMatchObject({ active: 'modemmanager', dataCalls: 'networkmanager' });

    const fallbackCalls: string[] = [];
    const mmDial = mmDialler({ platform: mm, bus: mmBus, clock: systemClock });
    const fallback: Dialler = { dial: (req) => (fallbackCalls.push(req.profile.id), mmDial.dial(req)) };
    const dialler = nmDialler({ nm, fallback, clock: systemClock });

    const phases: string[] = [];
    const err = await dialler.dial({ modem, profile: INTERTELECOM_CDMA, onPhase: (p) => phases.push(p) }).then(
      () => null,
      (e: { code?: string; details?: Record<string, unknown> }) => e,
    );
    expect(fallbackCalls).toEqual([]); // NM ran and managed the modem: it made the call
    expect(phases).toEqual(['dialling']);
    // NM's reason is PPP_FAILED (14): this kernel has no /dev/ppp, which the app names
    expect(err).toMatchObject({ code: existsSync('/dev/ppp') ? 'link_failed' : 'no_kernel_ppp', details: { networkManagerReason: 14 } });
    // NM really went through MM to the stick: MM dialled #777 on the virtual modem, NM ran pppd on the port
    await until('the sim\'s data session', () => /data session \S+ up/.test(sim.stderr()), 30_000, () => sim.stderr().slice(-1500));
    expect(nmPeer.log()).toMatch(/pppd/);
    // the profile was volatile: nothing of the app's is left among NM's connections
    await until('NM to forget the profile', async () => !(await nmPeer.nmcli(['-t', '-f', 'NAME', 'connection', 'show'])).includes('ASSA:'), 15_000);
    expect(await nmPeer.nmcli(['-t', '-f', 'DEVICE,STATE', 'device'])).toMatch(/^ttyUSB\d:disconnected$/m);

    // A real stick hangs up the moment pppd closes the port (DTR drops). The pty sim learns of the
    // close on its next look at /proc (once a second, slower on a busy machine); until then an
    // ATD that MM sends after reopening the port would be taken as data. So wait for that hang-up.
    await until('the sim to end the data session pppd left', () => /data session \S+ down/.test(sim.stderr()), 30_000, () => sim.stderr().slice(-1500));

    // NM stops (a desktop without NM, or NM not managing the modem): the same dialler falls back to MM
    await nmPeer.stop();
    await until('NM gone from the bus', async () => !(await nm.running()), 15_000);
    expect(await backend.backend.status()).toMatchObject({ active: 'modemmanager', dataCalls: 'modemmanager' });
    const session = await dialler.dial({ modem, profile: INTERTELECOM_CDMA, onPhase: () => undefined });
    expect(fallbackCalls).toEqual(['intertelecom']);
    expect(session.via).toBe('modemmanager');
    await session.hangup();
    expect(await session.ended).toEqual({ code: null });
  }, 360_000);
});
