import { describe, expect, it } from 'vitest';
import { parseCmti, parseCsnr, parseModeUrc, parsePrefmode, parseSierraStatus, parseSyscfg, parseViaCreg, parseVrom, parseZpas, parseZsnt } from './vendor-status';

describe('vendor status parsers over the reference strings', () => {
  it('^PREFMODE test and read forms (transcript 12)', () => {
    expect(parsePrefmode('^PREFMODE:(2,4,8)')).toEqual({ supported: [2, 4, 8] });
    expect(parsePrefmode('^PREFMODE:(2,4)')).toEqual({ supported: [2, 4] });
    expect(parsePrefmode('^PREFMODE:(2)')).toEqual({ supported: [2] });
    expect(['^PREFMODE:2', '^PREFMODE:4', '^PREFMODE:8'].map(parsePrefmode)).toEqual([{ current: 2 }, { current: 4 }, { current: 8 }]);
  });

  it('^SYSCFG read form (transcript 12)', () => {
    expect(parseSyscfg('^SYSCFG: 2,0,400000,0,3')).toEqual({ mode: 2, acqOrder: 0, band: '400000', roam: 0, srvDomain: 3 });
    // The test form lists ranges, not a setting: not a read answer.
    expect(parseSyscfg('^SYSCFG:(2,13,14,16),(0-3),((400000,"WCDMA2100")),(0-2),(0-4)')).toBeNull();
    expect(parseSyscfg('^SYSCFG:2,2,3FFFFFFF,1,2')).toEqual({ mode: 2, acqOrder: 2, band: '3FFFFFFF', roam: 1, srvDomain: 2 });
  });

  const status = (s: string) => s.trim().split('\n').map((l) => l.trim());
  it.each([
    ['unregistered MC5725', 'Current band: PCS CDMA\nCurrent channel: 350\nSID: 0  NID: 0  1xRoam: 0 HDRRoam: 0\nTemp: 33  State: 100  Sys Mode: NO SRV\nPilot NOT acquired\nModem has NOT registered', { mode: 'no-service', roaming: false, sid: null, nid: null, registered: false }],
    ['registered MC5725', 'Current band: Cellular Sleep\nCurrent channel: 775\nSID: 30  NID: 2  1xRoam: 0 HDRRoam: 0\nTemp: 29  State: 200  Sys Mode: HDR\nPilot acquired\nModem has registered\nHDR Revision: A', { mode: 'evdo-reva', roaming: false, sid: 30, nid: 2, registered: true }],
    ['unregistered AC580', 'Current band: PCS CDMA\nCurrent channel: 350\nSID: 0 NID: 0  Roaming: 0\nTemp: 39  State: 100  Scan Mode: 0\nPilot NOT acquired\nModem has NOT registered', { mode: 'no-service', roaming: false, sid: null, nid: null, registered: false }],
    ['registered AC580', 'Current band: Cellular Sleep\nCurrent channel: 548\nSID: 26  NID: 1  Roaming: 1\nTemp: 39  State: 200  Scan Mode: 0\nPilot Acquired\nModem has registered', { mode: 'cdma1x', roaming: true, sid: 26, nid: 1, registered: true }],
  ])('Sierra !STATUS, %s (transcript 13)', (_n, text, want) => expect(parseSierraStatus(status(text))).toEqual(want));

  it('ZTE +ZPAS (transcript 14)', () => {
    expect(parseZpas('+ZPAS: "GPRS/EDGE","CS_ONLY"')).toBe('gsm');
    expect(parseZpas('+ZPAS: "HSDPA","CS_PS"')).toBe('hspa');
    expect(parseZpas('+ZPAS: "No Service","CS_ONLY"')).toBe('no-service');
  });

  it('VIA +CREG with SID/NID and +VROM (transcript 06)', () => {
    expect(parseViaCreg('+CREG:1,4145,7,1')).toEqual({ sid: 4145, nid: 7, registered: true, roaming: false });
    expect(parseViaCreg('+CREG: 0,1')).toBeNull();
    expect(parseVrom('+VROM:0,1')).toBe(false);
  });

  it('^MODE, ^CSNR and +CMTI URCs (transcripts 10, 20)', () => {
    expect(['^MODE:3,3', '^MODE:5,4', '^MODE:5,5', '^MODE:2', '^MODE:4', '^MODE:0'].map(parseModeUrc)).toEqual(['gsm', 'umts', 'hspa', 'cdma1x', 'evdo-rel0', 'no-service']);
    expect(parseCsnr('^CSNR: -145,-32')).toEqual({ rscpDbm: -145, ecioDb: -32 });
    expect(parseCmti('+CMTI: "SM",0')).toEqual({ storage: 'SM', index: 0 });
    expect(parseCmti('+CMTI: "ME",12')).toEqual({ storage: 'ME', index: 12 });
  });

  it('ZTE +ZSNT read form (transcript 14: three integers, shape from ModemManager\'s parser)', () => {
    expect(parseZsnt('+ZSNT: 0,0,2')).toEqual({ cmMode: 0, netSelMode: 0, prefAcq: 2 });
    expect(parseZsnt('+ZSNT: 2,0,0 ')).toEqual({ cmMode: 2, netSelMode: 0, prefAcq: 0 });
    expect(parseZsnt('+ZSNT: <cm_mode>,<net_sel_mode>,<pref_acq>')).toBeNull();
    expect(parseZpas('+ZPAS: "GPRS/EDGE","CS_ONLY"')).toBe('gsm');
  });
});
