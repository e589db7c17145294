import { describe, expect, it } from 'vitest';
import { ACCESS_TECH, barsFromQuality, cdmaRoaming, gppRoaming, modemStateName, networkModeFromAccessTech, portTypeName } from './mm-values';

describe('ModemManager values as the app\'s (as mmcli shows them for the virtual sticks)', () => {
  it.each([
    [ACCESS_TECH.oneXrtt | ACCESS_TECH.evdo0, 'evdo-rel0'], // huawei-ec: "1xrtt, evdo0"
    [ACCESS_TECH.oneXrtt, 'cdma1x'],
    [ACCESS_TECH.evdoa, 'evdo-reva'],
    [ACCESS_TECH.umts, 'umts'], // generic-3gpp: "umts"
    [ACCESS_TECH.hsdpa | ACCESS_TECH.umts, 'hspa'],
    [ACCESS_TECH.gsm, 'gsm'],
    [ACCESS_TECH.lte | ACCESS_TECH.umts, 'lte'],
    [0, 'no-service'],
    [1, 'unknown'], // MM_MODEM_ACCESS_TECHNOLOGY_POTS
  ])('access technologies %i → %s', (mask, mode) => expect(networkModeFromAccessTech(mask)).toBe(mode));
  it('modem states by number', () => {
    expect(modemStateName(8)).toBe('registered');
    expect(modemStateName(11)).toBe('connected');
    expect(modemStateName(-1)).toBe('failed');
    expect(modemStateName(42)).toBe('unknown');
  });
  it('roaming from the CDMA and 3GPP registration states', () => {
    expect(cdmaRoaming(2, 2)).toBe(false);
    expect(cdmaRoaming(1, 3)).toBe(true);
    expect(gppRoaming(1)).toBe(false);
    expect(gppRoaming(5)).toBe(true);
  });
  it('port types and bars at the 20 % steps', () => {
    expect(portTypeName(4)).toBe('qcdm');
    expect(portTypeName(3)).toBe('at');
    expect([0, 1, 20, 21, 40, 41, 80, 81, 100].map(barsFromQuality)).toEqual([0, 1, 1, 2, 2, 3, 4, 5, 5]);
  });
});
