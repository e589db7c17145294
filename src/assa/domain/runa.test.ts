import { describe, expect, it } from 'vitest';
import { RUNA_TEXTS, runaFromDial, runaFromSms } from './runa';

describe('A-RUNA-1/2 activation forms and replies', () => {
  it('an SMS of six digits', () => {
    expect(runaFromSms('123456')).toBe('123456');
    expect(runaFromSms(' 000042 ')).toBe('000042');
    for (const bad of ['12345', '1234567', 'abcdef', '12 3456', '']) expect(runaFromSms(bad)).toBeNull();
  });
  it('dialled *2772*XXXXXX or 2772XXXXXX', () => {
    expect(runaFromDial('*2772*123456')).toBe('123456');
    expect(runaFromDial('2772123456')).toBe('123456');
    expect(runaFromDial('*2772*123456#')).toBe('123456');
    for (const bad of ['*2772*12345', '*2773*123456', '27721234567']) expect(runaFromDial(bad)).toBeNull();
  });
  it('the exact texts of A-RUNA-2', () => {
    expect(RUNA_TEXTS.activated('123456')).toBe('kod RUNA 123456 vdalo aktyvovan');
    expect(RUNA_TEXTS.malformed).toBe('kod RUNA ne aktyvovan. Pravylnyi format sms: AAAAAA, de A-tsyfra vid 0 do 9');
  });
});
