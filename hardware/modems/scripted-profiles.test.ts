// Profiles over a scripted AT channel (a command → answer table with the reference's real
// strings): the vendor differences the virtual modem does not model — ZTE 3GPP's +ZPAS,
// the CDMA MDN fallback order (^MDN → +CNUM → ~NAMVAL?0), Sierra's !STATUS.
import { describe, expect, it } from 'vitest';
import { scriptedAtChannel, type Script } from './testing/scripted-at-channel';
import { genericCdma } from './generic-cdma';
import { pickProfile } from './pick-profile';
import { generic3gpp } from './generic-3gpp';
import { huaweiCdma } from './huawei-cdma';
import { sierraCdma } from './sierra-cdma';
import { zte3gpp } from './zte-3gpp';

const scripted = (script: Script) => scriptedAtChannel(script);

describe('vendor profiles over scripted answers', () => {
  it('M-SIG-1 ZTE MF626 (3GPP): technology from +ZPAS "GPRS/EDGE", roaming from +CREG', async () => {
    const ch = scripted({
      'AT+GCAP': ['+GCAP: +CGSM,+DS,+ES'],
      ATI: ['Manufacturer: ZTE INCORPORATED', 'Model: MF626', 'Revision: BD_P673A2V1.0.0B09', 'IMEI: 354859020123456', '+GCAP: +CGSM,+DS,+ES'],
      'AT+CREG?': ['+CREG: 0,5'],
      'AT+COPS?': ['+COPS: 0,0,"life:)"'],
      'AT+ZPAS?': ['+ZPAS: "GPRS/EDGE","CS_ONLY"'],
    });
    const profile = await pickProfile(ch);
    expect(profile.id).toBe('zte-3gpp');
    expect(await profile.network(ch)).toEqual({ mode: 'gsm', roaming: true, sid: null, nid: null });
  });

  it('M-SIG-1 ZTE 3GPP: no +ZPAS answer keeps the 27.007 reading; not registered asks nothing more', async () => {
    const ch = scripted({ 'AT+CREG?': ['+CREG: 0,1'], 'AT+COPS?': ['+COPS: 0,0,"UA-KYIVSTAR",2'] });
    expect((await zte3gpp.network(ch)).mode).toBe('umts');
    const off = scripted({ 'AT+CREG?': ['+CREG: 0,0'] });
    expect(await zte3gpp.network(off)).toEqual({ mode: 'no-service', roaming: false, sid: null, nid: null });
    // The three registration domains, nothing after them (+CGREG/+CEREG refused by this firmware).
    expect(off.sent).toEqual(['AT+CREG?', 'AT+CGREG?', 'AT+CEREG?']);
  });

  it('M-NUM-1 generic CDMA: ^MDN first, then +CNUM, then ~NAMVAL?0; national 9-digit form', async () => {
    const viaMdn = scripted({ 'AT^MDN': ['^MDN:0441234567'] });
    expect(await genericCdma.number(viaMdn)).toBe('441234567');
    expect(viaMdn.sent).toEqual(['AT^MDN']);

    const viaCnum = scripted({ 'AT^MDN': 'ERROR', 'AT+CNUM': ['+CNUM: ,"+380441234568",145'] });
    expect(await genericCdma.number(viaCnum)).toBe('441234568');
    expect(viaCnum.sent).toEqual(['AT^MDN', 'AT+CNUM']);

    const viaNam = scripted({ 'AT+CNUM': [], 'AT~NAMVAL?0': ['MDN: 0441234569', 'MIN: 0441234569'] });
    expect(await genericCdma.number(viaNam)).toBe('441234569');
    expect(viaNam.sent).toEqual(['AT^MDN', 'AT+CNUM', 'AT~NAMVAL?0']);

    const none = scripted({});
    expect(await genericCdma.number(none)).toBeNull();
  });

  it('M-ID-1 generic CDMA: ^MEID overrides, ESN from +GSN "0x" form, upper-case hex', async () => {
    const ch = scripted({
      'AT+GCAP': ['+GCAP: +CIS707-A, CIS-856, +MS, +ES, +DS, +FCLASS'],
      'AT+GMI': ['QUALCOMM INCORPORATED'],
      'AT+GMM': ['QUALCOMM CDMA Technologies MSM'],
      'AT+GMR': ['+GMR: +GMR: 1.0.0 1 [Jan 01 2009 00:00:00]'],
      'AT+GSN': ['0x12de4fa6'],
      'AT^MEID': ['^MEID: 0xA0000012345678'],
    });
    const profile = await pickProfile(ch);
    expect(profile.id).toBe('generic-cdma');
    const id = await profile.identity(ch);
    expect(id).toMatchObject({ manufacturer: 'qualcomm', revision: '1.0.0 1 [Jan 01 2009 00:00:00]', esn: '12DE4FA6', meid: 'A0000012345678', imei: null, imsi: null });
  });

  it('M-SMS-1 a PDU-only 3GPP stick (AT+CMGF=1 refused): sends SMS-SUBMIT PDUs and reads a PDU listing', async () => {
    const ch = scripted({
      'AT+CMGF=1': 'ERROR',
      'AT+CMGF=0': [],
      'AT+CMGS=15': ['+CMGS: 7'],
      'AT+CMGL=4': ['+CMGL: 0,1,,24', '07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07'],
    });
    await generic3gpp.sendSms(ch, '2772', '123456');
    expect(ch.payloads).toEqual(['0001000481722700000631D98C56B301']);
    expect(await generic3gpp.readSms(ch)).toEqual([{ index: 0, from: '+31641600986', text: 'How are you?', at: '2002-08-26T19:37:41.000Z', read: true }]);
    await expect(generic3gpp.sendSms(scripted({}), '2772', '1')).rejects.toMatchObject({ code: 'sms_failed' });
  });

  it('M-CALL-1 feature codes: Huawei CDMA and 3GPP dial ATD<code>; Qualcomm CDMA AT+CDV<code>, ATD<code>; when +CDV is refused', async () => {
    const hw = scripted({ 'ATD*2772*123456;': [] });
    expect(await huaweiCdma.dialServiceCode(hw, '*2772*123456')).toBe('ok');
    expect(hw.sent).toEqual(['ATD*2772*123456;']);
    const q = scripted({ 'AT+CDV*2772*123456': [] });
    expect(await genericCdma.dialServiceCode(q, '*2772*123456')).toBe('ok');
    expect(q.sent).toEqual(['AT+CDV*2772*123456']);
    const old = scripted({ 'ATD*2772*123456;': [] });
    expect(await genericCdma.dialServiceCode(old, '*2772*123456')).toBe('ok');
    expect(old.sent).toEqual(['AT+CDV*2772*123456', 'ATD*2772*123456;']);
    expect(await generic3gpp.dialServiceCode(scripted({}), '*2772*1')).toBe('error');
    await expect(generic3gpp.dialServiceCode(scripted({}), '*2772*1;ATH')).rejects.toMatchObject({ code: 'invalid_code' });
  });

  it('M-SIG-1/M-NUM-1 Sierra MC5725 (transcript 13): network from AT!STATUS, the MDN from ~NAMVAL?0', async () => {
    const ch = scripted({
      'AT!STATUS': ['Current band: Cellular Sleep', 'Current channel: 775', 'SID: 30  NID: 2  1xRoam: 0 HDRRoam: 0', 'Temp: 29  State: 200  Sys Mode: HDR', 'Pilot acquired', 'Modem has registered', 'HDR Revision: A'],
      'AT~NAMVAL?0': ['MDN: 0441234567', 'MIN: 0441234567'],
    });
    expect(await sierraCdma.network(ch)).toMatchObject({ mode: 'evdo-reva', roaming: false, sid: 30, nid: 2 });
    expect(await sierraCdma.number(ch)).toBe('441234567');
    const off = scripted({ 'AT!STATUS': ['Current band: PCS CDMA', 'Current channel: 350', 'SID: 0 NID: 0  Roaming: 0', 'Temp: 39  State: 100  Scan Mode: 0', 'Pilot NOT acquired', 'Modem has NOT registered'] });
    expect(await sierraCdma.network(off)).toMatchObject({ mode: 'no-service', sid: null, nid: null });
  });

  it('M-SIG-1 Huawei CDMA: 1x from ^CSQLVL when +CSQ is not answered, EV-DO from ^HDRCSQLVL, apart', async () => {
    const ch = scripted({ 'AT+CSQ': 'ERROR', 'AT^CSQLVL': ['^CSQLVL:40'], 'AT^HDRCSQLVL': ['^HDRCSQLVL:80'] });
    expect(await huaweiCdma.signal(ch)).toEqual({ cdma1x: { rssiDbm: -90, ecioDb: null }, evdo: { rssiDbm: -60, ecioDb: null, sinrDb: null }, gsm: null, bars: 5 });
    const none = scripted({ 'AT+CSQ': ['+CSQ: 99,99'] });
    expect(await huaweiCdma.signal(none)).toEqual({ cdma1x: null, evdo: null, gsm: null, bars: 0 });
  });
});
