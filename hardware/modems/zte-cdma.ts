// ZTE AC-series CDMA (AC2726, AC8700, AC2736, AC580): Qualcomm-based; no documented MDN
// command (reference §1.2), so +CNUM and then ASSA's "find my number"; 27.005 text-mode
// SMS; ^HDRCSQ for EV-DO; "0x" ESNs on +GSN.
import { ask, buildProfile, cdmaNetwork, cdmaSignal, cnumMethod, deleteSmsGeneric, parseMeid, readSmsTextMode, sendSmsTextMode } from './generic-base';
import type { ModemProfile } from './modem-types';

export const zteCdma: ModemProfile = buildProfile({
  id: 'zte-cdma',
  tech: 'cdma',
  dialString: '#777',
  signalUrcPrefixes: ['^RSSILVL', '^HRSSILVL', '^MODE'],
  numberMethods: [cnumMethod],
  async identityExtras(ch, id) {
    return { ...id, manufacturer: id.manufacturer ?? 'zte', meid: parseMeid((await ask(ch, 'AT^MEID')) ?? []) ?? id.meid };
  },
  network: cdmaNetwork,
  signal: (ch) => cdmaSignal(ch, ['AT^HDRCSQ']),
  sendSms: sendSmsTextMode,
  readSms: readSmsTextMode,
  deleteSms: deleteSmsGeneric,
});

/** A Qualcomm-based CDMA stick of another brand: the same commands, no vendor extras. */
export const genericCdma: ModemProfile = { ...zteCdma, id: 'generic-cdma' };
