// M-ID-1: the identity every modem is read with (ModemManager's order): the ATI block
// first, then the single commands for what ATI left out (+CGMI before +GMI, and so on),
// the serial number from +GSN/+CGSN, the IMSI from +CIMI. ESN/MEID belong to CDMA, IMEI
// to 3GPP. Vendor profiles add their own extras (hardware/modems/profile-builder.ts).
import { CodedError } from '../../src/shared/errors';
import type { AtChannel } from '../at/at-channel-types';
import { ask, first } from './ask';
import type { ModemIdentity, RadioTech } from './modem-types';
import { normaliseManufacturer, parseAti, parseGsn, parseIdentityValue, parseImsi } from './parsers/identity';

/**
 * Reads every field it can. When the port or the time budget fails part-way, the rest is
 * null and the failure is thrown with what was read (`details.partial`), so a report
 * keeps the model it got before the modem dropped.
 */
export async function genericIdentity(ch: AtChannel, tech: RadioTech): Promise<ModemIdentity> {
  let failure: unknown = null;
  const tryAsk = async (command: string): Promise<string[] | null> => {
    if (failure) return null;
    try {
      return await ask(ch, command);
    } catch (e) {
      failure = e;
      return null;
    }
  };
  const value = (command: string) => async () => parseIdentityValue((await tryAsk(command)) ?? []);
  const ati = parseAti((await tryAsk('ATI')) ?? []);
  const manufacturer = ati.manufacturer ?? (await first(value('AT+CGMI'), value('AT+GMI')));
  const model = ati.model ?? (await first(value('AT+CGMM'), value('AT+GMM')));
  const revision = ati.revision ?? (await first(value('AT+CGMR'), value('AT+GMR')));
  const gsn = parseGsn((await tryAsk('AT+GSN')) ?? (await tryAsk('AT+CGSN')) ?? []);
  const id: ModemIdentity = {
    manufacturer: normaliseManufacturer(manufacturer),
    model,
    revision,
    hardwareVersion: null,
    esn: tech === 'cdma' ? (gsn.esn ?? ati.esn) : null,
    meid: tech === 'cdma' ? (gsn.meid ?? ati.meid) : null,
    imei: tech === '3gpp' ? (gsn.imei ?? ati.imei) : null,
    imsi: parseImsi((await tryAsk('AT+CIMI')) ?? []),
    prlVersion: null,
  };
  if (failure) throw withPartial(failure, id);
  return id;
}

/** The failure as a coded error carrying what was read before it. */
export function withPartial<T>(failure: unknown, partial: T): CodedError {
  const f = failure as { code?: string; message?: string };
  return new CodedError(f.code ?? 'error', f.message ?? String(failure), { details: { partial } });
}
