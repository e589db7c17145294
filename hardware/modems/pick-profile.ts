// Which profile speaks to this stick: CDMA or 3GPP from +GCAP/ATI (ModemManager's
// capability markers), the vendor from the manufacturer string.
import type { AtChannel } from '../at/at-channel-types';
import { ask, isCdmaGcap } from './generic-base';
import { generic3gpp } from './generic-3gpp';
import { genericCdma } from './generic-cdma';
import { huawei3gpp } from './huawei-3gpp';
import { huaweiCdma } from './huawei-cdma';
import type { ModemProfile } from './modem-types';
import { normaliseManufacturer, parseAti, parseIdentityValue } from './parsers/identity';
import { sierraCdma } from './sierra-cdma';
import { zte3gpp } from './zte-3gpp';
import { zteCdma } from './zte-cdma';

export const PROFILES: readonly ModemProfile[] = [huaweiCdma, zteCdma, sierraCdma, genericCdma, huawei3gpp, zte3gpp, generic3gpp];

export function profileFor(manufacturer: string | null, cdma: boolean): ModemProfile {
  const m = normaliseManufacturer(manufacturer);
  if (cdma) return m === 'huawei' ? huaweiCdma : m === 'zte' ? zteCdma : m === 'sierra' ? sierraCdma : genericCdma;
  return m === 'huawei' ? huawei3gpp : m === 'zte' ? zte3gpp : generic3gpp;
}

export async function pickProfile(ch: AtChannel): Promise<ModemProfile> {
  const gcapLines = (await ask(ch, 'AT+GCAP')) ?? [];
  const ati = parseAti((await ask(ch, 'ATI')) ?? []);
  const gcap = gcapLines.join(' ') || ati.gcap;
  const manufacturer = ati.manufacturer ?? parseIdentityValue((await ask(ch, 'AT+GMI')) ?? []);
  // CDMA markers (+CIS707-A, IS-856); an ESN/MEID in ATI says CDMA too; +CGSM or an IMEI says 3GPP.
  const cdma = isCdmaGcap(gcap) || ((ati.esn !== null || ati.meid !== null) && ati.imei === null);
  return profileFor(manufacturer, cdma);
}
