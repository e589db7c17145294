// `assa diag --port <pty> --json` (CONTRACTS.md) as a user runs it, against the virtual
// modem on real pseudo-terminals (socat) for a Huawei CDMA, a ZTE CDMA and a 3GPP stick;
// exit 2 for a port that never answers, 3 for one that cannot be opened.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startPtyModem, type PtyModem } from '../../../hardware/virtual/pty-runner';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-diag-'));
const modems: PtyModem[] = [];
afterAll(async () => {
  for (const m of modems) await m.close();
  rmSync(dir, { recursive: true, force: true });
});

async function diag(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['bin/assa.js', 'diag', ...args], { timeout: 60_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

async function sim(profile: 'huawei-ec' | 'zte-ac' | 'generic-3gpp', multiPort = false) {
  const m = await startPtyModem({ profile, link: path.join(dir, `tty-${profile}${multiPort ? '-m' : ''}`), multiPort, radioStepMs: 0, seed: 3 });
  modems.push(m);
  return m;
}

describe('M-DIAG-1 assa diag --json over a pty', () => {
  it('Huawei EC-series CDMA: every contract field', async () => {
    const m = await sim('huawei-ec');
    const r = await diag(['--port', m.paths.modem, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      port: m.paths.modem, manufacturer: 'huawei', model: 'EC121', revision: '11.100.17.00.114', esn: '12DE4FA6', meid: 'A0C72311111111', imei: null, mdn: '441234567',
      network: { roaming: false, sid: 2162 },
    });
    expect(j.imsi).toMatch(/^\d{15}$/);
    expect(['cdma1x', 'evdo-rel0', 'evdo-reva', 'evdo-revb']).toContain(j.network.mode);
    expect(j.signal.cdma1x.rssiDbm).toBeLessThan(-40);
    expect(j.signal.gsm).toBeNull();
    expect(j.transcript.some((t: { dir: string; line: string }) => t.dir === 'tx' && t.line === 'ATI')).toBe(true);
    expect(Date.parse(j.transcript[0].t)).not.toBeNaN();
  });

  it('ZTE AC-series CDMA: the 0x ESN upper-cased, no MDN (null, not guessed)', async () => {
    const m = await sim('zte-ac');
    const r = await diag(['--port', m.paths.modem, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ manufacturer: 'zte', model: 'AC2726', esn: '12DE4FA6', imei: null });
    expect(j.mdn === null || j.mdn === '441234567').toBe(true);
  });

  it('3GPP stick: IMEI and IMSI, no ESN/MEID', async () => {
    const m = await sim('generic-3gpp');
    const r = await diag(['--port', m.paths.modem, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ manufacturer: 'huawei', model: 'E1550', esn: null, meid: null, imei: '353490069873985' });
    expect(j.signal.gsm.rssiDbm).toBeLessThan(-40);
    expect(j.signal.cdma1x).toBeNull();
  });

  it('prints a report for a person without --json', async () => {
    const m = await sim('huawei-ec');
    const r = await diag(['--port', m.paths.modem]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Model           EC121');
    expect(r.stdout).toContain('Number (MDN)    441234567');
  });

  it('exit 2 when the port never answers AT (the silent port of a multi-port stick)', async () => {
    const m = await sim('huawei-ec', true);
    const r = await diag(['--port', m.paths.silent!, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no answer');
  });

  it('exit 3 with the reason when the port cannot be opened', async () => {
    const r = await diag(['--port', path.join(dir, 'no-such-tty'), '--json']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/does not exist/);
  });
});
