// The simulated subscriber (APP.md V-2): number and device identities. Defaults: the MEID
// of the MC509 spec (A0C72311111111, transcript 18) and the first demo subscriber of
// CONTRACTS.md (441234567). A device that has a MEID has no true ESN: it reports the
// pseudo-ESN derived from the MEID (3GPP2 S.R0048: 0x80 followed by the 24 least significant
// bits of the SHA-1 of the 56-bit MEID), so ESN and MEID always agree as on a real stick.
import { createHash } from 'node:crypto';

export interface Subscriber {
  /** MDN as the network knows it: 9-digit national Ukrainian form (A-NUM-1). */
  number: string;
  /** CDMA: 8 hex digits (the pseudo-ESN of `meid` unless given). */
  esn: string;
  /** CDMA: 14 hex digits. */
  meid: string;
  /** 3GPP: 15 digits. */
  imei: string;
  /** 15 digits: CDMA IMSI_M (MCC 255 + MIN) or 3GPP IMSI. */
  imsi: string;
  /** CDMA preferred roaming list version. */
  prl: number;
  sid: number;
  nid: number;
}

export const DEFAULT_NUMBER = '441234567';

export const DEFAULT_MEID = 'A0C72311111111';

/** The pseudo-ESN of a MEID (lower-case hex, 8 digits): "FF000001123456" -> "800737e1" (the S.R0048 example). */
export function pseudoEsn(meid: string): string {
  if (!/^[0-9A-Fa-f]{14}$/.test(meid)) throw new RangeError(`MEID must be 14 hex digits, got "${meid}"`);
  const digest = createHash('sha1').update(Buffer.from(meid, 'hex')).digest('hex');
  return `80${digest.slice(-6)}`;
}

export function makeSubscriber(number: string = DEFAULT_NUMBER, over: Partial<Subscriber> = {}): Subscriber {
  if (!/^\d{9,15}$/.test(number)) throw new RangeError(`subscriber number must be 9-15 digits, got "${number}"`);
  const meid = over.meid ?? DEFAULT_MEID;
  return {
    number,
    esn: pseudoEsn(meid),
    meid,
    imei: '353490069873985',
    // MCC 255 (Ukraine), 2 digits IMSI_11_12, then the 10-digit MIN (last 10 of the MDN with a leading 0)
    imsi: `25504${number.padStart(10, '0').slice(-10)}`,
    prl: 10021,
    sid: 2162,
    nid: 1,
    ...over,
  };
}
