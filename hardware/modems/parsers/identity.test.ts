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

  // ModemManager's src/tests/test-modem-helpers.c devids[] table: the +CGMI/+CGMM/+CGMR/+CGSN answers of real devices.
  it.each([
    ['"Motorola CE, Copyright 2000"', 'Motorola CE, Copyright 2000'], // BUSlink SCWi275u
    ['"Motorola"', 'Motorola'], // Motorola ROKR E2
    ['"E2"', 'E2'],
    ['"R564_G_12.00.47P"', 'R564_G_12.00.47P'],
    ['"ADE_05_00_06032300I"', 'ADE_05_00_06032300I'],
    ['"GSM900","GSM1800","GSM1900","GSM850","MODEL=I250-000"', 'I250-000'],
    ['Model:LG-LX265', 'LG-LX265'], // LG LX265 +GMM, no space after the colon
    ['+GMI: LG Electronics Inc.+GMM: Model:LG-LX265', 'LG-LX265'], // the same inside its ATI
    ['Model CDX-650 ', 'CDX-650'], // C-Motech CDX-650 +GMM
    ['+GMR: LX265V05, 50571', 'LX265V05, 50571'],
    ['CDX65UAC03  1  [Oct 17 2007 13:30:00]', 'CDX65UAC03  1  [Oct 17 2007 13:30:00]'],
    ['J1_0_1_26AP C:/WS/FW/J1_0_1_26AP/MSM7200A/SRC/AMSS 2009/01/30 07:58:06', 'J1_0_1_26AP C:/WS/FW/J1_0_1_26AP/MSM7200A/SRC/AMSS 2009/01/30 07:58:06'],
    ['E3372h-153+', 'E3372h-153+'],
  ])('identity value %s → %s', (line, want) => expect(parseIdentityValue([line])).toBe(want));

  it('reads the LG LX265 ATI with nested tags (ModemManager devids)', () => {
    expect(parseAti(['Manufacturer: +GMI: LG Electronics Inc.', 'Model: +GMI: LG Electronics Inc.+GMM: Model:LG-LX265', 'Revision: +GMR: LX265V05, 50571', 'ESN: +GSN: 0x9235EB52', '+GCAP: +CIS707-A, +MS, +ES, +DS, +FCLASS'])).toMatchObject({
      manufacturer: 'LG Electronics Inc.', model: 'LG-LX265', revision: 'LX265V05, 50571', esn: '9235EB52', imei: null,
    });
    expect(parseAti(['Manufacturer: C-MOTECH Co., Ltd.', 'Model: CDX-650 ', 'Revision: CDX65UAC03', 'Esn: 3B0C4B98', '+GCAP: +CIS707A, +MS, +ES, +DS, +FCLASS'])).toMatchObject({
      manufacturer: 'C-MOTECH Co., Ltd.', model: 'CDX-650', esn: '3B0C4B98',
    });
  });

  it.each([
    // Quectel EC200A (ASR1803, Marvell's former line): Quectel EC200A AT Commands Manual, ATI example.
    [['Quectel', 'EC200A-CNTA', 'Revision: EC200ACNTAR01A03M2G_OCPU'], 'Quectel', 'EC200A-CNTA', 'EC200ACNTAR01A03M2G_OCPU'],
    // Quectel EM05-G (ModemManager quectel plugin tests' firmware string).
    [['Quectel', 'EM05', 'Revision: EM05GFAR07A07M1G_01.016.01.016'], 'Quectel', 'EM05', 'EM05GFAR07A07M1G_01.016.01.016'],
  ])('reads the untagged three-line ATI (maker, model, Revision:) %#', (lines, manufacturer, model, revision) => {
    expect(parseAti(lines)).toMatchObject({ manufacturer, model, revision });
  });

  it('the untagged layout only with exactly two lines before Revision:, and never over tagged values', () => {
    expect(parseAti(['EC200A-CNTA', 'Revision: EC200ACNTAR01A03M2G_OCPU'])).toMatchObject({ manufacturer: null, model: null, revision: 'EC200ACNTAR01A03M2G_OCPU' });
    expect(parseAti(['Quectel', 'LTE module', 'EC200A-CNTA', 'Revision: EC200ACNTAR01A03M2G_OCPU'])).toMatchObject({ manufacturer: null, model: null });
    expect(parseAti(['Quectel', 'EC200A-CNTA'])).toMatchObject({ manufacturer: null, model: null, revision: null });
    expect(parseAti(['Manufacturer: ZTE INCORPORATED', 'Model: MF627', 'Revision: BD_3GHAP673A4V1.0.0B02', 'IMEI: 023589923858188', '+GCAP: +CGSM,+FCLASS,+DS'])).toMatchObject({ manufacturer: 'ZTE INCORPORATED', model: 'MF627' });
  });

  it('keeps a quoted IMEI and an IMEI with a serial after it (Motorola ROKR E2, Option GTM378)', () => {
    expect(parseGsn(['"626936926396996"'])).toEqual({ esn: null, meid: null, imei: '626936926396996' });
    expect(parseGsn(['129512359199159,SE393939TS'])).toEqual({ esn: null, meid: null, imei: '129512359199159' });
    expect(parseGsn(['0x3B0C4B98'])).toEqual({ esn: '3B0C4B98', meid: null, imei: null });
    expect(parseImsi(['"255030123456789"'])).toBe('255030123456789');
  });

  it.each([
    ['"Motorola CE, Copyright 2000"', 'motorola'],
    ['"Motorola"', 'motorola'],
    ['Sony Ericsson', 'sony-ericsson'],
    ['Option N.V.', 'option'],
    ['LG Electronics Inc.', 'lg'],
    ['C-MOTECH Co., Ltd.', 'c-motech'],
    ['Nokia', 'nokia'],
    ['Quectel', 'quectel'],
    ['Manufacturer', null], // Zoom 4596 prints its own label
    ['huawei', 'huawei'],
  ])('manufacturer %s → %s', (raw, want) => expect(normaliseManufacturer(raw)).toBe(want));
});
