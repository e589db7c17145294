import { describe, expect, it } from 'vitest';
import { networkFromSysinfo, parseCopsAct, parseCreg, parseCssSid, parseSidNid, parseSysinfo, parseSysinfoEx } from './network';

describe('M-SIG-1 network parsers (reference §1.3)', () => {
  it.each([
    ['^SYSINFO:2,255,0,8,240', { srvStatus: 2, srvDomain: 255, roaming: false, sysMode: 8, simState: 240, submode: null }, 'evdo-rel0'],
    ['^SYSINFO:2,255,1,2,240', { srvStatus: 2, srvDomain: 255, roaming: true, sysMode: 2, simState: 240, submode: null }, 'cdma1x'],
    ['^SYSINFO:0,255,1,6,240', { srvStatus: 0, srvDomain: 255, roaming: true, sysMode: 6, simState: 240, submode: null }, 'no-service'],
    ['^SYSINFO:2,255,0,8,1', { srvStatus: 2, srvDomain: 255, roaming: false, sysMode: 8, simState: 1, submode: null }, 'evdo-rel0'],
    ['^SYSINFO: 2,3,0,5,1,,4', { srvStatus: 2, srvDomain: 3, roaming: false, sysMode: 5, simState: 1, submode: 4 }, 'umts'],
    ['^SYSINFO:2,3,0,5,1,0,7', { srvStatus: 2, srvDomain: 3, roaming: false, sysMode: 5, simState: 1, submode: 7 }, 'hspa'],
    ['^SYSINFO:2,255,0,4,240,,11', { srvStatus: 2, srvDomain: 255, roaming: false, sysMode: 4, simState: 240, submode: 11 }, 'evdo-reva'],
  ])('%s (transcripts 05, 07)', (line, parsed, mode) => {
    const s = parseSysinfo(line)!;
    expect(s).toEqual(parsed);
    expect(networkFromSysinfo(s).mode).toBe(mode);
  });

  it.each([
    ['^SYSINFO:2,4,5,3,1', null, null],
    ['^SYSINFO:2,4,5,3,1,', null, null],
    ['^SYSINFO:2,4,5,3,1,,', null, null],
    ['^SYSINFO:2,4,5,3,1,6', null, null],
    ['^SYSINFO:2,4,5,3,1,6,', null, null],
    ['^SYSINFO:2,4,5,3,1,,6', 6, 'hspa'],
    ['^SYSINFO:2,4,5,3,1,0,6', 6, 'hspa'],
    ['^SYSINFO: 2,4,5,3,1,0,6', 6, 'hspa'],
  ])('transcript 05 (ModemManager sysinfo_tests) %s: submode only when the 7th field is there', (line, submode, subMode) => {
    const s = parseSysinfo(line)!;
    expect(s).toMatchObject({ srvStatus: 2, srvDomain: 4, sysMode: 3, simState: 1, submode });
    expect(networkFromSysinfo(s).mode).toBe(subMode ?? 'gsm');
  });

  it('reads roaming and limited service from ^SYSINFO', () => {
    expect(networkFromSysinfo(parseSysinfo('^SYSINFO:2,255,1,2,240')!).roaming).toBe(true);
    expect(networkFromSysinfo(parseSysinfo('^SYSINFO:1,255,0,2,240')!).limited).toBe(true);
    expect(parseSysinfo('^SYSINFO:')).toBeNull();
  });

  it('^SYSINFOEX (transcript 05)', () => {
    for (const l of ['^SYSINFOEX:2,4,5,1,,3,WCDMA,41,HSPA+', '^SYSINFOEX:2,4,5,1,,3,"WCDMA",41,"HSPA+"', '^SYSINFOEX: 2,4,5,1,0,3,"WCDMA",41,"HSPA+"']) {
      expect(parseSysinfoEx(l)).toMatchObject({ mode: 'umts' }); // submode 41 = WCDMA; the name field is ModemManager's filler
    }
    expect(parseSysinfoEx('^SYSINFOEX:2,3,0,1,,6,LTE,101,LTE')).toMatchObject({ mode: 'lte' });
    expect(parseSysinfoEx('^SYSINFOEX:2,3,0,1,,2,CDMA,25,EVDO RevA')).toMatchObject({ mode: 'evdo-reva' });
    expect(parseSysinfoEx('^SYSINFOEX:0,0,0,1,,0,,0,')).toMatchObject({ mode: 'no-service' });
  });

  it('SID/NID from +CSS, ^CURRSID and +CSNID (transcript 06)', () => {
    expect(parseCssSid('+CSS: ? , 4145')).toBe(4145);
    expect(parseCssSid('+CSS: 1,PA,4145')).toBe(4145);
    expect(parseCssSid('+CSS: ? , 99999')).toBeNull();
    expect(parseSidNid('+CSNID:4145,7')).toEqual({ sid: 4145, nid: 7 });
    expect(parseSidNid('^CURRSID:12345,1')).toEqual({ sid: 12345, nid: 1 });
    expect(parseSidNid('^CURRSID:0,0')).toBeNull();
  });

  it('+CREG and +COPS', () => {
    expect(parseCreg('+CREG: 0,1')).toEqual({ registered: true, roaming: false });
    expect(parseCreg('+CREG: 0,5')).toEqual({ registered: true, roaming: true });
    expect(parseCreg('+CREG: 2')).toEqual({ registered: false, roaming: false });
    expect(parseCopsAct('+COPS: 0,0,"life:)",2')).toBe('umts');
    expect(parseCopsAct('+COPS: 0')).toBeNull();
  });
});
