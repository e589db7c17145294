// D-DIAL-1 on Windows: the dial-up entry rasdial reads, written to a private phonebook
// file (rasphone.pbk format) so the user's own entries are never touched. The modem is
// addressed by its TAPI device name (e.g. "HUAWEI Mobile Connect - 3G Modem") and COM port.
import type { DialProfile } from '../../shared/dial-profile';

export const RAS_ENTRY = 'ASSA mobile internet';

export function rasPhonebook(opts: { profile: DialProfile; comPort: string; deviceName: string }): string {
  const clean = (s: string) => s.replace(/[\r\n[\]]/g, '');
  return [
    `[${RAS_ENTRY}]`,
    'Encoding=1',
    'Type=1',
    'MEDIA=rastapi',
    `Port=${clean(opts.comPort)}`,
    `Device=${clean(opts.deviceName)}`,
    'DEVICE=modem',
    `PhoneNumber=${clean(opts.profile.number)}`,
    'IpPrioritizeRemote=1',
    'PreviewUserPw=0',
    'PreviewPhoneNumber=0',
    '',
  ].join('\r\n');
}

/** rasdial's "Remote Access error NNN" numbers mapped to the app's connection codes. */
const RAS_ERRORS: Record<number, string> = {
  619: 'link_failed',
  633: 'port_busy',
  676: 'busy',
  678: 'no_answer',
  680: 'no_dialtone',
  691: 'ppp_auth_refused',
  692: 'port_open_failed',
  718: 'peer_not_responding',
  777: 'chat_timeout',
  797: 'port_open_failed',
};

/** Reads rasdial's output (English Windows) for its error number; null when it connected. */
export function rasdialFailure(output: string, exitCode: number | null): { code: string; rasError: number | null } | null {
  const m = /(?:Remote Access error|error)\s+(\d{3})\b/i.exec(output);
  const n = m ? Number(m[1]) : exitCode && exitCode !== 0 ? exitCode : null;
  if (n === null) return /Command completed successfully|Successfully connected/i.test(output) || exitCode === 0 ? null : { code: 'link_failed', rasError: null };
  return { code: RAS_ERRORS[n] ?? 'link_failed', rasError: n };
}
