// M-PORT-3 with Settings → Modem port set (issue 15): the app's modem service, with the
// real hybrid platform, serial layer and AT channel, pinned to a pty at a fixed path. The
// "stick" (a device table played by socat) is pulled out (socat killed: the pty and its
// link vanish, as a USB tty does) and put back 14 times; each time the service must come
// back to "ready" with the stick's identity, and once more after modem.rescan.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAtChannel } from '../../../hardware/at/at-channel';
import { pickProfile } from '../../../hardware/modems/pick-profile';
import { serialportOpener } from '../../../hardware/serial/serialport-link';
import { systemClock } from '../../../src/app/clock';
import { EventBus } from '../../../src/app/event-bus';
import { hybridPlatform } from '../../../src/app/modem/hybrid-platform';
import { ModemService } from '../../../src/app/modem/modem-service';
import { usbModemSource } from '../../../src/app/modem/usb-modem-source';
import type { ModemState } from '../../../src/shared/app-contract';
import { playTable, type PlayedDevice } from '../../support/table-device';

const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-pinned-'));
const link = path.join(dir, 'ttyPinned');
let device: PlayedDevice | null = null;
let service: ModemService | null = null;
afterAll(async () => {
  await service?.stop();
  device?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function until(svc: ModemService, ok: (s: ModemState) => boolean, what: string, ms = 30_000): Promise<ModemState> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const tick = setInterval(() => {
      const s = svc.getState();
      if (ok(s)) {
        clearInterval(tick);
        resolve(s);
      } else if (Date.now() - t0 > ms) {
        clearInterval(tick);
        reject(new Error(`${what}: still ${s.status} after ${ms} ms`));
      }
    }, 50);
  });
}

async function unplug(): Promise<void> {
  device?.stop();
  device = null;
  await until(service!, (s) => s.status === 'no-modem' || s.status === 'error', 'unplug seen');
}

describe('a pinned modem port is found again after every unplug', () => {
  it('14 replugs, then one more found by modem.rescan', { timeout: 600_000 }, async () => {
    device = await playTable('huawei-ec121', link);
    const platform = hybridPlatform({
      physical: usbModemSource({ opener: serialportOpener, list: () => [] }), // no sticks in sysfs: only the pinned port
      virtual: null,
      virtualEnabled: false,
      portOverride: () => link,
      openChannel: async (p) => openAtChannel(await serialportOpener.open(p), { defaultTimeoutMs: 3000 }),
      pickProfile,
    });
    service = new ModemService({ platform, bus: new EventBus(), clock: systemClock });
    service.start();
    const ready = (s: ModemState) => s.status === 'ready' && s.model === 'EC121';
    expect(await until(service, ready, 'first plug')).toMatchObject({ port: link, manufacturer: 'huawei', model: 'EC121' });
    let found = 0;
    for (let i = 0; i < 14; i++) {
      await unplug();
      device = await playTable('huawei-ec121', link);
      await until(service, ready, `replug ${i + 1}`);
      found++;
    }
    expect(found).toBe(14);
    expect(service.getDetails()?.identity).toMatchObject({ esn: '12DE4FA6', meid: 'A0C72311111111' });
    // modem.rescan finds it at once, without waiting for the next look.
    await unplug();
    device = await playTable('huawei-ec121', link);
    await service.rescan();
    await until(service, ready, 'after modem.rescan', 10_000);
  });
});
