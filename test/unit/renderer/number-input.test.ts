// One number form (A-NUM-1) on every screen: what the field says under itself for each
// form a person may type, and what the form sends.
import { describe, expect, it } from 'vitest';
import { numberFeedback, numberForServer } from '../../../renderer/src/components/forms/NumberInput';

describe('NumberInput', () => {
  it.each(['0441234567', '+380441234567', '380441234567', '441234567', '+380 (44) 123-45-67', '044.123.45.67', '80441234567'])('%s reads as 044 123 45 67 and is sent as 441234567', (typed) => {
    expect(numberFeedback(typed, false)).toEqual({ ok: true, key: 'numberForm.reads', number: '044 123 45 67' });
    expect(numberForServer(typed)).toBe('441234567');
  });
  it('says what is wrong only once the person has left the field', () => {
    expect(numberFeedback('04412345', false)).toBeNull();
    expect(numberFeedback('04412345', true)).toEqual({ ok: false, key: 'numberForm.wrong_length' });
    expect(numberFeedback('+48 123 456 789', true)).toEqual({ ok: false, key: 'numberForm.not_ukrainian' });
    expect(numberFeedback('044-abc', true)).toEqual({ ok: false, key: 'numberForm.bad_characters' });
    expect(numberFeedback('', true)).toBeNull();
    expect(numberForServer('04412345')).toBeNull();
  });
  it('nine digits is the boundary: eight and ten (without the trunk 0) are not a number', () => {
    expect(numberForServer('44123456')).toBeNull();
    expect(numberForServer('441234567')).toBe('441234567');
    expect(numberForServer('4412345678')).toBeNull();
  });
});
