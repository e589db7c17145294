// Which backend drives the modem (issue 16): direct serial (the app opens /dev/ttyUSB*) or
// ModemManager (the app is an MM client). Setting `modemBackend`: 'serial', 'modemmanager', or
// 'auto' (default) = ModemManager whenever it runs and holds a modem, else serial — so the app
// and MM never fight for a port. The choice is made again whenever either side's view changes.
// "Take the port over" (the user, for the AT terminal or `assa diag`; or the setting 'serial'
// while MM holds the stick) asks MM to let go of the device (InhibitDevice); the stick then
// appears to the serial side. Released, MM takes it back and 'auto' follows MM again.
import type { AtChannel } from '../../../hardware/at/at-channel-types';
import type { BackendStatusDto } from '../../shared/app-methods-backend';
import { CodedError } from '../../shared/errors';
import type { BackendControl, FoundModem, ModemPlatform } from './modem-platform';
import { MM_PORT_PREFIX, type MmPlatform } from './mm-platform';

/** After giving the stick back, how long the serial side leaves its ports to MM's probing. */
export const HAND_BACK_MS = 60_000;

export type ModemBackendSetting = 'auto' | 'serial' | 'modemmanager';
export type ModemBackend = 'serial' | 'modemmanager';

export function parseBackendSetting(v: unknown): ModemBackendSetting {
  return v === 'serial' || v === 'modemmanager' ? v : 'auto';
}

/** The backend to use given the setting and what each side sees now; taken over = serial. */
export function chooseBackend(setting: ModemBackendSetting, seen: { modemManager: boolean; serial: boolean; takenOver?: boolean }): ModemBackend {
  if (seen.takenOver) return 'serial';
  if (setting !== 'auto') return setting;
  return seen.modemManager ? 'modemmanager' : 'serial';
}

/** The backend a control port belongs to (the diagnostics page shows it). */
export function backendOfPort(port: string | null): ModemBackend | null {
  if (!port) return null;
  return port.startsWith(MM_PORT_PREFIX) ? 'modemmanager' : 'serial';
}

/** The status where no ModemManager backend was composed (not Linux, no system bus). */
export function serialOnly(setting: ModemBackendSetting, port: string | null): BackendStatusDto {
  return { setting, active: port ? 'serial' : null, modemManagerRunning: false, modemManagerHasModem: false, atTerminal: port !== null, takenOver: false, takenOverDevice: null, dataCalls: port ? 'app' : null };
}

export type BackendPlatform = ModemPlatform & { backend: BackendControl };

