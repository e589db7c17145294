// Issue 7 bench app.plug_to_number_ms: the virtual EC-series stick (3 ports, every AT
// answer held back 2 ms) appears → the app's modem service is "ready" with the number:
// port listing, parallel probing, opening the channel, profile, identity, number. Median of 20.
import { createInProcessMultiPortModem } from '../../hardware/virtual/in-process';
import { plugToNumberMs } from './plug-to-number';
import type { Figures } from './run';

async function once(): Promise<number> {
  const dev = createInProcessMultiPortModem({ radioStepMs: 0 });
  dev.controller.slow(2);
  const ms = await plugToNumberMs({ paths: [dev.paths.modem, dev.paths.diag, dev.paths.pcui], vendorId: '12d1', productId: '140b', manufacturer: 'HUAWEI', product: null, knownAs: 'Huawei EC1260 modem' }, dev.opener);
  await dev.controller.close();
  return ms;
}

export async function run(): Promise<Figures> {
  const times: number[] = [];
  // The app's timers are unref'd (they never hold a quitting app open); hold this process.
  const keep = setInterval(() => undefined, 1000);
  for (let i = 0; i < 20; i++) times.push(await once());
  clearInterval(keep);
  times.sort((a, b) => a - b);
  return { 'app.plug_to_number_ms': { value: times[10]!, unit: 'ms, median of 20 (3 ports, 2 ms AT latency, 50 ms port polling)' } };
}
