// A-NUM-1: every input form the spec accepts becomes the 9-digit national number, and
// everything else is refused with a reason the form can turn into a field message.
import { describe, expect, it } from 'vitest';
import { formatNumber, normaliseNumber, toNationalOrNull } from './phone-number';

describe('A-NUM-1 normaliseNumber', () => {
  const accepted: Array<[string, string]> = [
    ['441234567', 'the canonical 9 digits'],
    ['0441234567', 'the domestic form with the trunk zero'],
    ['+380441234567', 'the international form'],
    ['380441234567', 'the international form without the plus'],
    ['80441234567', 'the old "8 0xx" domestic prefix'],
    ['044 123 45 67', 'spaces'],
    ['044-123-45-67', 'dashes'],
    ['(044) 123-45-67', 'brackets and dashes'],
    ['+38 (044) 123 45 67', 'international with brackets'],
    ['044.123.45.67', 'dots'],
    ['  0441234567  ', 'surrounding blanks'],
    ['044\u00a0123\u00a045\u00a067', 'non-breaking spaces (pasted from a web page)'],
  ];
  for (const [input, what] of accepted) {
    it(`A-NUM-1 accepts ${what}: ${JSON.stringify(input)} → 441234567`, () => {
      expect(normaliseNumber(input)).toEqual({ ok: true, number: '441234567' });
    });
  }

  const refused: Array<[string, string]> = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['044123456a', 'bad_characters'],
    ['044/1234567', 'bad_characters'],
    ['+0441234567', 'wrong_length'],
    ['44123456', 'wrong_length'],
    ['04412345678', 'wrong_length'],
    ['1441234567', 'wrong_length'],
    ['+48441234567', 'not_ukrainian'],
    ['481441234567', 'not_ukrainian'],
    ['044123456 7 8', 'wrong_length'],
    ['000000000', 'wrong_length'],
    ['3800441234567', 'wrong_length'],
  ];
  for (const [input, reason] of refused) {
    it(`A-NUM-1 refuses ${JSON.stringify(input)} as ${reason}`, () => {
      expect(normaliseNumber(input)).toEqual({ ok: false, reason });
    });
  }

  it('A-NUM-1 shows the canonical number back in the familiar grouping', () => {
    expect(formatNumber('441234567')).toBe('044 123 45 67');
  });

  it('A-NUM-1 toNationalOrNull keeps non-Ukrainian numbers out', () => {
    expect(toNationalOrNull('+380 44 123 45 67')).toBe('441234567');
    expect(toNationalOrNull('+48 22 123 45 67')).toBeNull();
  });
});
