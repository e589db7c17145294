import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessMultiPortModem, type MultiPortModem } from '../virtual/in-process';
import { chooseControlAndData, probePorts, type ProbeResult } from './port-prober';

const devices: MultiPortModem[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) await d.controller.close();
});

describe('M-PORT-2 probing a stick\'s ports in parallel', () => {
  it('classifies the virtual EC-series layout: modem AT, QCDM diagnostics, PCUI AT, silent', async () => {
    const dev = createInProcessMultiPortModem({ silentPort: true, radioStepMs: 0 });
    devices.push(dev);
    const { modem, diag, pcui, silent } = dev.paths;
    const results = await probePorts(dev.opener, [modem, diag, pcui, silent!, '/dev/virtual/none'], { budgetMs: 600 });
    expect(results.map((r) => r.role)).toEqual(['at', 'qcdm', 'at', 'silent', 'error']);
    expect(chooseControlAndData(results)).toEqual({ controlPort: pcui, dataPort: modem });
  });

  it('the port that sends URCs is the control port, whatever its place', () => {
    const r = (path: string, role: ProbeResult['role'], urcSeen = false): ProbeResult => ({ path, role, urcSeen, ms: 1, error: null });
    expect(chooseControlAndData([r('/dev/ttyUSB0', 'at', true), r('/dev/ttyUSB1', 'at')])).toEqual({ controlPort: '/dev/ttyUSB0', dataPort: '/dev/ttyUSB1' });
    expect(chooseControlAndData([r('/dev/ttyACM0', 'at')])).toEqual({ controlPort: '/dev/ttyACM0', dataPort: null });
    expect(chooseControlAndData([r('/dev/ttyUSB0', 'qcdm'), r('/dev/ttyUSB1', 'silent')])).toBeNull();
  });
});
