import { afterEach, describe, expect, it } from 'vitest';
import type { SerialLink, SerialOpener } from '../serial/serial-link';
import { createInProcessMultiPortModem, type MultiPortModem } from '../virtual/in-process';
import { chooseControlAndData, chooseEarly, probePorts, probeUntilChosen, type ProbeResult } from './port-prober';

const devices: MultiPortModem[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) await d.controller.close();
});

describe('M-PORT-2 probing a stick\'s ports in parallel', () => {
  // The diagnostics port speaks QCDM only to 0x7E-framed requests (as a real one): to AT it is
  // silent, so a port silent after the first AT gets libqcdm's framed version request.
  it('classifies the virtual EC-series layout: modem AT, diagnostics QCDM (framed version request), PCUI AT, silent', async () => {
    const dev = createInProcessMultiPortModem({ silentPort: true, radioStepMs: 0 });
    devices.push(dev);
    const { modem, diag, pcui, silent } = dev.paths;
    const results = await probePorts(dev.opener, [modem, diag, pcui, silent!, '/dev/virtual/none'], { budgetMs: 600 });
    expect(results.map((r) => r.role)).toEqual(['at', 'qcdm', 'at', 'silent', 'error']);
    expect(chooseControlAndData(results)).toEqual({ controlPort: pcui, dataPort: modem });
  });

  it('the QCDM request is exactly 7e 00 78 f0 7e, sent only to a port that said nothing to AT', async () => {
    const dev = createInProcessMultiPortModem({ silentPort: true, radioStepMs: 0 });
    devices.push(dev);
    const written = new Map<string, Buffer[]>();
    const recording: SerialOpener = {
      async open(path) {
        const link = await dev.opener.open(path);
        const mine: Buffer[] = [];
        written.set(path, mine);
        return Object.assign(Object.create(link) as SerialLink, {
          write: (d: Uint8Array | string) => (mine.push(Buffer.from(d)), link.write(d)),
        });
      },
    };
    const { modem, diag, silent } = dev.paths;
    await probePorts(recording, [modem, diag, silent!], { budgetMs: 600 });
    const hasFrame = (p: string) => written.get(p)!.some((b) => b.equals(Buffer.from([0x7e, 0x00, 0x78, 0xf0, 0x7e])));
    expect(hasFrame(diag)).toBe(true);
    expect(hasFrame(silent!)).toBe(true);
    expect(hasFrame(modem)).toBe(false); // it answered the first AT
  });

  it('the port that sends URCs is the control port, whatever its place', () => {
    const r = (path: string, role: ProbeResult['role'], urcSeen = false): ProbeResult => ({ path, role, urcSeen, ms: 1, error: null });
    expect(chooseControlAndData([r('/dev/ttyUSB0', 'at', true), r('/dev/ttyUSB1', 'at')])).toEqual({ controlPort: '/dev/ttyUSB0', dataPort: '/dev/ttyUSB1' });
    expect(chooseControlAndData([r('/dev/ttyACM0', 'at')])).toEqual({ controlPort: '/dev/ttyACM0', dataPort: null });
    expect(chooseControlAndData([r('/dev/ttyUSB0', 'qcdm'), r('/dev/ttyUSB1', 'silent')])).toBeNull();
  });
});

describe('M-PORT-2 ready as soon as the control and data ports are known', () => {
  const r = (path: string, role: ProbeResult['role'], urcSeen = false): [string, ProbeResult] => [path, { path, role, urcSeen, ms: 1, error: null }];
  const order = ['/dev/ttyUSB0', '/dev/ttyUSB1', '/dev/ttyUSB2', '/dev/ttyUSB3'];

  it('one AT port is not enough while others are still being probed', () => {
    expect(chooseEarly(order, new Map([r(order[0]!, 'at'), r(order[1]!, 'qcdm')]))).toBeNull();
    expect(chooseEarly(order, new Map([r(order[2]!, 'at', true)]))).toBeNull();
  });

  it('two AT ports: the URC one, else the later one, is control; the other carries data', () => {
    expect(chooseEarly(order, new Map([r(order[0]!, 'at'), r(order[2]!, 'at')]))).toEqual({ controlPort: order[2], dataPort: order[0] });
    expect(chooseEarly(order, new Map([r(order[0]!, 'at', true), r(order[2]!, 'at')]))).toEqual({ controlPort: order[0], dataPort: order[2] });
  });

  it('when every port has finished, the whole-stick rule (one AT port, or none)', () => {
    const all = new Map([r(order[0]!, 'silent'), r(order[1]!, 'qcdm'), r(order[2]!, 'at'), r(order[3]!, 'error')]);
    expect(chooseEarly(order, all)).toEqual({ controlPort: order[2], dataPort: null });
    all.set(...r(order[2]!, 'silent'));
    expect(chooseEarly(order, all)).toBeNull();
  });

  it('a silent port no longer delays the choice: it is classified in the background', async () => {
    const dev = createInProcessMultiPortModem({ silentPort: true, radioStepMs: 0 });
    devices.push(dev);
    const { modem, diag, pcui, silent } = dev.paths;
    const p = probeUntilChosen(dev.opener, [modem, diag, pcui, silent!], { budgetMs: 3000 });
    expect(await p.choice).toEqual({ controlPort: pcui, dataPort: modem });
    expect(p.sofar().map((x) => x.path)).not.toContain(silent); // still being classified
    const all = await p.all;
    expect(all.find((x) => x.path === silent)?.role).toBe('silent');
  });
});
