// Why pppd stopped, in words a user can act on. pppd's exit codes are from pppd(8)
// "EXIT STATUS"; chat's status names the ABORT string that matched (chat(8)).
import { CodedError } from '../../shared/errors';
import { CHAT_ABORTS } from './pppd-config';
import type { PppdFailure } from './pppd-log';

export const CONNECTION_MESSAGES: Record<string, string> = {
  pppd_missing: 'pppd is not installed. Install it with: sudo apt install ppp',
  port_permission: 'No permission to open the modem port. Add yourself to the dialout group: sudo usermod -aG dialout $USER (then log in again).',
  port_open_failed: 'The modem port could not be opened.',
  port_busy: 'The modem port is in use by another program (ModemManager, a vendor dashboard, minicom).',
  no_kernel_ppp: 'This system has no PPP support in the kernel (/dev/ppp is missing).',
  no_carrier: 'NO CARRIER: the network did not accept the call. Check coverage and that the account is active.',
  busy: 'BUSY: the network is busy. Try again in a minute.',
  no_dialtone: 'NO DIALTONE: the modem is not registered on the network.',
  modem_error: 'The modem refused the dial command (ERROR).',
  no_answer: 'NO ANSWER from the network.',
  chat_timeout: 'The modem did not answer while dialling.',
  ppp_auth_refused: 'The network refused the login and password (PPP authentication failed). Check the dial profile.',
  not_registered: 'The modem is not registered on the network (no service).',
  modem_hangup: 'The modem hung up: the connection dropped.',
  peer_not_responding: 'The network stopped answering: the connection dropped.',
  lcp_failed: 'The link could not be negotiated with the network.',
  connect_script_failed: 'The dial script failed.',
  link_failed: 'The connection failed.',
};

const CHAT_ABORT_CODES: Record<(typeof CHAT_ABORTS)[number], string> = {
  'NO CARRIER': 'no_carrier',
  BUSY: 'busy',
  'NO DIALTONE': 'no_dialtone',
  ERROR: 'modem_error',
  'NO ANSWER': 'no_answer',
};

export function connectionError(code: string, details?: Record<string, unknown>): CodedError {
  return new CodedError(code, CONNECTION_MESSAGES[code] ?? CONNECTION_MESSAGES.link_failed!, details ? { details } : {});
}

/** The most specific reason: a failure line pppd printed, else chat's status, else pppd's exit code. */
export function explainPppdExit(exitCode: number | null, seen: { failures: PppdFailure[]; chatStatus: number | null }): string {
  // "Connect script failed" only says that chat failed; chat's status says why.
  const specific = seen.failures.find((f) => f !== 'connect_script_failed');
  if (specific) return specific;
  if (seen.chatStatus !== null && seen.chatStatus !== 0) {
    if (seen.chatStatus === 3) return 'chat_timeout';
    const abort = CHAT_ABORTS[seen.chatStatus - 4];
    if (abort) return CHAT_ABORT_CODES[abort];
  }
  if (seen.failures.length > 0) return seen.failures[0]!;
  switch (exitCode) {
    case 4:
      return 'no_kernel_ppp';
    case 6:
      return 'port_busy';
    case 7:
      return 'port_open_failed';
    case 8:
      return 'connect_script_failed';
    case 10:
      return 'lcp_failed';
    case 11:
    case 19:
      return 'ppp_auth_refused';
    case 15:
      return 'peer_not_responding';
    case 16:
      return 'modem_hangup';
    default:
      return 'link_failed';
  }
}
