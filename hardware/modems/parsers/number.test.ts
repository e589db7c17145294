import { describe, expect, it } from 'vitest';
import { parseCnum, parseMdn, parseNamvalMdn } from './number';

describe('M-NUM-1 number parsers', () => {
  it('^MDN in its bare, quoted and 10-digit forms → the 9-digit national number', () => {
    expect(parseMdn(['^MDN:441234567'])).toBe('441234567');
    expect(parseMdn(['^MDN: "0441234567"'])).toBe('441234567');
    expect(parseMdn(['^MDN:380941234567'])).toBe('941234567');
    expect(parseMdn(['^MDN:0000000000'])).toBeNull();
    expect(parseMdn(['COMMAND NOT SUPPORT'])).toBeNull();
  });

  it('+CNUM lines (reference §1.2 test strings), foreign numbers kept as given', () => {
    expect(parseCnum(['+CNUM: "something","1234567890",161'])).toBe('1234567890');
    expect(parseCnum(['+CNUM: ,"+34600000001",145'])).toBe('+34600000001');
    expect(parseCnum(['+CNUM: "Own","+380441234567",145'])).toBe('441234567');
    expect(parseCnum([])).toBeNull();
  });

  it('Sierra ~NAMVAL?0 MDN', () => {
    expect(parseNamvalMdn(['MDN: 0441234567', 'MIN: 0441234567', 'SID: 4145'])).toBe('441234567');
  });
});
