import { describe, expect, it } from 'vitest';
import { parseRunaReply, pickRuna } from './runa-reply';

describe('A-RUNA-2 replies from 2772', () => {
  it.each([
    ['kod RUNA 123456 vdalo aktyvovan', { kind: 'activated', code: '123456' }],
    ['kod RUNA 000042 vdalo aktyvovan.', { kind: 'activated', code: '000042' }],
    ['  KOD RUNA 987654   vdalo  aktyvovan ', { kind: 'activated', code: '987654' }],
    ['kod RUNA ne aktyvovan. Pravylnyi format sms: AAAAAA, de A-tsyfra vid 0 do 9', { kind: 'refused' }],
  ])('reads %j', (text, want) => {
    expect(parseRunaReply(text)).toEqual(want);
  });

  it.each(['kod RUNA 12345 vdalo aktyvovan', 'Your balance is 29.00 UAH', '', 'kod RUNA 1234567 vdalo aktyvovan'])('ignores %j', (text) => {
    expect(parseRunaReply(text)).toBeNull();
  });

  it('A-RUNA-1 picks six digits, keeping leading zeros', () => {
    expect(pickRuna(() => 42)).toBe('000042');
    expect(pickRuna(() => 999_999)).toBe('999999');
  });
});
