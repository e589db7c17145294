// Which profile speaks to this stick: CDMA or 3GPP from +GCAP/ATI (ModemManager's
// capability markers), the vendor from the manufacturer (and, for VIA's rebadged
// modules, the model) string. Guarded: a modem that drops or babbles while it is being
// identified gives the generic profile of what is known, never an exception — the steps
// after it record what they cannot read.
import type { AtChannel } from '../at/at-channel-types';
import { ask } from './ask';
import { generic3gpp } from './generic-3gpp';
import { genericCdma } from './generic-cdma';
import { huawei3gpp } from './huawei-3gpp';
import { huaweiCdma } from './huawei-cdma';
import type { ModemProfile } from './modem-types';
import { identityField, normaliseManufacturer, parseAti, parseIdentityValue } from './parsers/identity';
import { sierraCdma } from './sierra-cdma';
import { isViaModem, viaCdma } from './via-cdma';
import { zte3gpp } from './zte-3gpp';
import { zteCdma } from './zte-cdma';

export const PROFILES: readonly ModemProfile[] = [huaweiCdma, zteCdma, sierraCdma, viaCdma, genericCdma, huawei3gpp, zte3gpp, generic3gpp];

/** +GCAP markers of IS-707 (CDMA 1x) and IS-856 (EV-DO); "+CIS707A" (C-Motech) without the dash too. */
export const isCdmaGcap = (g: string | null) => !!g && /CIS-?707|CIS-?856|IS-?856/i.test(g);

export function profileFor(manufacturer: string | null, cdma: boolean, model: string | null = null): ModemProfile {
  const m = normaliseManufacturer(manufacturer);
  if (cdma) {
    if (isViaModem(manufacturer, model)) return viaCdma;
    return m === 'huawei' ? huaweiCdma : m === 'zte' ? zteCdma : m === 'sierra' ? sierraCdma : genericCdma;
  }
  return m === 'huawei' ? huawei3gpp : m === 'zte' ? zte3gpp : generic3gpp;
}

const quietly = async (ch: AtChannel, command: string): Promise<string[]> => {
  try {
    return (await ask(ch, command)) ?? [];
  } catch {
    return [];
  }
};

export async function pickProfile(ch: AtChannel): Promise<ModemProfile> {
  const gcapLines = await quietly(ch, 'AT+GCAP');
  const atiLines = await quietly(ch, 'ATI');
  const ati = parseAti(atiLines);
  const gcap = gcapLines.join(' ') || ati.gcap;
  const manufacturer = ati.manufacturer ?? parseIdentityValue(await quietly(ch, 'AT+CGMI')) ?? parseIdentityValue(await quietly(ch, 'AT+GMI'));
  const model = ati.model ?? (atiLines.length === 1 ? identityField(atiLines[0]!) : null);
  // CDMA markers (+CIS707-A, IS-856); an ESN/MEID in ATI says CDMA too; +CGSM or an IMEI says 3GPP.
  const cdma = isCdmaGcap(gcap) || ((ati.esn !== null || ati.meid !== null) && ati.imei === null);
  return profileFor(manufacturer, cdma, model);
}
