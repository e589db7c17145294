// A 2772 feature-code call on the in-process virtual modem (no ASSA endpoint: the network's
// reply is in at once). The call's end must follow the dial's own OK, never come before
// it: a bare NO CARRIER (3GPP, ZTE) ahead of the OK ends the ATD for the host and shifts
// every later answer by one.
import { describe, expect, it } from 'vitest';
import { createInProcessModem } from '../in-process';
import { RawAtClient } from '../raw-client';

describe.each(['generic-3gpp', 'zte-ac', 'huawei-ec'] as const)('%s: ATD*2772*XXXXXX;', (profile) => {
  it('OK first, then the call end, then each command its own answer', async () => {
    const m = await createInProcessModem({ profile, radioStepMs: 0 });
    const raw = new RawAtClient(m.link);
    try {
      await raw.cmd('ATE0');
      const dialled = await raw.cmd('ATD*2772*123456;');
      expect(dialled).toBe('\r\nOK\r\n');
      const end = await raw.until((s) => /NO CARRIER\r\n$|\^CEND:[^\r]*\r\n$/.test(s));
      expect(end).toMatch(profile === 'huawei-ec' ? /^\r\n\^CEND:1,\d+,29\r\n$/ : /^\r\nNO CARRIER\r\n$/);
      expect(await raw.cmd('AT')).toBe('\r\nOK\r\n');
    } finally {
      await m.controller.close();
    }
  });
});
