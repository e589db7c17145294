// M-SIG-1 in the app, "QCDM where present" (issue 15): a CDMA stick whose AT side gives no
// 1x Ec/Io (the ZTE AC profile's +ECIO? is refused) gets it from the pilot sets on its
// diagnostics port at the next signal poll; a diagnostics port that never answers is asked
// once for that modem and then left alone, like a refused AT command. The real modem
// service, AT channel and QCDM framing, on the virtual stick's ptys.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAtChannel } from '../../../hardware/at/at-channel';
import { pickProfile } from '../../../hardware/modems/pick-profile';
import { readEcioOverQcdm } from '../../../hardware/qcdm/qcdm-port';
import { serialportOpener } from '../../../hardware/serial/serialport-link';
import { startPtyModem, type PtyModem } from '../../../hardware/virtual/pty-runner';
import { systemClock } from '../../../src/app/clock';
import { EventBus } from '../../../src/app/event-bus';
import type { FoundModem, ModemPlatform } from '../../../src/app/modem/modem-platform';
import { ModemService } from '../../../src/app/modem/modem-service';

const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-diag-ecio-'));
const stops: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const s of stops.reverse()) await s().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

/** The stick as the app's platform sees it: its control port, and a diagnostics port read with the real QCDM code. */
function platformFor(sim: PtyModem, diagPath: string, asked: { n: number }): ModemPlatform {
  const found: FoundModem = { controlPort: sim.paths.pcui!, dataPort: sim.paths.modem, virtual: false };
  return {
    watch(l) {
      l(found);
      return () => undefined;
    },
    rescan: async () => undefined,
    ports: async () => [],
    openChannel: async (p) => openAtChannel(await serialportOpener.open(p)),
    pickProfile,
    async readDiagEcio() {
      asked.n++;
      const r = await readEcioOverQcdm(serialportOpener, diagPath, 800);
      return r.ok ? r.ecioDb : null;
    },
  };
}

async function serviceOn(sim: PtyModem, diagPath: string, asked: { n: number }): Promise<ModemService> {
  const svc = new ModemService({ platform: platformFor(sim, diagPath, asked), bus: new EventBus(), clock: systemClock, pollMs: 400 });
  stops.push(() => svc.stop());
  await svc.start();
  await expect.poll(() => svc.getState().status, { timeout: 30_000 }).toBe('ready');
  return svc;
}

describe('the 1x Ec/Io from the diagnostics port when AT gives none', () => {
  it('zte-ac: filled from the pilot sets at the first poll after ready', async () => {
    const sim = await startPtyModem({ link: path.join(dir, 'zte'), profile: 'zte-ac', multiPort: true, radioStepMs: 0 });
    stops.push(() => sim.close());
    const asked = { n: 0 };
    const svc = await serviceOn(sim, sim.paths.diag!, asked);
    const rssi = sim.modem.radio.state.rssiDbm;
    await expect.poll(() => svc.getDetails()?.signal?.cdma1x?.ecioDb ?? null, { timeout: 15_000 }).toBe(-0.5 * Math.max(2, Math.min(63, Math.round((-rssi - 60) / 2))));
    expect(svc.getDetails()!.signal!.cdma1x!.rssiDbm).toBe(rssi);
  }, 60_000);

  it('a diagnostics port that never answers: asked once for the modem, then never again', async () => {
    const sim = await startPtyModem({ link: path.join(dir, 'zte-silent'), profile: 'zte-ac', multiPort: true, radioStepMs: 0 });
    stops.push(() => sim.close());
    const asked = { n: 0 };
    const svc = await serviceOn(sim, sim.paths.silent!, asked);
    await expect.poll(() => asked.n, { timeout: 15_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 2500)); // several more polls
    expect(asked.n).toBe(1);
    expect(svc.getDetails()?.signal?.cdma1x?.ecioDb ?? null).toBeNull();
    expect(svc.getState().status).toBe('ready');
  }, 60_000);
});
