// Sierra Wireless CDMA (AirCard 595U/597E/598U, MC5725): AT!STATUS for network, SID/NID
// and roaming (transcript 13); the MDN from NAM 0 with AT~NAMVAL?0 (ModemManager's Sierra
// plugin). Everything else as the generic Qualcomm CDMA modem.
import { ask, cnumMethod } from './generic-base';
import type { ModemProfile } from './modem-types';
import { parseNamvalMdn } from './parsers/number';
import { parseSierraStatus } from './parsers/vendor-status';
import { genericCdma } from './generic-cdma';

export const sierraCdma: ModemProfile = {
  ...genericCdma,
  id: 'sierra-cdma',
  async number(ch) {
    return parseNamvalMdn((await ask(ch, 'AT~NAMVAL?0')) ?? []) ?? (await cnumMethod(ch));
  },
  async network(ch) {
    const lines = await ask(ch, 'AT!STATUS');
    if (!lines) return genericCdma.network(ch);
    const { registered: _r, ...net } = parseSierraStatus(lines);
    return net;
  },
};
