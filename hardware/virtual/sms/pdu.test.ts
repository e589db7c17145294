import { describe, expect, it } from 'vitest';
import { decodeSubmit, encodeDeliver, fitsGsm7 } from './pdu';

describe('V-4 3GPP SMS PDUs (23.040) for the 3GPP profile', () => {
  it('encodes an SMS-DELIVER in the GSM 7-bit alphabet with the Kyiv timestamp', () => {
    const d = encodeDeliver({ from: '2772', text: 'hellohello', time: { year: 2026, month: 1, day: 15, hour: 12, minute: 0, second: 5 }, offsetMin: 120 });
    // 00 no SMSC | 04 DELIVER | 04 81 7227 (semi-octets of 2772) | 00 PID | 00 DCS | 62 10 51 21 00 50 80 SCTS | 0A septets | packed "hellohello"
    expect(d.hex).toBe('000404817227000062105121005080' + '0A' + 'E8329BFD4697D9EC37');
    expect(d.tpduLength).toBe(24);
  });
  it('switches to UCS-2 for Cyrillic (Unicode) text', () => {
    expect(fitsGsm7('kod RUNA 123456 vdalo aktyvovan')).toBe(true);
    expect(fitsGsm7('код')).toBe(false);
    const d = encodeDeliver({ from: '+380441234567', text: 'код', time: { year: 2026, month: 7, day: 1, hour: 0, minute: 0, second: 0 }, offsetMin: 180 });
    expect(d.hex).toContain('0008'); // PID 00, DCS 08 = UCS-2
    expect(d.hex.endsWith('06043A043E0434')).toBe(true);
  });
  it('decodes an SMS-SUBMIT in 7-bit and in UCS-2', () => {
    // SMSC 00 | 11 SUBMIT+VPF relative | 00 MR | 04 81 7227 (semi-octets of 2772) | 00 | 00 | AA VP | 06 septets "123456"
    expect(decodeSubmit('0011000481722700' + '00AA06' + '31D98C56B301')).toEqual({ to: '2772', text: '123456' });
    expect(decodeSubmit('0001000C9183401432547600080604100431043C')).toEqual({ to: '+380441234567', text: 'Абм' });
  });
  it('refuses text that is not a PDU', () => {
    expect(() => decodeSubmit('zz')).toThrow();
    expect(() => decodeSubmit('0004000481722700000131')).toThrow(/SUBMIT/);
  });
});
