import { describe, expect, it } from 'vitest';
import type { AtChannel } from '../../../hardware/at/at-channel-types';
import type { FoundModem, ModemPlatform } from './modem-platform';
import { backendOfPort, backendPlatform, chooseBackend, parseBackendSetting } from './modem-backend';

function fakeSource(tag: string): ModemPlatform & { set(f: FoundModem | null): void; opened: string[] } {
  let l: ((f: FoundModem | null) => void) | null = null;
  let cur: FoundModem | null = null;
  const opened: string[] = [];
  return {
    opened,
    set(f) {
      cur = f;
      l?.(f);
    },
    watch(listener) {
      l = listener;
      listener(cur);
      return () => (l = null);
    },
    rescan: async () => undefined,
    ports: async () => [],
    openChannel: async (p) => (opened.push(`${tag}:${p}`), { path: p } as AtChannel),
    pickProfile: async () => ({ id: tag }) as never,
  };
}

describe('modem backend choice (issue 16)', () => {
  it('auto = ModemManager when it holds a modem, else serial; a fixed setting wins', () => {
    expect(chooseBackend('auto', { modemManager: true, serial: true })).toBe('modemmanager');
    expect(chooseBackend('auto', { modemManager: false, serial: true })).toBe('serial');
    expect(chooseBackend('serial', { modemManager: true, serial: false })).toBe('serial');
    expect(chooseBackend('modemmanager', { modemManager: false, serial: true })).toBe('modemmanager');
    expect(parseBackendSetting('modemmanager')).toBe('modemmanager');
    expect(parseBackendSetting(undefined)).toBe('auto');
    expect(parseBackendSetting('bogus')).toBe('auto');
    expect(backendOfPort('mm:/org/freedesktop/ModemManager1/Modem/0')).toBe('modemmanager');
    expect(backendOfPort('/dev/ttyUSB2')).toBe('serial');
    expect(backendOfPort(null)).toBeNull();
  });

  it('switches when ModemManager takes or lets go of the modem, and routes channels to the side that owns the port', async () => {
    const serial = fakeSource('serial');
    const mm = fakeSource('mm');
    let setting: 'auto' | 'serial' | 'modemmanager' = 'auto';
    const seen: Array<string | null> = [];
    const p = backendPlatform({ setting: () => setting, serial, modemManager: mm });
    serial.set({ controlPort: '/dev/ttyUSB2', dataPort: '/dev/ttyUSB0', virtual: false });
    p.watch((f) => seen.push(f?.controlPort ?? null));
    mm.set({ controlPort: 'mm:/org/freedesktop/ModemManager1/Modem/0', dataPort: null, virtual: false });
    mm.set(null);
    setting = 'modemmanager';
    serial.set({ controlPort: '/dev/ttyUSB2', dataPort: '/dev/ttyUSB0', virtual: false });
    expect(seen).toEqual(['/dev/ttyUSB2', 'mm:/org/freedesktop/ModemManager1/Modem/0', '/dev/ttyUSB2', null]);
    await p.openChannel('mm:/org/freedesktop/ModemManager1/Modem/0');
    await p.openChannel('/dev/ttyUSB2');
    expect([...mm.opened, ...serial.opened]).toEqual(['mm:mm:/org/freedesktop/ModemManager1/Modem/0', 'serial:/dev/ttyUSB2']);
    expect(((await p.pickProfile({ path: 'mm:/x' } as AtChannel)) as { id: string }).id).toBe('mm');
  });
});
