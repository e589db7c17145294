// `assa diag --port <pty> --json` (CONTRACTS.md) as a user runs it, against the virtual
// modem on real pseudo-terminals (socat) for a Huawei CDMA, a ZTE CDMA and a 3GPP stick;
// exit 2 for a port that never answers, 3 for one that cannot be opened. A second block
// runs it against a scripted device (test/fixtures/bin/scripted-modem.mjs on a socat pty)
// that answers with the reference's captured strings, so every contract field is exact.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startPtyModem, type PtyModem } from '../../../hardware/virtual/pty-runner';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-diag-'));
const modems: PtyModem[] = [];
const scripted: ChildProcess[] = [];
afterAll(async () => {
  for (const m of modems) await m.close();
  for (const c of scripted) if (c.exitCode === null) c.kill();
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
      port: m.paths.modem, manufacturer: 'huawei', model: 'EC121', revision: '11.100.17.00.114', esn: '80469BB7', meid: 'A0C72311111111', imei: null, mdn: '441234567',
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
    expect(j).toMatchObject({ manufacturer: 'zte', model: 'AC2726', esn: '80469BB7', imei: null });
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

/** socat joins a pty (reachable at a symlink) to the scripted responder; resolves once the link exists. */
async function scriptedDevice(name: string): Promise<string> {
  const link = path.join(dir, `scripted-${name}`);
  const script = path.resolve('test/fixtures/scripted-modems', `${name}.json`);
  const child = spawn('socat', [`pty,raw,echo=0,link=${link}`, `EXEC:node test/fixtures/bin/scripted-modem.mjs ${script}`], { stdio: 'ignore' });
  scripted.push(child);
  const until = Date.now() + 10_000;
  while (!existsSync(link)) {
    if (Date.now() > until || child.exitCode !== null) throw new Error(`socat did not make ${link}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return link;
}

describe('M-DIAG-1 assa diag --json against scripted devices answering with the reference strings', () => {
  it('Huawei EC121 (EC-series CDMA): every contract field exact, EV-DO and 1x apart', async () => {
    const port = await scriptedDevice('huawei-ec121');
    const r = await diag(['--port', port, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      port, profile: 'huawei-cdma', manufacturer: 'huawei', model: 'EC121', revision: '11.100.17.00.114',
      esn: '12DE4FA6', meid: 'A0C72311111111', imei: null, imsi: '255040441234567', mdn: '441234567',
      hardwareVersion: 'CE62TCPUVer A', prlVersion: '10021', simState: null, channelMode: 'command', // NV stick: no R-UIM (sim_state 240)
      network: { mode: 'evdo-rel0', roaming: false, sid: 4145, nid: 7 },
      signal: { cdma1x: { rssiDbm: -71, ecioDb: null }, evdo: { rssiDbm: -75, ecioDb: null, sinrDb: null }, gsm: null },
      errors: [],
    });
    expect(j.transcript).toContainEqual({ t: expect.stringMatching(/Z$/), dir: 'rx', line: '^MDN:0441234567' });
  });

  it('ZTE AC-series CDMA: MEID:ESN pair from +GSN, repeated +GMR tag, roaming 1x, SID without NID, unknowns null', async () => {
    const port = await scriptedDevice('zte-ac2726');
    const r = await diag(['--port', port, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      port, profile: 'zte-cdma', manufacturer: 'zte', model: 'AC2726', revision: 'P671A1V1.0.0B03',
      esn: '80D9BBCA', meid: 'A1000013FB653A', imei: null, imsi: null, mdn: null,
      network: { mode: 'cdma1x', roaming: true, sid: 4145, nid: null },
      signal: { cdma1x: { rssiDbm: -89, ecioDb: null }, evdo: null, gsm: null },
    });
    // The MDN was asked for by every method, in order, before giving up (M-NUM-1).
    const tx = j.transcript.filter((t: { dir: string }) => t.dir === 'tx').map((t: { line: string }) => t.line);
    expect(tx.filter((l: string) => ['AT^MDN', 'AT+CNUM', 'AT~NAMVAL?0'].includes(l))).toEqual(['AT^MDN', 'AT+CNUM', 'AT~NAMVAL?0']);
  });

  it('ZTE MF627 (3GPP): IMEI, IMSI, +CNUM number in the national form, +ZPAS technology, roaming', async () => {
    const port = await scriptedDevice('zte-mf627');
    const r = await diag(['--port', port, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      port, profile: 'zte-3gpp', manufacturer: 'zte', model: 'MF627', revision: 'BD_3GHAP673A4V1.0.0B02',
      esn: null, meid: null, imei: '023589923858188', imsi: '255030123456789', mdn: '671234567', simState: 'ready',
      network: { mode: 'gsm', roaming: true, sid: null, nid: null },
      signal: { cdma1x: null, evdo: null, gsm: { rssiDbm: -71 } },
    });
  });

  it('exit 2 and nothing on stdout for a scripted port that never answers', async () => {
    const port = await scriptedDevice('silent');
    const r = await diag(['--port', port, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});
