// Why NetworkManager's data call failed, as the app's connection codes. NM tells it as the
// device's NMDeviceStateReason (the reason of its StateChanged to FAILED); the numbers are
// NM's public D-Bus API (nm-dbus-interface.h, stable since NM 1.0). Only the ones a modem
// call can end with are named; the rest is "link_failed" with NM's number kept for support.
import { existsSync } from 'node:fs';
import { CodedError } from '../../shared/errors';
import { CONNECTION_MESSAGES } from '../connection/pppd-exit';

/** NMDeviceState values the dialler looks at. */
export const NM_DEVICE_STATE = { disconnected: 30, prepare: 40, config: 50, needAuth: 60, ipConfig: 70, activated: 100, deactivating: 110, failed: 120 } as const;

/** NMDeviceStateReason → the connection code a user can act on. */
export const NM_REASON_CODES: Readonly<Record<number, string>> = {
  7: 'ppp_auth_refused', // NO_SECRETS: NM had no login/password for the network's PAP/CHAP
  12: 'ppp_failed', // PPP_START_FAILED
  13: 'modem_hangup', // PPP_DISCONNECT
  14: 'ppp_failed', // PPP_FAILED
  23: 'busy', // MODEM_BUSY
  24: 'no_dialtone', // MODEM_NO_DIAL_TONE
  25: 'no_carrier', // MODEM_NO_CARRIER
  26: 'chat_timeout', // MODEM_DIAL_TIMEOUT
  27: 'modem_error', // MODEM_DIAL_FAILED
  28: 'modem_error', // MODEM_INIT_FAILED
  30: 'not_registered', // GSM_REGISTRATION_NOT_SEARCHING
  31: 'not_registered', // GSM_REGISTRATION_DENIED
  32: 'not_registered', // GSM_REGISTRATION_TIMEOUT
  33: 'not_registered', // GSM_REGISTRATION_FAILED
  36: 'modem_unplugged', // REMOVED
  43: 'modem_unplugged', // MODEM_NOT_FOUND
  52: 'mm_not_running', // MODEM_MANAGER_UNAVAILABLE
  57: 'modem_error', // MODEM_FAILED
};

/**
 * The coded error for a failed NM activation. PPP failures are told apart by what this machine
 * has: NM runs pppd on the same host as the app, so a missing /dev/ppp is the reason there.
 */
export function nmFailure(reason: number, o: { devPpp?: string; has?: (p: string) => boolean } = {}): CodedError {
  let code = NM_REASON_CODES[reason] ?? 'link_failed';
  if (code === 'ppp_failed') code = (o.has ?? existsSync)(o.devPpp ?? '/dev/ppp') ? 'link_failed' : 'no_kernel_ppp';
  const message = code === 'mm_not_running' ? 'ModemManager is not running.' : (CONNECTION_MESSAGES[code] ?? CONNECTION_MESSAGES.link_failed!);
  return new CodedError(code, message, { details: { networkManagerReason: reason } });
}
