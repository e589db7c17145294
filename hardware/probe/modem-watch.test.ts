import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessMultiPortModem, type MultiPortModem } from '../virtual/in-process';
import { watchModems, type ModemWatch, type WatchedModem } from './modem-watch';
import type { ListedPort } from './sysfs-port-lister';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** The virtual stick's ports as a lister would show them while it is plugged in. */
function listing(dev: MultiPortModem): () => ListedPort[] {
  const ports = [dev.paths.modem, dev.paths.diag, dev.paths.pcui].map((p, i) => ({
    path: p, vendorId: '12d1', productId: '140b', manufacturer: 'HUAWEI', product: 'HUAWEI Mobile', serialNumber: null, interfaceNumber: i, usbDevice: '/sys/devices/virtual-usb/1-1', knownAs: 'Huawei EC1260 modem',
  }));
  return () => (dev.modem.unplugged ? [] : ports);
}

async function until<T>(get: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('M-PORT-3 hot-plug watch', () => {
  it('finds the stick, notices the unplug within 2 s and finds it again on re-plug', async () => {
    const dev = createInProcessMultiPortModem({ radioStepMs: 0 });
    cleanups.push(() => dev.controller.close());
    const seen: Array<{ at: number; m: WatchedModem | null }> = [];
    const watch: ModemWatch = watchModems({ list: listing(dev), opener: dev.opener, intervalMs: 200, budgetMs: 500 }, (m) => seen.push({ at: Date.now(), m }));
    cleanups.push(() => watch.stop());
    const first = await until(() => seen.find((s) => s.m)?.m ?? undefined);
    expect(first).toMatchObject({ controlPort: dev.paths.pcui, dataPort: dev.paths.modem });
    const pulledAt = Date.now();
    dev.controller.unplug();
    const gone = await until(() => seen.find((s) => s.m === null && s.at >= pulledAt));
    expect(gone.at - pulledAt).toBeLessThan(2000);
    dev.controller.replug();
    await until(() => (seen.at(-1)?.m ? seen.at(-1) : undefined));
    expect(seen.map((s) => (s.m ? 'found' : 'gone'))).toEqual(['found', 'gone', 'found']);
  });
});
