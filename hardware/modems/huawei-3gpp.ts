// Huawei E-series 3GPP sticks (E1550, E173, E3131): the generic 3GPP modem, except that
// ^SYSINFO tells the 3G sub-mode (HSPA) that +COPS does not (reference transcript 05).
import { ask, gppNetwork } from './generic-base';
import { generic3gpp } from './generic-3gpp';
import type { ModemProfile } from './modem-types';
import { networkFromSysinfo, parseSysinfo } from './parsers/network';

export const huawei3gpp: ModemProfile = {
  ...generic3gpp,
  id: 'huawei-3gpp',
  async network(ch) {
    const s = ((await ask(ch, 'AT^SYSINFO')) ?? []).map(parseSysinfo).find((x) => x !== null) ?? null;
    return s ? networkFromSysinfo(s) : gppNetwork(ch);
  },
};
