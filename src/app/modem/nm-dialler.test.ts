import { describe, expect, it } from 'vitest';
import { GENERIC_3GPP, INTERTELECOM_CDMA } from '../../shared/dial-profile';
import { plain } from './mm-dbus';
import { nmSettings } from './nm-dialler';

describe('NetworkManager connection settings of a dial profile', () => {
  it('CDMA: the dial number and the PAP/CHAP login, never autoconnected', () => {
    expect(plain(nmSettings(INTERTELECOM_CDMA, 'u-1'))).toEqual({
      connection: { id: 'ASSA: Intertelecom (CDMA #777)', uuid: 'u-1', type: 'cdma', autoconnect: false },
      cdma: { number: '#777', username: 'IT', password: 'IT' },
      ipv4: { method: 'auto' },
      ipv6: { method: 'ignore' },
    });
  });
  it('3GPP: the APN; an empty login is left out (NM would ask for secrets otherwise)', () => {
    expect(plain(nmSettings(GENERIC_3GPP, 'u-2'))).toMatchObject({ connection: { type: 'gsm' }, gsm: { apn: 'internet' } });
    expect(plain(nmSettings(GENERIC_3GPP, 'u-2'))).not.toHaveProperty('gsm.username');
  });
});
