// 3GPP sticks (Huawei E-series, ZTE MF-series, others): 27.007 registration and signal,
// Huawei's ^HCSQ/^SYSINFO where present, 27.005 text-mode SMS, *99# data.
import type { AtChannel } from '../at/at-channel-types';
import { ask, buildProfile, cnumMethod, deleteSmsGeneric, gppNetwork, readSmsTextMode, sendSmsTextMode } from './generic-base';
import type { ModemProfile, SignalReport } from './modem-types';
import { networkFromSysinfo, parseSysinfo } from './parsers/network';
import { barsFromDbm, parseCsqLike, parseHcsq } from './parsers/signal';

async function gppSignal(ch: AtChannel): Promise<SignalReport> {
  const h = ((await ask(ch, 'AT^HCSQ?')) ?? []).map(parseHcsq).find((x) => x !== null) ?? null;
  if (h && h.rat !== 'NOSERVICE') {
    const rssi = h.rssiDbm;
    return {
      cdma1x: null,
      evdo: null,
      gsm: rssi === null ? null : { rssiDbm: rssi },
      umts: h.rat === 'WCDMA' ? { rscpDbm: h.rscpDbm, ecioDb: h.ecioDb } : null,
      lte: h.rat === 'LTE' ? { rsrpDbm: h.rsrpDbm, rsrqDb: h.rsrqDb } : null,
      bars: barsFromDbm(rssi),
    };
  }
  const dbm = ((await ask(ch, 'AT+CSQ')) ?? []).map(parseCsqLike).find((x) => x !== null) ?? null;
  return { cdma1x: null, evdo: null, gsm: dbm === null ? null : { rssiDbm: dbm }, bars: barsFromDbm(dbm) };
}

export const generic3gpp: ModemProfile = buildProfile({
  id: 'generic-3gpp',
  tech: '3gpp',
  dialString: '*99#',
  signalUrcPrefixes: ['^RSSI', '^HCSQ', '^MODE', '+CREG', '+CGREG', '^SRVST'],
  numberMethods: [cnumMethod],
  network: gppNetwork,
  signal: gppSignal,
  sendSms: sendSmsTextMode,
  readSms: readSmsTextMode,
  deleteSms: deleteSmsGeneric,
});

/** Huawei E-series: ^SYSINFO tells the 3G sub-mode (HSPA) that +COPS does not. */
export const huawei3gpp: ModemProfile = {
  ...generic3gpp,
  id: 'huawei-3gpp',
  async network(ch) {
    const s = ((await ask(ch, 'AT^SYSINFO')) ?? []).map(parseSysinfo).find((x) => x !== null) ?? null;
    return s ? networkFromSysinfo(s) : gppNetwork(ch);
  },
};
