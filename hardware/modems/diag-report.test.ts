// M-DIAG-1 report assembly over a scripted channel: the contract's fields from the
// reference strings, nulls for what the modem did not say, and a vanished port recorded
// as an error of its step instead of losing the whole report.
import { describe, expect, it } from 'vitest';
import { scriptedAtChannel } from './testing/scripted-at-channel';
import { buildDiagReport, renderDiagText } from './diag-report';
import { huaweiCdma } from './huawei-cdma';

const EC121 = {
  ATI: ['Manufacturer: HUAWEI INCORPORATED', 'Model: EC121', 'Revision: 11.100.17.00.114', 'ESN: +GSN:12de4fa6', '+CIS707-A, +MS, +ES, +DS, +FCLASS'],
  'AT+GSN': ['12de4fa6'],
  'AT^MEID': ['^MEID:A0C72311111111'],
  'AT^SYSINFO': ['^SYSINFO:2,255,0,8,240'],
  'AT^CURRSID': ['^CURRSID:4145,7'],
  'AT+CSQ': ['+CSQ: 21,99'],
  'AT^HDRCSQLVL': ['^HDRCSQLVL:60'],
  'AT+CPIN?': ['+CPIN:READY'],
};

describe('M-DIAG-1 buildDiagReport', () => {
  it('Huawei EC121: contract fields, R-UIM state, unknowns null (no ^MDN, no IMSI, no ^HWVER)', async () => {
    const ch = scriptedAtChannel(EC121, '/dev/ttyUSB0');
    const r = await buildDiagReport(ch, huaweiCdma);
    expect(r).toMatchObject({
      port: '/dev/ttyUSB0', profile: 'huawei-cdma', manufacturer: 'huawei', model: 'EC121', revision: '11.100.17.00.114',
      esn: '12DE4FA6', meid: 'A0C72311111111', imei: null, imsi: null, mdn: null, hardwareVersion: null, prlVersion: null,
      simState: 'ready', channelMode: 'command',
      network: { mode: 'evdo-rel0', roaming: false, sid: 4145, nid: 7 },
      signal: { cdma1x: { rssiDbm: -71, ecioDb: null }, evdo: { rssiDbm: -75, ecioDb: null, sinrDb: null }, gsm: null },
      errors: [],
    });
    expect(r.transcript[0]).toEqual({ t: '2026-11-24T10:00:00.000Z', dir: 'tx', line: 'ATI' });
    const text = renderDiagText(r);
    expect(text).toContain('ESN / MEID      12DE4FA6 / A0C72311111111');
    expect(text).toContain('Number (MDN)    —');
    expect(text).toContain('Network         evdo-rel0, SID 4145 NID 7');
  });

  it('a port that vanishes mid-report: that step is an error, the rest still reported', async () => {
    const ch = scriptedAtChannel({ ...EC121, 'AT^MDN': { fail: 'at_unplugged' } });
    const r = await buildDiagReport(ch, huaweiCdma);
    expect(r.errors).toEqual([{ step: 'number', code: 'at_unplugged', message: expect.stringContaining('AT^MDN') }]);
    expect(r.mdn).toBeNull();
    expect(r.model).toBe('EC121');
    expect(renderDiagText(r)).toContain('number: at_unplugged');
  });
});
