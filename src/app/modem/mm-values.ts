// ModemManager's enumerations as the app's values (pure functions; the numbers are MM's
// D-Bus API, ModemManager-enums.h of 1.20): access technologies, modem and registration
// states, SMS states, port types.
import type { NetworkMode } from '../../../hardware/modems/modem-types';

/** MMModemAccessTechnology bits. */
export const ACCESS_TECH = { gsm: 1 << 1, umts: 1 << 5, hsdpa: 1 << 6, hsupa: 1 << 7, hspa: 1 << 8, hspaPlus: 1 << 9, oneXrtt: 1 << 10, evdo0: 1 << 11, evdoa: 1 << 12, evdob: 1 << 13, lte: 1 << 14 } as const;

/** The best technology in an access-technologies mask, in the app's terms. */
export function networkModeFromAccessTech(mask: number): NetworkMode {
  if (mask & ACCESS_TECH.lte) return 'lte';
  if (mask & ACCESS_TECH.evdob) return 'evdo-revb';
  if (mask & ACCESS_TECH.evdoa) return 'evdo-reva';
  if (mask & ACCESS_TECH.evdo0) return 'evdo-rel0';
  if (mask & (ACCESS_TECH.hsdpa | ACCESS_TECH.hsupa | ACCESS_TECH.hspa | ACCESS_TECH.hspaPlus)) return 'hspa';
  if (mask & ACCESS_TECH.umts) return 'umts';
  if (mask & ACCESS_TECH.oneXrtt) return 'cdma1x';
  if (mask & ACCESS_TECH.gsm) return 'gsm';
  return mask === 0 ? 'no-service' : 'unknown';
}

/** MMModemState: -1 failed, 0 unknown, ... 8 registered, 10 connecting, 11 connected. */
export const MODEM_STATE = { failed: -1, unknown: 0, initializing: 1, locked: 2, disabled: 3, disabling: 4, enabling: 5, enabled: 6, searching: 7, registered: 8, disconnecting: 9, connecting: 10, connected: 11 } as const;

export function modemStateName(n: number): keyof typeof MODEM_STATE | 'unknown' {
  return (Object.entries(MODEM_STATE).find(([, v]) => v === n)?.[0] as keyof typeof MODEM_STATE | undefined) ?? 'unknown';
}

/** MMModemCdmaRegistrationState: 0 unknown, 1 registered, 2 home, 3 roaming. */
export function cdmaRoaming(state1x: number, stateEvdo: number): boolean {
  return state1x === 3 || stateEvdo === 3;
}

/** MMModem3gppRegistrationState: 1 home, 5 roaming (6/7 SMS-only, 9/10 CSFB-not-preferred). */
export function gppRoaming(state: number): boolean {
  return state === 5 || state === 7 || state === 10;
}

/** MMSmsState: 3 received, 2 receiving, 0 unknown, 1 stored, 4 sending, 5 sent. */
export const SMS_STATE = { unknown: 0, stored: 1, receiving: 2, received: 3, sending: 4, sent: 5 } as const;

/** MMModemPortType: 2 net, 3 at, 4 qcdm, 5 gps, 6 qmi, 7 mbim, 8 audio, 9 ignored. */
export function portTypeName(n: number): string {
  return ({ 2: 'net', 3: 'at', 4: 'qcdm', 5: 'gps', 6: 'qmi', 7: 'mbim', 8: 'audio', 9: 'ignored' } as Record<number, string>)[n] ?? 'unknown';
}

/** MM's signal quality (percent) as 0..5 bars. */
export function barsFromQuality(percent: number): number {
  if (percent <= 0) return 0;
  return Math.max(1, Math.min(5, Math.ceil(percent / 20)));
}
