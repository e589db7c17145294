// The virtual modem on a pty after a 2772 feature-code call (ATD*2772*XXXXXX;, A-RUNA-1).
// On the 3GPP and ZTE profiles the call's end is a bare "NO CARRIER". It used to be sent
// before the dial's own OK whenever the network's reply was in at once (no ASSA endpoint,
// or a fast one): the host read NO CARRIER as the ATD's answer and the OK as the next
// command's, and the modem seemed to stop answering. Checked byte by byte with the raw
// client, then through the app's AT channel, which must also keep a call's late NO
// CARRIER from ending whatever command is in flight.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAtChannel } from '../../../hardware/at/at-channel';
import type { UnsolicitedReport } from '../../../hardware/at/at-channel-types';
import { serialportOpener } from '../../../hardware/serial/serialport-link';
import { startPtyModem } from '../../../hardware/virtual/pty-runner';
import { RawAtClient } from '../../../hardware/virtual/raw-client';

const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-2772-dial-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(['generic-3gpp', 'zte-ac'] as const)('%s: ATD*2772*XXXXXX; on a pty', (profile) => {
  it('answers OK first, then ends the call with NO CARRIER, and answers the next commands', async () => {
    const sim = await startPtyModem({ link: path.join(dir, `raw-${profile}`), profile, radioStepMs: 0 });
    const link = await serialportOpener.open(sim.paths.modem);
    const raw = new RawAtClient(link, 10_000);
    try {
      await raw.cmd('ATE0');
      await link.write('ATD*2772*123456;\r');
      const dialled = await raw.until((s) => /OK\r\n[\s\S]*NO CARRIER\r\n$/.test(s) || /NO CARRIER\r\n[\s\S]*OK\r\n$/.test(s), 10_000);
      expect(dialled.indexOf('OK')).toBeGreaterThanOrEqual(0);
      expect(dialled.indexOf('OK')).toBeLessThan(dialled.indexOf('NO CARRIER'));
      expect(await raw.cmd('AT')).toBe('\r\nOK\r\n');
      expect(await raw.cmd('AT+CSQ')).toMatch(/^\r\n\+CSQ: \d+,99\r\n\r\nOK\r\n$/);
    } finally {
      await link.close();
      await sim.close();
    }
  });

  it("through the app's AT channel: every command after the call gets its own answer, the call's end comes as a report", async () => {
    const sim = await startPtyModem({ link: path.join(dir, `ch-${profile}`), profile, radioStepMs: 0 });
    const ch = await openAtChannel(await serialportOpener.open(sim.paths.modem), { defaultTimeoutMs: 5000 });
    const reports: UnsolicitedReport[] = [];
    ch.onUnsolicited('*', (r) => reports.push(r));
    try {
      expect((await ch.send('ATD*2772*123456;')).final.kind).toBe('ok');
      for (let i = 0; i < 6; i++) {
        const r = await ch.send('AT+CSQ');
        expect(r.final.kind).toBe('ok');
        expect(r.lines).toEqual([expect.stringMatching(/^\+CSQ: \d+,99$/)]);
      }
      for (let i = 0; i < 100 && !reports.some((r) => r.line === 'NO CARRIER'); i++) await new Promise((r) => setTimeout(r, 50));
      expect(reports.filter((r) => r.line === 'NO CARRIER')).toHaveLength(1);
      expect(ch.transcript().filter((e) => e.dir === 'rx' && e.line === 'NO CARRIER')).toHaveLength(1);
    } finally {
      await ch.close();
      await sim.close();
    }
  });
});
