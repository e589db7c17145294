import { describe, expect, it } from 'vitest';
import { networkFromSysinfo, parseCad, parseCopsAct, parseCreg, parseCssSid, parseSidNid, parseSysinfo, parseSysinfoEx } from './network';

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

  // ModemManager's src/tests/test-modem-helpers.c registration replies (test_creg*/test_cgreg*/test_cereg*).
  it.each([
    ['+CREG: 1,3', 3, null],
    ['+CREG: 3', 3, null],
    ['+CREG: 11', 11, null],
    ['+CREG: 1,1,84CD,00D30173', 1, null],
    ['+CREG: 1,84CD,00D30156', 1, null],
    ['+CREG: 11,"33FE","a3fb477"', 11, null],
    ['+CREG: 2,1,"CE00","01CEAD8F"', 1, null],
    ['+CREG: 1,"CE00","00005449"', 1, null],
    ['+CREG: 2,0,00,0', 0, null],
    ['+CREG: 2,1,8BE3,2BAF', 1, null],
    ['+CREG: 1,8BE3,2BAF', 1, null],
    ['+CREG: 2,,', 2, null],
    ['+CREG:002,001,"18d8","ffff"', 1, null],
    ['+CREG:2,1,0001,0010', 1, null],
    ['+CREG:002,001,"0001","0010"', 1, null],
    ['+CREG: 1,0001,0010,0', 1, 0],
    ['+CREG: 001,"0001","0010",000', 1, 0],
    ['+CREG: 10,0001,0010,0', 10, 0],
    ['+CREG: 0011,"0001","0010",000', 11, 0],
    ['+CREG: 2,6,"8B37","0A265185",7', 6, 7],
    ['+CGREG: 1,3', 3, null],
    ['+CGREG: 2,1,"8BE3","00002B5D",3', 1, 3],
    ['+CGREG: 1,"8BE3","00002B5D",3', 1, 3],
    ['+CREG: 2,5,"0502","0404736D"', 5, null],
    ['+CGREG: 5,"0502","0404736D",2', 5, 2],
    ['+CGREG: 2,1, 81ED, 1A9CEB', 1, null],
    ['+CREG: 2,1,000B,2816, B, C2816', 1, null], // Samsung Wave S8500
    ['+CREG: 2,11,003F,8FE3, B, C2816', 11, null],
    ['+CREG: 2,1,  0 5, 2715', 1, null],
    ['+CGREG: 1,"1422","00000142",3,"00"', 1, 3],
    ['+CGREG: 11,"B092","00000697",3,"00"', 11, 3],
    ['+CGREG:2,10,ebbd,f025', 10, null],
    ['+CGREG:002,0011,"0f0d","14c3"', 11, null],
    ['+CEREG: 1,3', 3, null],
    ['+CEREG: 2,1, 1F00, 79D903 ,7', 1, 7],
    ['+CEREG: 1, 1F00, 79D903 ,7', 1, 7],
    ['+CEREG: 2,10,"8d83","671f98a",7', 10, 7],
    ['+CEREG: 2,10, 2CA8, 20 ,B5583D ,7', 10, 7],
    ['+CEREG: 11, 78FE, 20 ,14419E ,7', 11, 7],
    ['+CEREG: 1, 2, 0001, 00000100, 7', 2, 7],
    ['+CEREG: 2, 0001, 00000100, 7', 2, 7],
    ['+CEREG: 2,1, 1F00, 20 ,79D903 ,7', 1, 7],
    ['+C5GREG: 1, 10', 10, null],
  ])('%s → stat %d, AcT %s', (line, stat, act) => {
    expect(parseCreg(line)).toMatchObject({ stat, act });
  });

  it('stat boundaries: registered 1,5,6,7,9,10; no service 0,2,3,8,11; 4 unknown', () => {
    const reg = (stat: number) => parseCreg(`+CREG: 0,${stat}`)!;
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => reg(n).registered)).toEqual([false, true, false, false, false, true, true, true, false, true, true, false]);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => reg(n).noService)).toEqual([true, false, true, true, false, false, false, false, true, false, false, true]);
    expect([1, 5, 7, 10].map((n) => reg(n).roaming)).toEqual([false, true, true, true]);
    expect(parseCreg('+CREG: 0,12')).toBeNull();
    expect(parseCreg('+CREG: ')).toBeNull();
  });

  it('+COPS AcT 0..13 (27.007 §7.3)', () => {
    const modes = Array.from({ length: 15 }, (_, act) => parseCopsAct(`+COPS: 0,0,"life:)",${act}`));
    expect(modes).toEqual(['gsm', 'gsm', 'umts', 'gsm', 'hspa', 'hspa', 'hspa', 'lte', 'gsm', 'lte', 'lte', 'unknown', 'unknown', 'lte', null]);
    expect(parseCopsAct('+COPS: 0')).toBeNull();
    expect(parseCopsAct('+COPS: 0,0,"UA-KYIVSTAR"')).toBeNull();
  });

  it('+CAD: 1 is CDMA service, 0 none, anything else says nothing', () => {
    expect(['+CAD: 1', '+CAD: 0', '+CAD: 2', '+CAD:1', 'CAD: 1'].map(parseCad)).toEqual(['cdma1x', 'no-service', null, 'cdma1x', null]);
  });
});
