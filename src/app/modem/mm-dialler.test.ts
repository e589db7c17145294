import { describe, expect, it } from 'vitest';
import { bearerBytes, parseMmStats } from './mm-dialler';

describe('ModemManager bearer counters as the traffic meter\'s flow', () => {
  it.each([
    // mmcli -b 0 -K on a QMI stick: bearer.stats.bytes-rx / bytes-tx / duration
    [{ 'rx-bytes': 123456, 'tx-bytes': 7890, duration: 42 }, { rxBytes: 123456, txBytes: 7890, durationS: 42 }],
    [{ 'rx-bytes': 0, 'tx-bytes': 0, duration: 1 }, { rxBytes: 0, txBytes: 0, durationS: 1 }],
    // a PPP bearer on an AT port (the virtual huawei-ec under MM 1.20): zeros and no duration over D-Bus
    [{ 'start-date': 1796168972, attempts: 1, 'rx-bytes': 0, 'tx-bytes': 0, duration: 0 }, null],
    [{ 'start-date': 1796168972, attempts: 1 }, null],
    [undefined, null],
  ])('Stats %j', (stats, want) => expect(bearerBytes(stats)).toEqual(want));
  it('the ^MMSTATS report round-trips; anything else is not a flow report', () => {
    expect(parseMmStats('^MMSTATS: 123456,7890,42')).toEqual({ rxBytes: 123456, txBytes: 7890, durationS: 42, rxRateBps: 0, txRateBps: 0 });
    expect(parseMmStats('^DSFLOWRPT:00000002,000005DC,00002EE0,0000000000000BD6,0000000000005EB0,0000BB80,00046500')).toBeNull();
    expect(parseMmStats('^MMSTATS: -1,2,3')).toBeNull();
  });
});
