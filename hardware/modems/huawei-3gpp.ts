// Huawei E-series 3GPP sticks (E1550, E173, E3131): the generic 3GPP modem, except that
// ^SYSINFO tells the 3G sub-mode (HSPA) that +COPS does not (reference transcript 05).
import { read } from './ask';
import { generic3gppParts } from './generic-3gpp';
import { gppNetwork } from './gpp-network';
import type { ModemProfile } from './modem-types';
import { networkFromSysinfo, parseSysinfo } from './parsers/network';
import { buildProfile } from './profile-builder';

export const huawei3gpp: ModemProfile = buildProfile({
  ...generic3gppParts,
  id: 'huawei-3gpp',
  async network(ch) {
    const s = await read(ch, 'AT^SYSINFO', parseSysinfo);
    return s ? networkFromSysinfo(s) : gppNetwork(ch);
  },
});
