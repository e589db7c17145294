import { describe, expect, it } from 'vitest';
import { barsFromDbm, csqToDbm, levelToDbm, parseCsqLike, parseHcsq, parseLevel } from './signal';

describe('M-SIG-1 signal parsers (reference §1.3)', () => {
  it('+CSQ and the 0..31 URCs', () => {
    expect(parseCsqLike('+CSQ: 21,99')).toBe(-71);
    expect(parseCsqLike('^RSSI:12')).toBe(-89); // transcript 08
    expect(parseCsqLike('^RSSI: 19')).toBe(-75); // transcript 10
    expect(['^RSSI:18', '^RSSI:4'].map(parseCsqLike)).toEqual([-77, -105]); // transcript 10 A, B
    expect(parseCsqLike('+CSQ: 99,99')).toBeNull();
    expect([csqToDbm(0), csqToDbm(31), csqToDbm(99)]).toEqual([-113, -51, null]);
  });

  it('Huawei CDMA levels (MC509 p.64) and their dBm', () => {
    expect(['^CSQLVL:60', '^HDRCSQLVL:80', '^HDRCSQ: 40', '^HRSSILVL:99', '^RSSILVL:0'].map(parseLevel)).toEqual([60, 80, 40, 99, 0]);
    expect(parseLevel('^HDRCSQ: (0, 20, 40, 60, 80, 99)')).toBeNull(); // the test form lists levels (Qualcomm dsat707vend.c)
    expect([0, 20, 40, 60, 80, 99].map(levelToDbm)).toEqual([null, -105, -90, -75, -60, -60]);
  });

  it('^HCSQ in every form of transcript 21', () => {
    expect(parseHcsq('^HCSQ:"LTE",30,19,66,0')).toEqual({ rat: 'LTE', rssiDbm: -91, rsrpDbm: -122, sinrDb: -7, rsrqDb: -20 });
    expect(parseHcsq('^HCSQ: "WCDMA",30,30,58')).toEqual({ rat: 'WCDMA', rssiDbm: -91, rscpDbm: -91, ecioDb: -3.5 });
    expect(parseHcsq('^HCSQ: "GSM",36,255')).toEqual({ rat: 'GSM', rssiDbm: -85 });
    expect(parseHcsq('^HCSQ: LTE,33,40,135,11')).toEqual({ rat: 'LTE', rssiDbm: -88, rsrpDbm: -101, sinrDb: 6.8, rsrqDb: -14.5 });
    expect(parseHcsq('^HCSQ: "NOSERVICE"')).toEqual({ rat: 'NOSERVICE' });
    expect(parseHcsq('^HCSQ: NOSERVICE')).toEqual({ rat: 'NOSERVICE' });
  });

  it('bars', () => expect([-113, -100, -75, -51, null].map(barsFromDbm)).toEqual([0, 1, 5, 5, 0]));
});
