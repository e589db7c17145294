// pppd's own lines (pppd 2.4.9, `nodetach debug`) read into phases, addresses and failures.
import { describe, expect, it } from 'vitest';
import { explainPppdExit } from '../../../../src/app/connection/pppd-exit';
import { parsePppdLine } from '../../../../src/app/connection/pppd-log';

describe('pppd log lines', () => {
  const table: Array<[string, unknown]> = [
    ['Script /usr/sbin/chat -v -f /tmp/chat finished (pid 2211), status = 0x0', { kind: 'chat-status', status: 0 }],
    ['Script /usr/sbin/chat -v -f /tmp/chat finished (pid 2402), status = 0x4', { kind: 'chat-status', status: 4 }],
    ['Serial connection established.', { kind: 'phase', phase: 'connected-serial' }],
    ['Using interface ppp0', { kind: 'interface', name: 'ppp0' }],
    ['Connect: ppp1 <--> /dev/ttyUSB0', { kind: 'interface', name: 'ppp1' }],
    ['sent [LCP ConfReq id=0x1 <asyncmap 0x0> <magic 0x6e4c0b0c> <pcomp> <accomp>]', { kind: 'phase', phase: 'negotiating' }],
    ['sent [PAP AuthReq id=0x1 user="IT" password=<hidden>]', { kind: 'phase', phase: 'authenticating' }],
    ['CHAP authentication succeeded', { kind: 'phase', phase: 'authenticated' }],
    ['PAP authentication failed', { kind: 'failure', code: 'ppp_auth_refused', line: 'PAP authentication failed' }],
    ['local  IP address 10.71.12.34', { kind: 'local-ip', ip: '10.71.12.34' }],
    ['remote IP address 10.64.64.64', { kind: 'remote-ip', ip: '10.64.64.64' }],
    ['primary   DNS address 193.41.60.1', { kind: 'dns', ip: '193.41.60.1' }],
    ['Failed to open /dev/ttyUSB0: Permission denied', { kind: 'failure', code: 'port_permission', line: 'Failed to open /dev/ttyUSB0: Permission denied' }],
    ['Device ttyUSB0 is locked by pid 1987', { kind: 'failure', code: 'port_busy', line: 'Device ttyUSB0 is locked by pid 1987' }],
    ["Couldn't open the /dev/ppp device: No such file or directory", { kind: 'failure', code: 'no_kernel_ppp', line: "Couldn't open the /dev/ppp device: No such file or directory" }],
    ['No response to 4 echo-requests', { kind: 'failure', code: 'peer_not_responding', line: 'No response to 4 echo-requests' }],
    ['Modem hangup', { kind: 'failure', code: 'modem_hangup', line: 'Modem hangup' }],
    ['rcvd [IPCP ConfAck id=0x2 <addr 10.71.12.34>]', null],
    ['', null],
  ];
  for (const [line, want] of table) {
    it(`reads ${JSON.stringify(line).slice(0, 60)}`, () => expect(parsePppdLine(line)).toEqual(want));
  }
});

describe('D-DIAL-1 each failure has its own reason', () => {
  const none = { failures: [], chatStatus: null };
  it('names the ABORT that chat matched', () => {
    expect(explainPppdExit(8, { failures: [], chatStatus: 4 })).toBe('no_carrier');
    expect(explainPppdExit(8, { failures: [], chatStatus: 5 })).toBe('busy');
    expect(explainPppdExit(8, { failures: [], chatStatus: 6 })).toBe('no_dialtone');
    expect(explainPppdExit(8, { failures: [], chatStatus: 3 })).toBe('chat_timeout');
  });
  it('prefers the line pppd printed, then its exit code', () => {
    expect(explainPppdExit(19, { failures: ['ppp_auth_refused'], chatStatus: 0 })).toBe('ppp_auth_refused');
    expect(explainPppdExit(19, none)).toBe('ppp_auth_refused');
    expect(explainPppdExit(4, none)).toBe('no_kernel_ppp');
    expect(explainPppdExit(6, none)).toBe('port_busy');
    expect(explainPppdExit(16, none)).toBe('modem_hangup');
    expect(explainPppdExit(1, none)).toBe('link_failed');
  });
});
