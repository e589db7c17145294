// VIA Telecom CBP-based CDMA modules (CBP7.x, the Fusion 2770p; ModemManager's VIA plugin
// matches them by these product strings): the generic CDMA modem, but the network is read
// VIA's way — ^SYSINFOEX/^SYSINFO, +CREG? in its CDMA layout with SID and NID, +CSNID?,
// +VROM? for roaming (transcript 06) — and the EV-DO level arrives as ^HRSSILVL.
import { cdmaSignal, viaCdmaNetwork } from './cdma-network';
import { genericCdmaParts } from './generic-cdma';
import type { ModemProfile } from './modem-types';
import { buildProfile } from './profile-builder';

export const viaCdma: ModemProfile = buildProfile({
  ...genericCdmaParts,
  id: 'via-cdma',
  signalUrcPrefixes: ['^HRSSILVL', '^RSSILVL', '^MODE', '+CREG'],
  network: viaCdmaNetwork,
  signal: (ch) => cdmaSignal(ch, { oneX: ['AT+CSQ'], evdo: ['AT^HDRCSQ'], ecio: [] }),
});

/** VIA's own name, or the product strings ModemManager's VIA plugin matches (cbp7, fusion 2770p). */
export function isViaModem(manufacturer: string | null, model: string | null): boolean {
  const m = `${manufacturer ?? ''} ${model ?? ''}`.toLowerCase();
  return /\bvia\b|\bcbp\s*\d|fusion|2770p/.test(m);
}
