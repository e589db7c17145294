import { describe, expect, it } from 'vitest';
import { commandPrefix, urcPrefixOf } from './urc-prefixes';

describe('M-AT-1 unsolicited reports', () => {
  it.each([
    ['^DSFLOWRPT:000014F4,00000000,00000000,000000000001949A,0000000000021E14,0003E800,000FA000', '^DSFLOWRPT'], // transcript 09
    ['^RSSI:12', '^RSSI'],
    ['^HRSSILVL:60', '^HRSSILVL'],
    ['^MODE:2,4', '^MODE'],
    ['^BOOT:95216501,0,0,0,6', '^BOOT'],
    ['+CMTI: "SM",0', '+CMTI'],
    ['RING', 'RING'],
    ['+CREG: 1', '+CREG'],
  ])('%s → %s', (line, prefix) => expect(urcPrefixOf(line, null)).toBe(prefix));

  it('an answer to the command in flight is not a URC (AT+CREG? → +CREG: 0,1)', () => {
    expect(urcPrefixOf('+CREG: 0,1', commandPrefix('AT+CREG?'))).toBeNull();
    expect(urcPrefixOf('^RSSI:14', commandPrefix('AT^RSSI?'))).toBeNull();
  });

  it('ordinary answers are not URCs', () => {
    for (const l of ['+CSQ: 21,99', '^SYSINFO:2,3,0,8,1', 'Manufacturer: HUAWEI', 'RINGTONE: 3']) expect(urcPrefixOf(l, null)).toBeNull();
  });

  it('names the command prefix', () => {
    expect([commandPrefix('AT+CREG?'), commandPrefix('at^sysinfo'), commandPrefix('ATI'), commandPrefix('AT$QCMDN?')]).toEqual(['+CREG', '^SYSINFO', null, '$QCMDN']);
  });
});
