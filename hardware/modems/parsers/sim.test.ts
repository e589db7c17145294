import { describe, expect, it } from 'vitest';
import { parseCpin, parseVmccmnc } from './sim';

describe('SIM / R-UIM parsers (reference §1.4)', () => {
  it.each([
    ['+CPIN: READY', 'ready'],
    ['+CPIN: SIM PIN', 'pin'],
    ['+CPIN: SIM PUK', 'puk'],
    ['+CPIN:READY', 'ready'], // Huawei CDMA R-UIM, no space (MC509)
    ['+CPIN:R-UIM PIN', 'pin'],
    ['+CPIN:R-UIM PUK', 'puk'],
    ['+CPIN: SIM PIN2 ', 'pin2'],
    ['+CPIN: PH-NET PIN', 'other'],
  ])('%s → %s', (line, state) => expect(parseCpin([line])).toBe(state));

  it('no +CPIN line is unknown, not guessed', () => expect(parseCpin(['OK'])).toBeNull());

  it('VIA +VMCCMNC:0,310,00 keeps the MNC leading zero', () => {
    expect(parseVmccmnc('+VMCCMNC:0,310,00')).toEqual({ mcc: '310', mnc: '00' });
    expect(parseVmccmnc('+VMCCMNC:0,255,04')).toEqual({ mcc: '255', mnc: '04' });
    expect(parseVmccmnc('+VMCCMNC:')).toBeNull();
  });
});
