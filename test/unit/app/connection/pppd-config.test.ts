// D-DIAL-1: the options file and chat script handed to pppd.
import { describe, expect, it } from 'vitest';
import { chatScript, pppdOptions } from '../../../../src/app/connection/pppd-config';
import { GENERIC_3GPP, INTERTELECOM_CDMA, dialProfileProblems } from '../../../../src/shared/dial-profile';

describe('D-DIAL-1 pppd configuration', () => {
  it('dials #777 for CDMA with the ABORT strings first, in the order pppd-exit reads back', () => {
    const s = chatScript(INTERTELECOM_CDMA);
    expect(s.split('\n').slice(0, 5)).toEqual(["ABORT 'NO CARRIER'", "ABORT 'BUSY'", "ABORT 'NO DIALTONE'", "ABORT 'ERROR'", "ABORT 'NO ANSWER'"]);
    expect(s).toContain("OK 'ATD#777'");
    expect(s).toContain("CONNECT ''");
    expect(s).not.toContain('CGDCONT');
  });

  it('sets the APN before *99# for 3GPP', () => {
    const s = chatScript({ ...GENERIC_3GPP, apn: 'www.kyivstar.net' });
    expect(s.indexOf('AT+CGDCONT=1,"IP","www.kyivstar.net"')).toBeLessThan(s.indexOf("'ATD*99#'"));
  });

  it('puts the credentials in the options file, with nodetach and the chat script', () => {
    const o = pppdOptions({ dataPort: '/dev/ttyUSB0', profile: INTERTELECOM_CDMA, chatScriptPath: '/tmp/x/chat', unit: 3 }).split('\n');
    expect(o[0]).toBe('/dev/ttyUSB0');
    expect(o).toEqual(expect.arrayContaining(['nodetach', 'noauth', 'defaultroute', 'usepeerdns', 'user "IT"', 'password "IT"', 'unit 3', 'connect "/usr/sbin/chat -v -f /tmp/x/chat"']));
  });

  it('refuses profile values that could break out of the script or options file', () => {
    expect(dialProfileProblems(INTERTELECOM_CDMA)).toEqual([]);
    expect(dialProfileProblems({ ...INTERTELECOM_CDMA, number: '#777; rm -rf /' })).toContain('number');
    expect(dialProfileProblems({ ...INTERTELECOM_CDMA, password: 'a"\nconnect "sh' })).toContain('password');
    expect(dialProfileProblems({ ...GENERIC_3GPP, apn: null })).toContain('apn');
  });
});
