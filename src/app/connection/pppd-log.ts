// Reads pppd's own messages (as printed with `nodetach debug logfd 2`, pppd 2.4/2.5) into
// events: the phases the UI shows while connecting, the interface and addresses the
// traffic meter needs, and the failures that get their own message.

export type PppdLogEvent =
  | { kind: 'phase'; phase: 'dialling' | 'connected-serial' | 'negotiating' | 'authenticating' | 'authenticated' | 'ip-up' | 'terminating' }
  | { kind: 'interface'; name: string }
  | { kind: 'local-ip'; ip: string }
  | { kind: 'remote-ip'; ip: string }
  | { kind: 'dns'; ip: string }
  | { kind: 'chat-status'; status: number }
  | { kind: 'failure'; code: PppdFailure; line: string };

export type PppdFailure = 'ppp_auth_refused' | 'port_permission' | 'port_busy' | 'no_kernel_ppp' | 'modem_hangup' | 'peer_not_responding' | 'lcp_failed' | 'connect_script_failed';

const RULES: Array<[RegExp, (m: RegExpMatchArray, line: string) => PppdLogEvent]> = [
  [/^Script .*chat.* finished \(pid \d+\), status = (0x[0-9a-f]+|\d+)/i, (m) => ({ kind: 'chat-status', status: Number(m[1]) })],
  [/^Serial connection established/i, () => ({ kind: 'phase', phase: 'connected-serial' })],
  [/^Using interface (\S+)/i, (m) => ({ kind: 'interface', name: m[1] ?? '' })],
  [/^Connect: (\S+) <--> /i, (m) => ({ kind: 'interface', name: m[1] ?? '' })],
  [/^sent \[LCP ConfReq/i, () => ({ kind: 'phase', phase: 'negotiating' })],
  [/^sent \[(PAP AuthReq|CHAP Response)/i, () => ({ kind: 'phase', phase: 'authenticating' })],
  [/^(PAP|CHAP) authentication succeeded/i, () => ({ kind: 'phase', phase: 'authenticated' })],
  [/^(PAP|CHAP) authentication failed|^rcvd \[PAP AuthNak|^rcvd \[CHAP Failure/i, (_m, line) => ({ kind: 'failure', code: 'ppp_auth_refused', line })],
  [/^local\s+IP address (\d+\.\d+\.\d+\.\d+)/i, (m) => ({ kind: 'local-ip', ip: m[1] ?? '' })],
  [/^remote IP address (\d+\.\d+\.\d+\.\d+)/i, (m) => ({ kind: 'remote-ip', ip: m[1] ?? '' })],
  [/^(primary|secondary)\s+DNS address (\d+\.\d+\.\d+\.\d+)/i, (m) => ({ kind: 'dns', ip: m[2] ?? '' })],
  [/^Failed to open \S+: Permission denied/i, (_m, line) => ({ kind: 'failure', code: 'port_permission', line })],
  [/^Device \S+ is locked by pid|^Can't create lock file|Device or resource busy/i, (_m, line) => ({ kind: 'failure', code: 'port_busy', line })],
  [/lacks kernel support for PPP|Couldn't open the \/dev\/ppp device/i, (_m, line) => ({ kind: 'failure', code: 'no_kernel_ppp', line })],
  [/^Modem hangup/i, (_m, line) => ({ kind: 'failure', code: 'modem_hangup', line })],
  [/^No response to \d+ echo-requests/i, (_m, line) => ({ kind: 'failure', code: 'peer_not_responding', line })],
  [/^LCP: timeout sending Config-Requests/i, (_m, line) => ({ kind: 'failure', code: 'lcp_failed', line })],
  [/^Connect script failed/i, (_m, line) => ({ kind: 'failure', code: 'connect_script_failed', line })],
  [/^(Terminating on signal|Connection terminated)/i, () => ({ kind: 'phase', phase: 'terminating' })],
];

export function parsePppdLine(raw: string): PppdLogEvent | null {
  const line = raw.trim();
  for (const [re, make] of RULES) {
    const m = line.match(re);
    if (m) return make(m, line);
  }
  return null;
}
