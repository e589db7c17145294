// D-DIAL-1 on Linux: the options file and chat script we hand to pppd. The chat script's
// ABORT strings come first and in this order, because chat's exit status names the
// ABORT that matched (4 = first, 5 = second, ...), which is how a BUSY is told from a
// NO CARRIER after pppd has exited (pppd-exit.ts reads it back).
import type { DialProfile } from '../../shared/dial-profile';

export const CHAT_ABORTS = ['NO CARRIER', 'BUSY', 'NO DIALTONE', 'ERROR', 'NO ANSWER'] as const;

export function chatScript(profile: DialProfile): string {
  const lines = [
    ...CHAT_ABORTS.map((a) => `ABORT '${a}'`),
    'TIMEOUT 10',
    "'' 'AT'",
    "OK 'ATE0V1'",
  ];
  if (profile.kind === '3gpp' && profile.apn) lines.push(`OK 'AT+CGDCONT=1,"IP","${profile.apn}"'`);
  lines.push('TIMEOUT 60', `OK 'ATD${profile.number}'`, "CONNECT ''");
  return `${lines.join('\n')}\n`;
}

export interface PppdOptionsInput {
  dataPort: string;
  profile: DialProfile;
  chatScriptPath: string;
  chatBinary?: string;
  /** A unit number makes the interface name predictable: ppp<unit>. */
  unit?: number;
}

/** The options file. Secrets go in it (mode 0600), never on the command line where ps shows them. */
export function pppdOptions(input: PppdOptionsInput): string {
  const { profile } = input;
  const lines = [
    input.dataPort,
    '460800',
    'nodetach', // we watch pppd's output and exit code ourselves
    'debug',
    'logfd 2',
    'lock',
    'crtscts',
    'modem',
    'noauth', // we do not ask the network to authenticate to us
    'defaultroute',
    'usepeerdns',
    'noipdefault',
    'novj',
    'nobsdcomp',
    'nodeflate',
    'lcp-echo-interval 20',
    'lcp-echo-failure 4',
    'maxfail 1',
    `connect "${input.chatBinary ?? '/usr/sbin/chat'} -v -f ${input.chatScriptPath}"`,
  ];
  if (input.unit !== undefined) lines.push(`unit ${input.unit}`);
  if (profile.user) lines.push(`user "${profile.user}"`);
  if (profile.password) lines.push(`password "${profile.password}"`);
  return `${lines.join('\n')}\n`;
}
