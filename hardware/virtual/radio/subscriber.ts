// The simulated subscriber (APP.md V-2): number and device identities. Defaults are the
// identities of the real devices in ../shared/reference/ (EC121 ESN 12de4fa6, transcript
// 01; MC509 spec MEID A0C72311111111, transcript 18) and the first demo subscriber of
// CONTRACTS.md (441234567).

export interface Subscriber {
  /** MDN as the network knows it: 9-digit national Ukrainian form (A-NUM-1). */
  number: string;
  /** CDMA: 8 hex digits. */
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

export function makeSubscriber(number: string = DEFAULT_NUMBER, over: Partial<Subscriber> = {}): Subscriber {
  if (!/^\d{9,15}$/.test(number)) throw new RangeError(`subscriber number must be 9-15 digits, got "${number}"`);
  return {
    number,
    esn: '12de4fa6',
    meid: 'A0C72311111111',
    imei: '353490069873985',
    // MCC 255 (Ukraine), 2 digits IMSI_11_12, then the 10-digit MIN (last 10 of the MDN with a leading 0)
    imsi: `25504${number.padStart(10, '0').slice(-10)}`,
    prl: 10021,
    sid: 2162,
    nid: 1,
    ...over,
  };
}
