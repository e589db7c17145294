// The app's AT channel (M-AT-1) against the virtual modem (V-1..V-5), in-process: the two
// were written apart from the same reference; this checks they understand each other.
import { afterEach, describe, expect, it } from 'vitest';
import { openAtChannel } from '../../../hardware/at/at-channel';
import { ManualClock } from '../../../hardware/virtual/clock';
import { createInProcessModem, type InProcessModem } from '../../../hardware/virtual/in-process';

const opened: InProcessModem[] = [];
afterEach(async () => {
  for (const m of opened.splice(0)) await m.controller.close();
});

describe('AT channel and virtual modem together', () => {
  it('identification, URCs inside answers, SMS prompt, data mode until NO CARRIER, unplug', async () => {
    const clock = new ManualClock();
    const m = await createInProcessModem({ clock, radioStepMs: 0 });
    opened.push(m);
    const ch = await openAtChannel(m.link);
    expect((await ch.send('ATE0')).final).toEqual({ kind: 'ok' });
    const ati = await ch.send('ATI');
    expect(ati.lines).toEqual(['Manufacturer: HUAWEI INCORPORATED', 'Model: EC121', 'Revision: 11.100.17.00.114', 'ESN: +GSN:80469bb7', '+CIS707-A, CIS-856, +MS, +ES, +DS, +FCLASS']);

    const urcs: string[] = [];
    ch.onUnsolicited('*', (r) => urcs.push(r.line));
    m.controller.urcInsideAnswers('^DSFLOWRPT:000014F4,00000000,00000000,000000000001949A,0000000000021E14,0003E800,000FA000');
    const sysinfo = await ch.send('AT^SYSINFO');
    expect(sysinfo.lines).toEqual(['^SYSINFO:2,255,0,8,240']);
    expect(urcs).toContain('^DSFLOWRPT:000014F4,00000000,00000000,000000000001949A,0000000000021E14,0003E800,000FA000');
    m.controller.urcInsideAnswers(null);

    const sent = await ch.send('AT^HCMGS="441234567"', { promptPayload: 'hello' });
    expect(sent.lines).toEqual(['^HCMGS:1']);
    expect(sent.final).toEqual({ kind: 'ok' });

    const dial = await ch.send('ATD#777');
    expect(dial.final).toEqual({ kind: 'connect', speed: null });
    expect(ch.mode).toBe('data');
    const back = new Promise((r) => ch.onModeChange((mode) => mode === 'command' && r(mode)));
    m.controller.dropCarrier();
    await back;
    expect((await ch.send('AT')).final).toEqual({ kind: 'ok' });

    m.controller.unplug();
    await expect(ch.send('AT')).rejects.toMatchObject({ code: expect.stringMatching(/^at_(unplugged|closed)$/) });
    await ch.close();
  });
});
