// A Qualcomm-based CDMA stick (IS-707 + Qualcomm's ^-extensions that most CDMA firmwares
// share): ^SYSINFO/^CURRSID/+CSS for the network, +CSQ for 1x and ^HDRCSQ for EV-DO,
// 27.005 text-mode SMS, feature codes by AT+CDV. The MDN by the reference's practical order (at-commands.md §1.2):
// AT^MDN, then AT+CNUM, then Sierra-style AT~NAMVAL?0; each firmware lacks some of them.
import type { AtChannel } from '../at/at-channel-types';
import { ask, buildProfile, cdmaNetwork, cdmaSignal, cnumMethod, deleteSmsGeneric, parseMeid, readSmsTextMode, sendSmsTextMode } from './generic-base';
import type { ModemProfile } from './modem-types';
import { parseMdn, parseNamvalMdn } from './parsers/number';

export const mdnMethod = async (ch: AtChannel) => parseMdn((await ask(ch, 'AT^MDN')) ?? []);
export const namvalMethod = async (ch: AtChannel) => parseNamvalMdn((await ask(ch, 'AT~NAMVAL?0')) ?? []);

export const genericCdma: ModemProfile = buildProfile({
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
  signal: (ch) => cdmaSignal(ch, ['AT^HDRCSQ']),
  sendSms: sendSmsTextMode,
  readSms: readSmsTextMode,
  deleteSms: deleteSmsGeneric,
});
