import { describe, expect, it } from 'vitest';
import type { FoundModem } from './modem-platform';
import { hybridPlatform, type ModemSource } from './hybrid-platform';

/** A source the test moves by hand (it stands for the hot-plug watcher and the virtual modem). */
function source(initial: FoundModem | null): ModemSource & { set(f: FoundModem | null): void } {
  let l: ((f: FoundModem | null) => void) | null = null;
  let cur = initial;
  return {
    watch(fn) {
      l = fn;
      fn(cur);
      return () => (l = null);
    },
    rescan: async () => undefined,
    set(f) {
      cur = f;
      l?.(f);
    },
  };
}

const stick: FoundModem = { controlPort: '/dev/ttyUSB2', dataPort: '/dev/ttyUSB0', virtual: false };
const virt: FoundModem = { controlPort: '/tmp/assa-vm-ctl', dataPort: '/tmp/assa-vm-data', virtual: true };
const never = async () => {
  throw new Error('not opened in this test');
};

function make(opts: { pinned?: string | null; virtualEnabled?: boolean } = {}) {
  const physical = source(null);
  const virtual = source(virt);
  let pinned = opts.pinned ?? null;
  const p = hybridPlatform({ physical, virtual, virtualEnabled: opts.virtualEnabled ?? true, portOverride: () => pinned, openChannel: never, pickProfile: never });
  const seen: Array<FoundModem | null> = [];
  p.watch((f) => seen.push(f));
  return { p, physical, seen, pin: (x: string | null) => (pinned = x) };
}

describe('V-6 / M-PORT-3 choosing the modem', () => {
  it('uses the virtual modem while no stick is attached, and the stick as soon as it appears', () => {
    const { physical, seen } = make();
    physical.set(stick);
    physical.set(null);
    expect(seen).toEqual([virt, stick, virt]);
  });

  it('reports nothing when the virtual modem is switched off, and only changes', () => {
    const { p, physical, seen } = make({ virtualEnabled: false });
    physical.set(null);
    p.setVirtualEnabled?.(true);
    p.setVirtualEnabled?.(true);
    expect(seen).toEqual([null, virt]);
  });

  it('a pinned port wins over discovery (Settings → port override)', async () => {
    const { p, seen, pin } = make();
    pin('/dev/ttyACM0');
    await p.rescan();
    expect(seen.at(-1)).toEqual({ controlPort: '/dev/ttyACM0', dataPort: null, virtual: false });
  });
});
