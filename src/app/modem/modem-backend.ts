// Which backend drives the modem (issue 16): direct serial (the app opens /dev/ttyUSB*) or
// ModemManager (the app is an MM client). Setting `modemBackend`: 'serial', 'modemmanager', or
// 'auto' (default) = ModemManager whenever it runs and holds a modem, else serial — so the app
// and MM never fight for a port. The choice is made again whenever either side's view changes.
import type { AtChannel } from '../../../hardware/at/at-channel-types';
import type { FoundModem, ModemPlatform } from './modem-platform';
import { MM_PORT_PREFIX } from './mm-platform';

export type ModemBackendSetting = 'auto' | 'serial' | 'modemmanager';
export type ModemBackend = 'serial' | 'modemmanager';

export function parseBackendSetting(v: unknown): ModemBackendSetting {
  return v === 'serial' || v === 'modemmanager' ? v : 'auto';
}

/** The backend to use given the setting and what each side sees now. */
export function chooseBackend(setting: ModemBackendSetting, seen: { modemManager: boolean; serial: boolean }): ModemBackend {
  if (setting !== 'auto') return setting;
  return seen.modemManager ? 'modemmanager' : 'serial';
}

/** The backend a control port belongs to (the diagnostics page shows it). */
export function backendOfPort(port: string | null): ModemBackend | null {
  if (!port) return null;
  return port.startsWith(MM_PORT_PREFIX) ? 'modemmanager' : 'serial';
}

export function backendPlatform(o: { setting: () => ModemBackendSetting; serial: ModemPlatform; modemManager: ModemPlatform | null }): ModemPlatform {
  const mm = o.modemManager;
  const of = (p: string) => (p.startsWith(MM_PORT_PREFIX) && mm ? mm : o.serial);
  return {
    watch(listener) {
      let fromMm: FoundModem | null = null;
      let fromSerial: FoundModem | null = null;
      let started = false;
      const emit = () => {
        if (!started) return;
        const b = chooseBackend(o.setting(), { modemManager: fromMm !== null, serial: fromSerial !== null });
        listener(b === 'modemmanager' && mm ? fromMm : fromSerial);
      };
      const stops = [o.serial.watch((f) => ((fromSerial = f), emit()))];
      if (mm) stops.push(mm.watch((f) => ((fromMm = f), emit())));
      started = true;
      emit();
      return () => stops.forEach((s) => s());
    },
    async rescan() {
      await Promise.all([o.serial.rescan(), mm?.rescan()]);
    },
    async ports() {
      return [...(await o.serial.ports()), ...((await mm?.ports()) ?? [])];
    },
    openChannel: (p) => of(p).openChannel(p),
    pickProfile: (ch: AtChannel) => of(ch.path).pickProfile(ch),
    ...(o.serial.setVirtualEnabled ? { setVirtualEnabled: (on: boolean) => o.serial.setVirtualEnabled!(on) } : {}),
  };
}
