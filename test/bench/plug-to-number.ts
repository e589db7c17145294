// One "plug to number" measurement for the benches: the stick's ports appear to the app's
// modem service (polled every 50 ms, as a desktop's port listing) → "ready" with the number:
// listing, parallel probing, opening the channel, profile, identity, number. In milliseconds.
import { openAtChannel } from '../../hardware/at/at-channel';
import { pickProfile } from '../../hardware/modems/pick-profile';
import type { SerialOpener } from '../../hardware/serial/serial-link';
import { systemClock } from '../../src/app/clock';
import { EventBus } from '../../src/app/event-bus';
import { hybridPlatform } from '../../src/app/modem/hybrid-platform';
import { ModemService } from '../../src/app/modem/modem-service';
import { usbModemSource } from '../../src/app/modem/usb-modem-source';

export interface StickPorts {
  paths: string[];
  vendorId: string;
  productId: string;
  manufacturer: string;
  product: string | null;
  knownAs: string | null;
}

export async function plugToNumberMs(stick: StickPorts, opener: SerialOpener): Promise<number> {
  let plugged = false;
  const ports = stick.paths.map((p, i) => ({ path: p, vendorId: stick.vendorId, productId: stick.productId, manufacturer: stick.manufacturer, product: stick.product, serialNumber: null, interfaceNumber: i, usbDevice: 'usb1-2', knownAs: stick.knownAs }));
  const platform = hybridPlatform({
    physical: usbModemSource({ opener, list: () => (plugged ? ports : []), intervalMs: 50 }),
    virtual: null,
    virtualEnabled: false,
    portOverride: () => null,
    openChannel: async (p) => openAtChannel(await opener.open(p)),
    pickProfile,
  });
  const bus = new EventBus();
  const svc = new ModemService({ platform, bus, clock: systemClock });
  svc.start();
  await new Promise((r) => setTimeout(r, 120)); // the service's first (empty) look
  const t0 = performance.now();
  plugged = true;
  const ms = await new Promise<number>((resolve) =>
    bus.subscribe((e) => {
      if (e.type === 'modem.state' && e.state.status === 'ready' && e.state.number) resolve(performance.now() - t0);
    }),
  );
  await svc.stop();
  return ms;
}
