// Issue 16 bench, the app against its peer on the same 4-port stick (modem, diagnostics, PCUI,
// a silent port; `assa sim --multi-port`, 4 ms answer latency, over ptys):
// - app.plug_to_number_4port_ms: the ports appear → the app's modem service is "ready" with the
//   number (listing, parallel probing incl. the silent port's budget, channel, profile, number);
//   median of 5;
// - peer.mm_registered_s: ModemManager 1.20 given the same ports as kernel events → "registered"
//   (its probing, the huawei plugin, enabling as NetworkManager would ask at once); one run, only
//   where MM can run (root, unshare: see test/support/modemmanager.ts).
import { serialportOpener } from '../../hardware/serial/serialport-link';
import { HUAWEI_EC_STICK, modemManagerUnavailable, startMmSandbox } from '../support/modemmanager';
import { startSim } from '../integration/virtual/sim-process';
import { plugToNumberMs } from './plug-to-number';
import type { Figures } from './run';

const appOnce = (links: string[]) => plugToNumberMs({ paths: links, vendorId: '12d1', productId: '1411', manufacturer: 'HUAWEI Technology', product: 'HUAWEI Mobile', knownAs: null }, serialportOpener);

export async function run(): Promise<Figures> {
  const keep = setInterval(() => undefined, 1000);
  const sim = await startSim(['--multi-port']);
  const links = [sim.link, `${sim.link}-diag`, `${sim.link}-pcui`, `${sim.link}-silent`];
  const figures: Figures = {};
  try {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) times.push(await appOnce(links));
    times.sort((a, b) => a - b);
    figures['app.plug_to_number_4port_ms'] = { value: times[2]!, unit: 'ms, median of 5 (4 ports, one silent; 4 ms AT latency; ptys)' };
    const why = modemManagerUnavailable();
    if (why) console.warn(`  peer.mm_registered_s skipped: ${why}`);
    else {
      const box = await startMmSandbox(HUAWEI_EC_STICK, links);
      try {
        const t0 = performance.now();
        await box.startModemManager();
        await box.waitForModem((m) => m['modem.generic.state'] === 'disabled', 120_000);
        await box.mmcli(['-m', 'any', '-e'], 60_000);
        await box.waitForModem((m) => m['modem.generic.state'] === 'registered', 60_000);
        figures['peer.mm_registered_s'] = { value: (performance.now() - t0) / 1000, unit: 's, kernel events → registered (ModemManager 1.20, same 4 ports), one run' };
      } finally {
        await box.close();
      }
    }
  } finally {
    await sim.stop();
    clearInterval(keep);
  }
  return figures;
}
