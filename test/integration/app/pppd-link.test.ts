// D-DIAL-1 up to the pppd process boundary: a stand-in pppd on PATH (test/fixtures/bin)
// replays recorded pppd output; the app's options, chat script, phases, interface, local
// IP and every failure's reason are checked. (No /dev/ppp here, so real pppd cannot run.)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPppd } from '../../../src/app/connection/pppd-link';
import type { PppdLogEvent } from '../../../src/app/connection/pppd-log';
import { INTERTELECOM_CDMA } from '../../../src/shared/dial-profile';

const fakePppd = path.resolve('test/fixtures/bin/pppd');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function run(scenario: string, pppdPath = fakePppd) {
  const capture = mkdtempSync(path.join(os.tmpdir(), 'assa-pppd-capture-'));
  dirs.push(capture);
  process.env.FAKE_PPPD_SCRIPT = path.resolve(`test/fixtures/pppd/${scenario}.log`);
  process.env.FAKE_PPPD_CAPTURE = capture;
  const events: PppdLogEvent[] = [];
  const link = startPppd({ dataPort: '/dev/ttyUSB0', profile: INTERTELECOM_CDMA, pppdPath, onEvent: (e) => events.push(e) });
  return { link, events, capture };
}

describe('D-DIAL-1 pppd link', () => {
  it('comes up with the interface, local IP and DNS, and ends cleanly on stop', async () => {
    const { link, events, capture } = run('success-chap');
    const up = await link.up;
    expect(up).toEqual({ iface: 'ppp0', localIp: '10.71.12.34', remoteIp: '10.64.64.64', dns: ['193.41.60.1', '193.41.60.2'] });
    expect(events.filter((e) => e.kind === 'phase').map((e) => (e as { phase: string }).phase)).toEqual(['connected-serial', 'negotiating', 'authenticating', 'authenticated']);
    const options = readFileSync(path.join(capture, 'options'), 'utf8');
    expect(options).toMatch(/^\/dev\/ttyUSB0\n/);
    expect(options).toContain('password "IT"');
    expect(readFileSync(path.join(capture, 'chat'), 'utf8')).toContain("OK 'ATD#777'");
    await link.stop();
    expect(await link.ended).toEqual({ code: null, exitCode: 5 });
  });

  const failures: Array<[string, string]> = [
    ['auth-failed-pap', 'ppp_auth_refused'],
    ['no-carrier', 'no_carrier'],
    ['busy', 'busy'],
    ['permission-denied', 'port_permission'],
    ['no-kernel-ppp', 'no_kernel_ppp'],
    ['port-locked', 'port_busy'],
  ];
  for (const [scenario, code] of failures) {
    it(`fails "${scenario}" with its own reason: ${code}`, async () => {
      const { link } = run(scenario);
      await expect(link.up).rejects.toMatchObject({ code });
      expect((await link.ended).code).toBe(code);
    });
  }

  it('reports a drop after the link was up (no echo replies)', async () => {
    const { link } = run('dropped-after-up');
    expect((await link.up).iface).toBe('ppp1');
    expect((await link.ended).code).toBe('peer_not_responding');
  });

  it('says pppd is missing when it is not installed', async () => {
    const { link } = run('success-chap', '/nonexistent/pppd');
    await expect(link.up).rejects.toMatchObject({ code: 'pppd_missing', message: expect.stringContaining('apt install ppp') });
  });

  it('refuses a dial profile that would inject into the options file, before running anything', async () => {
    const link = startPppd({ dataPort: '/dev/ttyUSB0', profile: { ...INTERTELECOM_CDMA, user: 'IT"\nconnect "/bin/sh' }, pppdPath: fakePppd });
    await expect(link.up).rejects.toMatchObject({ code: 'invalid_dial_profile', field: 'user' });
  });
});
