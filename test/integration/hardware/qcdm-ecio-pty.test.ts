// M-SIG-1, "QCDM where present": the 1x Ec/Io from the pilot sets on a CDMA stick's
// diagnostics port, read on a real pty from the virtual EC-series stick's QCDM port (framed
// and CRC-checked as libqcdm does; its pilot sets answer follows the simulated 1x signal).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEcioOverQcdm } from '../../../hardware/qcdm/qcdm-port';
import { serialportOpener } from '../../../hardware/serial/serialport-link';
import { startPtyModem } from '../../../hardware/virtual/pty-runner';

const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-qcdm-ecio-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the pilot sets over the diagnostics port', () => {
  it.each(['huawei-ec', 'zte-ac'] as const)('%s: the active pilot\'s Ec/Io in -0.5 dB steps, as the stick reports it', async (profile) => {
    const sim = await startPtyModem({ link: path.join(dir, profile), profile, multiPort: true, radioStepMs: 0 });
    try {
      const rssi = sim.modem.radio.state.rssiDbm;
      const r = await readEcioOverQcdm(serialportOpener, sim.paths.diag!, 5000);
      expect(r).toEqual({ ok: true, ecioDb: -0.5 * Math.max(2, Math.min(63, Math.round((-rssi - 60) / 2))), pnOffset: 36 });
    } finally {
      await sim.close();
    }
  });

  it('a port that takes bytes and never answers: qcdm_silent, not a hang', async () => {
    const sim = await startPtyModem({ link: path.join(dir, 'silent'), profile: 'huawei-ec', multiPort: true, radioStepMs: 0 });
    try {
      expect(await readEcioOverQcdm(serialportOpener, sim.paths.silent!, 300)).toMatchObject({ ok: false, code: 'qcdm_silent' });
    } finally {
      await sim.close();
    }
  });
});
