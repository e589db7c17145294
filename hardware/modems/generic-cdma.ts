// The generic Qualcomm-based CDMA stick (IS-707 + the ^-extensions most CDMA firmwares
// share): ^SYSINFO/+CAD? and ^CURRSID/+CSS? for the network, +CSQ for 1x with +ECIO? for
// its Ec/Io, ^HDRCSQ for EV-DO, 27.005 text-mode SMS, feature codes by AT+CDV. The MDN by
// the reference's practical order (at-commands.md §1.2): AT^MDN, then AT+CNUM, then
// Sierra-style AT~NAMVAL?0; each firmware lacks some of them. Vendor CDMA profiles are
// these parts with overrides (profile-builder.ts).
import { ask } from './ask';
import { cdmaNetwork, cdmaSignal } from './cdma-network';
import type { ModemProfile } from './modem-types';
import { cnumMethod, mdnMethod, namvalMethod } from './number-methods';
import { parseMeid } from './parsers/identity';
import { buildProfile, type ProfileParts } from './profile-builder';
import { deleteSmsGeneric, readSmsTextMode, sendSmsTextMode } from './sms-modes';

export const genericCdmaParts: ProfileParts = {
  id: 'generic-cdma',
  tech: 'cdma',
  dialString: '#777',
  signalUrcPrefixes: ['^RSSILVL', '^HRSSILVL', '^MODE'],
  numberMethods: [mdnMethod, cnumMethod, namvalMethod],
  // Qualcomm's CDMA dial is AT+CDV<number> (at-commands.md 1.7); firmwares without it take ATD<code>;.
  serviceDial: (code) => [`AT+CDV${code}`, `ATD${code};`],
  async identityExtras(ch, id) {
    return { ...id, meid: parseMeid((await ask(ch, 'AT^MEID')) ?? []) ?? id.meid };
  },
  network: cdmaNetwork,
  signal: (ch) => cdmaSignal(ch, { oneX: ['AT+CSQ'], evdo: ['AT^HDRCSQ'], ecio: ['AT+ECIO?'] }),
  sendSms: sendSmsTextMode,
  readSms: readSmsTextMode,
  deleteSms: deleteSmsGeneric,
};

export const genericCdma: ModemProfile = buildProfile(genericCdmaParts);
