import { describe, expect, it } from 'vitest';
import { INTERTELECOM_CDMA } from '../../shared/dial-profile';
import { rasdialFailure, rasPhonebook, RAS_ENTRY } from './ras-phonebook';

describe('D-DIAL-1 Windows RAS dialler pieces', () => {
  it('writes a modem phonebook entry dialling #777 on the stick\'s COM port', () => {
    const pbk = rasPhonebook({ profile: INTERTELECOM_CDMA, comPort: 'COM7', deviceName: 'HUAWEI Mobile Connect - 3G Modem' });
    expect(pbk.split('\r\n')).toEqual(expect.arrayContaining([`[${RAS_ENTRY}]`, 'MEDIA=rastapi', 'Port=COM7', 'Device=HUAWEI Mobile Connect - 3G Modem', 'DEVICE=modem', 'PhoneNumber=#777']));
  });

  it('cannot be made to start a second section from a device name', () => {
    const pbk = rasPhonebook({ profile: INTERTELECOM_CDMA, comPort: 'COM7', deviceName: 'x\r\n[evil]\r\nPhoneNumber=0' });
    expect(pbk.match(/^\[/gm)).toHaveLength(1);
  });

  // rasdial's English output on Windows 10 for common dial-up failures.
  it.each([
    ['Connecting to ASSA mobile internet...\r\nVerifying username and password...\r\nRemote Access error 691 - Access was denied because the username and/or password was invalid on the domain.', 691, 'ppp_auth_refused'],
    ['Connecting to ASSA mobile internet...\r\nRemote Access error 678 - The remote computer did not respond.', 678, 'no_answer'],
    ['Remote Access error 676 - The phone line is busy.', 676, 'busy'],
    ['Remote Access error 680 - There was no dial tone.', 680, 'no_dialtone'],
    ['Remote Access error 633 - The modem (or other connecting device) is already in use or is not configured properly.', 633, 'port_busy'],
  ])('reads %j', (out, n, code) => {
    expect(rasdialFailure(out, n)).toEqual({ code, rasError: n });
  });

  it('reads a successful dial as no failure', () => {
    expect(rasdialFailure('Connecting to ASSA mobile internet...\r\nRegistering your computer on the network...\r\nSuccessfully connected to ASSA mobile internet.\r\nCommand completed successfully.', 0)).toBeNull();
  });
});
