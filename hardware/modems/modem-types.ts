// What a modem profile tells the rest of the app (M-ID-1, M-NUM-1, M-SIG-1, M-SMS-1,
// M-CALL-1). The shapes follow the `assa diag --json` contract (CONTRACTS.md) so the
// diagnostic report is these values serialised. Unknown values are null, never guessed.

import type { AtChannel } from '../at/at-channel-types';

export interface ModemIdentity {
  /** Lower case one word: huawei, zte, novatel, sierra, qualcomm, or what the modem says. */
  manufacturer: string | null;
  model: string | null;
  revision: string | null;
  hardwareVersion: string | null;
  /** Upper-case hex without 0x. */
  esn: string | null;
  meid: string | null;
  imei: string | null;
  imsi: string | null;
  prlVersion: string | null;
}

export type NetworkMode =
  | 'no-service'
  | 'cdma1x'
  | 'evdo-rel0'
  | 'evdo-reva'
  | 'evdo-revb'
  | 'gsm'
  | 'umts'
  | 'hspa'
  | 'lte'
  | 'unknown';

export interface NetworkStatus {
  mode: NetworkMode;
  roaming: boolean;
  sid: number | null;
  nid: number | null;
  /** 'limited' when the modem reports limited service (emergency only). */
  limited?: boolean;
}

export interface SignalReport {
  cdma1x: { rssiDbm: number; ecioDb: number | null } | null;
  evdo: { rssiDbm: number; ecioDb: number | null; sinrDb: number | null } | null;
  gsm: { rssiDbm: number } | null;
  umts?: { rscpDbm: number | null; ecioDb: number | null } | null;
  lte?: { rsrpDbm: number | null; rsrqDb: number | null } | null;
  /** 0..5 bars from the strongest present technology. */
  bars: number;
}

/** Cumulative counters of the current data session as the modem reports them (^DSFLOWRPT). */
export interface DataFlow {
  durationS: number;
  txBytes: number;
  rxBytes: number;
  txRateBps: number;
  rxRateBps: number;
}

export interface SmsMessage {
  index: number;
  from: string;
  text: string;
  /** UTC ISO, when the modem gives a time. */
  at: string | null;
  read: boolean;
}

export type RadioTech = 'cdma' | '3gpp';

export interface ModemProfile {
  /** e.g. 'huawei-cdma', 'zte-cdma', 'generic-3gpp'. */
  readonly id: string;
  readonly tech: RadioTech;
  /** Dial string for data: '#777' on CDMA, '*99#' on 3GPP. */
  readonly dialString: string;
  identity(ch: AtChannel): Promise<ModemIdentity>;
  /** MDN by every method the vendor supports, in order; national 9-digit form where Ukrainian. */
  number(ch: AtChannel): Promise<string | null>;
  signal(ch: AtChannel): Promise<SignalReport>;
  network(ch: AtChannel): Promise<NetworkStatus>;
  /** Parse one ^DSFLOWRPT-like URC line; null when the profile has none or the line is not one. */
  parseFlowReport(line: string): DataFlow | null;
  sendSms(ch: AtChannel, to: string, text: string): Promise<void>;
  readSms(ch: AtChannel): Promise<SmsMessage[]>;
  deleteSms(ch: AtChannel, index: number): Promise<void>;
  /** Dial a service code such as *2772*123456 (M-CALL-1); resolves with the final result kind. */
  dialServiceCode(ch: AtChannel, code: string): Promise<'ok' | 'busy' | 'no-answer' | 'no-carrier' | 'error'>;
  /** M-USSD-1 (3GPP): send a USSD string (or a menu answer); resolves with the network's reply. */
  ussd?(ch: AtChannel, code: string): Promise<{ status: number; text: string | null }>;
  /** M-USSD-1: end an open USSD session (the user's Cancel; 27.007 AT+CUSD=2). */
  ussdCancel?(ch: AtChannel): Promise<void>;
  /** Unsolicited prefixes that mean signal/network changed (so the app re-reads instead of polling). */
  readonly signalUrcPrefixes: readonly string[];
}
