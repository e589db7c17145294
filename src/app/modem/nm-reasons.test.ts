import { describe, expect, it } from 'vitest';
import { nmFailure } from './nm-reasons';

describe('NetworkManager device-state reasons as connection codes', () => {
  // the reason numbers and nmcli's words for them (nmcli -f GENERAL.REASON device show), NM 1.42
  it.each([
    [14, 'PPP failed', false, 'no_kernel_ppp'],
    [14, 'PPP failed', true, 'link_failed'],
    [12, 'The PPP service failed to start', false, 'no_kernel_ppp'],
    [13, 'The PPP service quit unexpectedly', true, 'modem_hangup'],
    [7, 'Secrets were required, but not provided', true, 'ppp_auth_refused'],
    [23, 'The modem is busy', true, 'busy'],
    [25, 'The modem could not find a carrier', true, 'no_carrier'],
    [31, 'The GSM network denied registration', true, 'not_registered'],
    [36, 'The device was removed', true, 'modem_unplugged'],
    [52, 'ModemManager is unavailable', true, 'mm_not_running'],
    [64, 'a reason no modem call ends with', true, 'link_failed'],
  ])('reason %i (%s), /dev/ppp there: %s → %s', (reason, _words, devPpp, code) => {
    const e = nmFailure(reason, { has: () => devPpp });
    expect(e.code).toBe(code);
    expect(e.details).toEqual({ networkManagerReason: reason });
    expect(e.message.length).toBeGreaterThan(10);
  });
});
