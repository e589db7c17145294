import { describe, expect, it } from 'vitest';
import { decodeGsm7Packed, decodeUcs2Hex, encodeGsm7Packed, parseCusd } from './ussd';

describe('M-USSD-1 replies', () => {
  it('unpacks GSM 7-bit (23.038 example "hellohello" and a balance text)', () => {
    expect(decodeGsm7Packed('E8329BFD4697D9EC37')).toBe('hellohello');
    expect(decodeGsm7Packed(encodeGsm7Packed('Balance 29.00 UAH'))).toBe('Balance 29.00 UAH');
    expect(encodeGsm7Packed('*100#')).toBe('AA180C3602'); // the form widely quoted for *100#
  });

  it('reads +CUSD with plain, GSM 7-bit and UCS2 text', () => {
    expect(parseCusd('+CUSD: 0,"Vash balans 29.00 grn",15')).toEqual({ status: 0, text: 'Vash balans 29.00 grn', dcs: 15 });
    expect(parseCusd(`+CUSD: 1,"${encodeGsm7Packed('1. Balance 2. Tariff')}",15`)).toEqual({ status: 1, text: '1. Balance 2. Tariff', dcs: 15 });
    const ucs = Buffer.from('Баланс 29.00 грн', 'utf16le').swap16().toString('hex').toUpperCase();
    expect(parseCusd(`+CUSD: 0,"${ucs}",72`)?.text).toBe('Баланс 29.00 грн');
    expect(decodeUcs2Hex('041F04400438043204350442')).toBe('Привет');
    expect(parseCusd('+CUSD: 4')).toEqual({ status: 4, text: null, dcs: null });
    expect(parseCusd('+CSQ: 1,2')).toBeNull();
  });
});
