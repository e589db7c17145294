import { describe, expect, it } from 'vitest';
import { normaliseManufacturer, parseAti, parseGsn, parseIdentityValue, parseImsi, parseMeid, parseTaggedValue, stripTags } from './identity';

describe('M-ID-1 identity parsers (reference §1.1)', () => {
  it('reads the EC121 ATI block with its embedded +GSN: tag (transcript 01)', () => {
    expect(parseAti(['Manufacturer: HUAWEI INCORPORATED', 'Model: EC121', 'Revision: 11.100.17.00.114', 'ESN: +GSN:12de4fa6', '+CIS707-A, +MS, +ES, +DS, +FCLASS'])).toEqual({
      manufacturer: 'HUAWEI INCORPORATED', model: 'EC121', revision: '11.100.17.00.114', esn: '12DE4FA6', imei: null, meid: null, gcap: '+CIS707-A, +MS, +ES, +DS, +FCLASS',
    });
  });

  it.each([
    [['Manufacturer: ZTE INCORPORATED', 'Model: MF627', 'Revision: BD_3GHAP673A4V1.0.0B02', 'IMEI: 023589923858188', '+GCAP: +CGSM,+FCLASS,+DS'], 'MF627', '023589923858188'],
    [['Manufacturer: Novatel Wireless Incorporated', 'Model: DELL XU870 ExpressCard', 'Revision: 9.5.05.01-02  [2006-10-20 17:19:09]', 'IMEI: 012051505051501', '+GCAP: +CGSM,+DS'], 'DELL XU870 ExpressCard', '012051505051501'],
    [['Manufacturer: QUALCOMM INCORPORATED', 'Model: 88', 'Revision: D1020-SUUAASFA-4352  1  [Apr 14 2008 18:00:00]', 'IMEI: 239639269236269', '+GCAP: +CGSM,+DS'], '88', '239639269236269'],
  ])('reads 3GPP ATI samples (transcript 15)', (lines, model, imei) => {
    const a = parseAti(lines);
    expect(a.model).toBe(model);
    expect(a.imei).toBe(imei);
    expect(a.gcap).toContain('+CGSM');
  });

  it.each([
    ['0x6744775', { esn: '06744775', meid: null, imei: null }],
    ['0x2214A600', { esn: '2214A600', meid: null, imei: null }],
    ['0x80C98A1', { esn: '080C98A1', meid: null, imei: null }],
    ['6030C012', { esn: '6030C012', meid: null, imei: null }],
    ['12de4fa6', { esn: '12DE4FA6', meid: null, imei: null }],
    ['+GSN:12de4fa6', { esn: '12DE4FA6', meid: null, imei: null }],
    ['354237065082227', { esn: null, meid: null, imei: '354237065082227' }],
    ['356936001568843,NL2A62Z0N5', { esn: null, meid: null, imei: '356936001568843' }],
  ])('+GSN %s (transcript 04)', (line, want) => expect(parseGsn([line])).toEqual(want));

  it('reads the MEID:ESN pair from its hex line (transcript 04)', () => {
    expect(parseGsn(['45317471585658170:2161753034', '0x00A1000013FB653A:0x80D9BBCA'])).toEqual({ esn: '80D9BBCA', meid: 'A1000013FB653A', imei: null });
  });

  it.each(['adsfasdfasdfasdf', '0x6030Cfgh'])('gives nothing for garbage %s', (line) => {
    expect(parseGsn([line])).toEqual({ esn: null, meid: null, imei: null });
  });

  it('^MEID in its spec, 0x and bare forms; all zeros is no MEID (transcript 18)', () => {
    expect(parseMeid(['^MEID:A0C72311111111'])).toBe('A0C72311111111');
    expect(parseMeid(['^MEID: 0xA000001234ABCD'])).toBe('A000001234ABCD');
    expect(parseMeid(['a000001234abcd'])).toBe('A000001234ABCD');
    expect(parseMeid(['^MEID:00000000000000'])).toBeNull();
  });

  it('strips repeated tags and Model prefixes; normalises manufacturers', () => {
    expect(stripTags('+GMR: +GMR: 11.100.17.00.114 ')).toBe('11.100.17.00.114');
    expect(parseIdentityValue(['Model EC121 '])).toBe('EC121');
    expect(parseIdentityValue(['+CGMR:11.608.12.02.143'])).toBe('11.608.12.02.143');
    expect(['HUAWEI INCORPORATED', 'ZTE INCORPORATED', 'Novatel Wireless Incorporated', 'QUALCOMM INCORPORATED', 'Sierra Wireless, Inc.', 'Acme Modems'].map(normaliseManufacturer)).toEqual([
      'huawei', 'zte', 'novatel', 'qualcomm', 'sierra', 'acme',
    ]);
  });

  it('reads IMSI and tagged values', () => {
    expect(parseImsi(['460036101433925'])).toBe('460036101433925');
    expect(parseImsi(['+CME ERROR: 10'])).toBeNull();
    expect(parseTaggedValue(['^HWVER:CE62TCPUVer A'], '^HWVER')).toBe('CE62TCPUVer A');
    expect(parseTaggedValue(['^PRLVER:10045'], '^PRLVER')).toBe('10045');
  });
});
