import { describe, expect, it } from 'vitest';
import { encodeSubmitPdus, parseCmglPdu, parseDeliverPdu, parseStatusReportPdu } from './sms-pdu';

// The 23.040 SMS-DELIVER example every PDU tool is checked against (dreamfabric's
// "How are you?" from +31641600986, SMSC +31624000000).
const HOW_ARE_YOU = '07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07';
// A UCS2 SMS-DELIVER as a Ukrainian network sends it: national number type 91, +02:00 zone.
const UKR = '00040C918340143254860008621142210000802004110430043B0430043D04410020043F043E043F043E0432043D0435043D043E';

describe('M-SMS-1 3GPP PDU mode', () => {
  it('decodes a GSM 7-bit SMS-DELIVER with the international sender and UTC time', () => {
    expect(parseDeliverPdu(HOW_ARE_YOU)).toEqual({ from: '+31641600986', text: 'How are you?', at: '2002-08-26T19:37:41.000Z' });
  });

  it('decodes a UCS2 Ukrainian SMS-DELIVER, its +02:00 time to UTC', () => {
    expect(parseDeliverPdu(UKR)).toEqual({ from: '+380441234568', text: 'Баланс поповнено', at: '2026-11-24T10:00:00.000Z' });
  });

  it('reads a +CMGL PDU listing: unread/read, skips sent entries and garbage', () => {
    const got = parseCmglPdu(['+CMGL: 0,1,,24', HOW_ARE_YOU, '+CMGL: 1,3,,17', '0001000481722700000631D98C56B301', '+CMGL: 2,0,,50', UKR, '+CMGL: 3,0,,5', 'ZZZZ']);
    expect(got.map((m) => [m.index, m.from, m.text, m.read])).toEqual([
      [0, '+31641600986', 'How are you?', true],
      [2, '+380441234568', 'Баланс поповнено', false],
    ]);
  });

  it('reads the transcript 20 +CDS status report PDU (ModemManager capture)', () => {
    expect(parseStatusReportPdu('07914356060013F1065A098136395339F6219011700463802190117004638030')).toEqual({
      reference: 90, recipient: '639335936', status: 0x30, delivered: false, at: expect.stringMatching(/^2012-09-1[01]T/),
    });
    expect(parseStatusReportPdu(HOW_ARE_YOU)).toBeNull();
    expect(parseStatusReportPdu('07914356')).toBeNull();
  });

  it('encodes SMS-SUBMIT: 7-bit for ASCII, UCS2 for Ukrainian, parts for long text; length without the SMSC', () => {
    expect(encodeSubmitPdus('2772', '123456')).toEqual([{ hex: '0001000481722700000631D98C56B301', length: 15 }]);
    const [u] = encodeSubmitPdus('+380441234567', 'Привіт, світ');
    expect(u!.hex).toContain('0008'); // PID 00, DCS 08 = UCS2
    expect(parseDeliverPdu(u!.hex)).toBeNull(); // a SUBMIT is not a DELIVER
    expect(u!.length).toBe(u!.hex.length / 2 - 1);
    const long = encodeSubmitPdus('2772', 'x'.repeat(200));
    expect(long).toHaveLength(2);
    expect(long.every((p) => p.hex.startsWith('0041'))).toBe(true); // UDHI set: concatenated
  });
});
