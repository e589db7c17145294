import { describe, expect, it } from 'vitest';
import { cardExpired, luhnValid } from './card-rules';

// Test cards of Visa/Mastercard gateways and their Luhn digit.
const CARDS: Array<[string, boolean]> = [
  ['4111111111111111', true],
  ['4000000000000002', true],
  ['4000000000003220', true],
  ['5555555555554444', true],
  ['4111111111111112', false],
  ['41111111111', false], // too short
];

describe('card rules', () => {
  it.each(CARDS)('Luhn %s → %s', (n, ok) => expect(luhnValid(n)).toBe(ok));
  it('a card is valid through the last day of its month, Kyiv time', () => {
    // 2027-01-31 23:59 Kyiv = 21:59 UTC: a 01/27 card still works; at 00:00 Feb 1 Kyiv it is expired.
    expect(cardExpired('01/27', Date.parse('2027-01-31T21:59:59Z'))).toBe(false);
    expect(cardExpired('01/27', Date.parse('2027-01-31T22:00:00Z'))).toBe(true);
    expect(cardExpired('12/26', Date.parse('2027-01-15T10:00:00Z'))).toBe(true);
    expect(cardExpired('02/27', Date.parse('2027-01-15T10:00:00Z'))).toBe(false);
    expect(cardExpired('13/27', Date.parse('2027-01-15T10:00:00Z'))).toBe(true);
  });
});
