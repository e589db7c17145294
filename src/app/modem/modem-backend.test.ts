import { describe, expect, it, vi } from 'vitest';
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

  it('the serial side does not probe ports while ModemManager holds the stick (they would steal each other\'s answers)', () => {
    const serial = fakeSource('serial');
    let watching = 0;
    const counted: ModemPlatform = { ...serial, watch: (l) => (watching++, serial.watch(l)) };
    const mm = fakeSource('mm');
    const p = backendPlatform({ setting: () => 'auto', serial: counted, modemManager: mm });
    mm.set({ controlPort: 'mm:/m/0', dataPort: null, virtual: false });
    p.watch(() => undefined);
    expect(watching).toBe(0);
    mm.set(null);
    expect(watching).toBe(1);
  });

  it('the setting "serial" while ModemManager holds the stick asks MM to let go; "auto" again gives it back', async () => {
    const serial = fakeSource('serial');
    const mm = fakeSource('mm');
    const calls: string[] = [];
    const mmApi = Object.assign(mm, {
      takeOver: async () => (calls.push('inhibit'), mm.set(null), { device: '/sys/devices/usb1/1-2', release: async () => void calls.push('uninhibit') }),
      running: async () => true,
      commandAllowed: async () => false,
      modemPath: async () => null,
      connect: async () => ({}) as never,
      disconnect: async () => undefined,
    });
    let setting: 'auto' | 'serial' = 'serial';
    const p = backendPlatform({ setting: () => setting, serial, modemManager: mmApi });
    mm.set({ controlPort: 'mm:/m/0', dataPort: null, virtual: false });
    const seen: Array<string | null> = [];
    p.watch((f) => seen.push(f?.controlPort ?? null));
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual(['inhibit']);
    expect((await p.backend.status())).toMatchObject({ setting: 'serial', takenOver: true, takenOverDevice: '/sys/devices/usb1/1-2' });
    setting = 'auto';
    await p.rescan();
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual(['inhibit', 'uninhibit']);
    expect((await p.backend.status()).takenOver).toBe(false);
  });

  it('given back, the ports are MM\'s for 60 s (HAND_BACK_MS) (its probing) unless it reports the modem sooner', async () => {
    vi.useFakeTimers();
    try {
      const serial = fakeSource('serial');
      let watching = 0;
      const counted: ModemPlatform = { ...serial, watch: (l) => (watching++, serial.watch(l)) };
      const mm = fakeSource('mm');
      const mmApi = Object.assign(mm, {
        takeOver: async () => (mm.set(null), { device: 'd', release: async () => undefined }),
        running: async () => true,
        commandAllowed: async () => false,
        modemPath: async () => null,
        connect: async () => ({}) as never,
        disconnect: async () => undefined,
      });
      const p = backendPlatform({ setting: () => 'auto', serial: counted, modemManager: mmApi });
      mm.set({ controlPort: 'mm:/m/0', dataPort: null, virtual: false });
      p.watch(() => undefined);
      await p.backend.takeOver(true);
      expect(watching).toBe(1);
      await p.backend.takeOver(false);
      mm.set(null); // still probing
      expect(watching).toBe(1);
      await vi.advanceTimersByTimeAsync(59_999); // HAND_BACK_MS is 60 s
      expect(watching).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(watching).toBe(2); // MM did not take it: the app may use the ports
    } finally {
      vi.useRealTimers();
    }
  });
});
