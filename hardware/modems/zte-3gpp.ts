// ZTE MF-series 3GPP sticks (MF626, MF190, MF668): registration and roaming from +CREG
// (27.007) like any 3GPP modem, the technology from ZTE's AT+ZPAS? (ModemManager's ZTE
// plugin, reference transcript 14), which names HSPA/EDGE where +COPS often gives none.
import { read } from './ask';
import { generic3gppParts } from './generic-3gpp';
import { gppNetwork } from './gpp-network';
import type { ModemProfile } from './modem-types';
import { parseZpas } from './parsers/vendor-status';
import { buildProfile } from './profile-builder';

export const zte3gpp: ModemProfile = buildProfile({
  ...generic3gppParts,
  id: 'zte-3gpp',
  // +ZPAS "NO SERVICE" while a domain says registered: the registration wins (mode from <AcT>/+COPS).
  network: (ch) => gppNetwork(ch, (c) => read(c, 'AT+ZPAS?', parseZpas)),
});
