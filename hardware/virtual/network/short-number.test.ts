import { describe, expect, it } from 'vitest';
import { isShortNumberDial } from './short-number';

describe('A-RUNA-1 dialled codes to 2772', () => {
  it('takes *2772*XXXXXX and 2772XXXXXX, not other numbers', () => {
    expect(isShortNumberDial('*2772*123456')).toBe(true);
    expect(isShortNumberDial('2772123456')).toBe(true);
    expect(isShortNumberDial('*2772*12')).toBe(true); // ASSA judges the format and answers "invalid number"
    expect(isShortNumberDial('#777')).toBe(false);
    expect(isShortNumberDial('0441234567')).toBe(false);
    expect(isShortNumberDial('2772')).toBe(false);
  });
});
