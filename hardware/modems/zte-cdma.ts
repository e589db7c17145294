// ZTE AC-series CDMA (AC2726, AC8700, AC2736, AC580): Qualcomm-based, so the generic CDMA
// modem with ZTE's name kept when the firmware's ATI lacks it. No source documents a ZTE
// MDN command (reference §1.2): the generic order (^MDN, +CNUM, ~NAMVAL?0) usually ends in
// null and the number is left to ASSA's "find my number". "0x" ESNs on +GSN are parsed there.
import { genericCdmaParts } from './generic-cdma';
import type { ModemProfile } from './modem-types';
import { buildProfile } from './profile-builder';

export const zteCdma: ModemProfile = buildProfile({
  ...genericCdmaParts,
  id: 'zte-cdma',
  async identityExtras(ch, id) {
    const base = await genericCdmaParts.identityExtras!(ch, id);
    return { ...base, manufacturer: base.manufacturer ?? 'zte' };
  },
});