export function backendPlatform(o: {
  setting: () => ModemBackendSetting;
  serial: ModemPlatform;
  modemManager: MmPlatform | ModemPlatform | null;
  /** NetworkManager on the same bus: where it runs it makes the data calls of MM's modems. */
  networkManager?: { running(): Promise<boolean> } | null;
  log?: (line: string) => void;
}): BackendPlatform {
  const mm = o.modemManager;
  const mmApi = mm && 'takeOver' in mm ? (mm as MmPlatform) : null;
  const of = (p: string) => (p.startsWith(MM_PORT_PREFIX) && mm ? mm : o.serial);
  let fromMm: FoundModem | null = null;
  let fromSerial: FoundModem | null = null;
  let current: FoundModem | null = null;
  let release: { device: string; undo: () => Promise<void>; bySetting: boolean } | null = null;
  let taking: Promise<unknown> | null = null;
  let emit: () => void = () => undefined;
  let handingBack: { clear(): void } | null = null;
  const timer = (ms: number, f: () => void) => {
    const t = setTimeout(f, ms);
    t.unref?.();
    return { clear: () => clearTimeout(t) };
  };

  const takeOver = async (on: boolean, bySetting: boolean) => {
    if (on && !release) {
      if (!mmApi) throw new CodedError('mm_not_running', 'ModemManager is not running: the app already opens the ports itself.');
      const r = await mmApi.takeOver();
      release = { device: r.device, undo: r.release, bySetting };
      o.log?.(`ModemManager let go of ${r.device}: the app opens its ports directly`);
    } else if (!on && release) {
      const r = release;
      release = null;
      // MM probes the stick again now: the ports are its own until it reports the modem (or gives up)
      handingBack?.clear();
      handingBack = timer(HAND_BACK_MS, () => ((handingBack = null), emit()));
      emit();
      await r.undo().catch((e: unknown) => o.log?.(`ModemManager did not take ${r.device} back: ${(e as Error).message}`));
      o.log?.(`${r.device} given back to ModemManager`);
    }
    emit();
  };

  const status = async (): Promise<BackendStatusDto> => {
    const running = mmApi ? await mmApi.running() : false;
    const active = backendOfPort(current?.controlPort ?? null);
    const commandAllowed = active === 'modemmanager' && mmApi ? await mmApi.commandAllowed() : false;
    const nmRunning = active === 'modemmanager' && o.networkManager ? await o.networkManager.running() : false;
    return {
      setting: o.setting(),
      active,
      modemManagerRunning: running,
      modemManagerHasModem: fromMm !== null,
      atTerminal: active === 'serial' || commandAllowed,
      takenOver: release !== null,
      takenOverDevice: release?.device ?? null,
      dataCalls: active === null ? null : active === 'serial' ? 'app' : nmRunning ? 'networkmanager' : 'modemmanager',
    };
  };

  return {
    watch(listener) {
      let started = false;
      let mmKnown = mm === null;
      let stopSerial: (() => void) | null = null;
      // The serial side probes ports only when it may use them: never while MM holds the
      // stick (two programs answering one tty steal each other's answers), so it waits for
      // MM's first look, and stops when MM takes a modem unless the user took it over.
      const serialWanted = () => mmKnown && ((fromMm === null && !handingBack) || release !== null || o.setting() === 'serial');
      const syncSerial = () => {
        if (serialWanted() && !stopSerial) {
          stopSerial = () => undefined; // a source answers at once, inside watch(): no second start
          const stop = o.serial.watch((f) => ((fromSerial = f), emit()));
          if (stopSerial) stopSerial = stop;
          else stop();
        }
        else if (!serialWanted() && stopSerial) {
          const s = stopSerial;
          stopSerial = null;
          fromSerial = null;
          s();
        }
      };
      emit = () => {
        if (!started) return;
        const setting = o.setting();
        // the setting 'serial' while MM holds the stick: ask MM to let go instead of fighting it
        if (setting === 'serial' && fromMm && mmApi && !release && !taking) taking = takeOver(true, true).catch((e: unknown) => o.log?.(`could not take the modem over from ModemManager: ${(e as Error).message}`)).finally(() => (taking = null));
        if (setting !== 'serial' && release?.bySetting && !taking) taking = takeOver(false, false).finally(() => (taking = null));
        syncSerial();
        const b = chooseBackend(setting, { modemManager: fromMm !== null, serial: fromSerial !== null, takenOver: release !== null });
        const next = b === 'modemmanager' && mm ? fromMm : fromSerial;
        if (next?.controlPort === current?.controlPort && next?.dataPort === current?.dataPort && (next === null) === (current === null) && reported) return;
        reported = true;
        current = next;
        listener(next);
      };
      let reported = false;
      const stops: Array<() => void> = [];
      if (mm)
        stops.push(
          mm.watch((f) => {
            fromMm = f;
            mmKnown = true;
            if (f) {
              handingBack?.clear();
              handingBack = null;
            }
            emit();
          }),
        );
      started = true;
      emit();
      return () => {
        stops.forEach((s) => s());
        stopSerial?.();
        stopSerial = null;
        emit = () => undefined;
      };
    },
    async rescan() {
      emit(); // a changed setting is applied here at once, whatever the rescans take
      await Promise.all([o.serial.rescan(), mm?.rescan()]);
      emit();
    },
    async ports() {
      return [...(await o.serial.ports()), ...((await mm?.ports()) ?? [])];
    },
    openChannel: (p) => of(p).openChannel(p),
    pickProfile: (ch: AtChannel) => of(ch.path).pickProfile(ch),
    ...(o.serial.setVirtualEnabled ? { setVirtualEnabled: (on: boolean) => o.serial.setVirtualEnabled!(on) } : {}),
    backend: {
      status,
      async takeOver(on) {
        await takeOver(on, false);
        return status();
      },
    },
  };
}
