// Sierra Wireless CDMA (AirCard 595U/597E/598U/AC580, MC5725): AT!STATUS for network,
// SID/NID and roaming (transcript 13) and the Ec/Io where its layout prints one; the MDN
// from NAM 0 with AT~NAMVAL?0 (ModemManager's Sierra plugin). Everything else as the
// generic Qualcomm CDMA modem.
import { ask } from './ask';
import { cdmaSignal } from './cdma-network';
import { genericCdmaParts } from './generic-cdma';
import type { ModemProfile } from './modem-types';
import { cnumMethod, namvalMethod } from './number-methods';
import { parseEcio } from './parsers/signal';
import { parseSierraStatus } from './parsers/vendor-status';
import { buildProfile } from './profile-builder';

export const sierraCdma: ModemProfile = buildProfile({
  ...genericCdmaParts,
  id: 'sierra-cdma',
  numberMethods: [namvalMethod, cnumMethod],
  async network(ch) {
    const lines = await ask(ch, 'AT!STATUS');
    if (!lines) return genericCdmaParts.network(ch);
    const { registered: _r, ...net } = parseSierraStatus(lines);
    return net;
  },
  async signal(ch) {
    const s = await cdmaSignal(ch, { oneX: ['AT+CSQ'], evdo: ['AT^HDRCSQ'], ecio: ['AT+ECIO?'] });
    if (!s.cdma1x || s.cdma1x.ecioDb !== null) return s;
    // !STATUS was read for the network a moment ago: the support record makes this free when it is refused.
    const ecio = ((await ask(ch, 'AT!STATUS')) ?? []).map(parseEcio).find((x) => x !== null) ?? null;
    return { ...s, cdma1x: { ...s.cdma1x, ecioDb: ecio } };
  },
});
