import { describe, expect, it } from 'vitest';
import { parseFinalResult } from './final-result';

describe('M-AT-1 final result codes', () => {
  it.each([
    ['OK', { kind: 'ok' }],
    ['ERROR', { kind: 'error' }],
    ['COMMAND NOT SUPPORT', { kind: 'error' }], // Huawei EC-series, reference §1.9
    ['+CME ERROR: 10', { kind: 'cme-error', code: 10, text: '10' }],
    ['+CME ERROR: SIM not inserted', { kind: 'cme-error', code: null, text: 'SIM not inserted' }],
    ['+CMS ERROR: 303', { kind: 'cms-error', code: 303, text: '303' }],
    ['MODEM ERROR: 3', { kind: 'cme-error', code: 3, text: 'MODEM ERROR: 3' }], // Motorola EZX (ModemManager's serial parser)
    ['MODEM ERROR:100', { kind: 'cme-error', code: 100, text: 'MODEM ERROR: 100' }],
    ['NA', { kind: 'cme-error', code: 3, text: 'NA' }], // Samsung Z810
    ['+CME ERROR: operation not supported', { kind: 'cme-error', code: null, text: 'operation not supported' }],
    ['NO CARRIER', { kind: 'no-carrier' }],
    ['BUSY', { kind: 'busy' }],
    ['NO ANSWER', { kind: 'no-answer' }],
    ['NO DIALTONE', { kind: 'no-dialtone' }],
    ['CONNECT', { kind: 'connect', speed: null }],
    ['CONNECT 3600000', { kind: 'connect', speed: '3600000' }], // transcript 16 (wvdial)
    ['CONNECT 115200/V42', { kind: 'connect', speed: '115200/V42' }],
  ])('%s', (line, want) => expect(parseFinalResult(line)).toEqual(want));

  it.each(['^RSSI:12', 'EC121', 'OK-ish', '+CSQ: 21,99', 'CONNECTED TO HOST', '0', 'NAM', 'MODEM ERROR', 'NA: 1'])('%s is not a final result', (line) => {
    expect(parseFinalResult(line)).toBeNull();
  });
});
