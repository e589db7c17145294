// The numbered rules of the new screens, each on both sides of its boundary: the signal
// history's window and size, the invoice months, hryvnias to kopecks, SMS folders, the
// dial profile chooser and the USSD "network waits" status.
import { describe, expect, it } from 'vitest';
import { addReading, HISTORY_MAX, HISTORY_MS, historyPath } from '../../../renderer/src/components/dashboard/SignalHistory';
import { inFolder, smsAddress } from '../../../renderer/src/components/messages/SmsInbox';
import { USSD_WAITS } from '../../../renderer/src/components/messages/UssdCard';
import { choose, isBuiltIn, newProfile, profilesOnOffer } from '../../../renderer/src/components/settings/DialProfiles';
import { lastMonths } from '../../../renderer/src/pages/account/InvoicesCard';
import { kop } from '../../../renderer/src/pages/account/PaymentsPage';
import { forwardingTarget } from '../../../renderer/src/pages/account/UtilitiesPage';
import { BUILT_IN_PROFILES, GENERIC_3GPP, INTERTELECOM_CDMA } from '../../../src/shared/dial-profile';

describe('signal history', () => {
  const t0 = Date.parse('2026-12-01T10:00:00Z');
  it('keeps readings of the last 10 minutes: one exactly 10 min old goes, one just younger stays', () => {
    expect(HISTORY_MS).toBe(600_000);
    const list = [{ at: t0 - HISTORY_MS, bars: 1 }, { at: t0 - HISTORY_MS + 1, bars: 2 }];
    expect(addReading(list, { at: t0, bars: 3 })).toEqual([{ at: t0 - HISTORY_MS + 1, bars: 2 }, { at: t0, bars: 3 }]);
  });
  it('keeps at most 300 readings', () => {
    expect(HISTORY_MAX).toBe(300);
    let list: Array<{ at: number; bars: number }> = [];
    for (let i = 0; i < 301; i++) list = addReading(list, { at: t0 + i, bars: i % 6 });
    expect(list).toHaveLength(300);
    expect(list[0]!.at).toBe(t0 + 1);
  });
  it('draws 5 bars at the top and the newest reading at the right edge', () => {
    expect(historyPath([{ at: t0, bars: 5 }, { at: t0 - HISTORY_MS / 2, bars: 0 }], t0)).toBe('300.0,0.0 150.0,80.0');
  });
});

describe('invoice months', () => {
  it('are this Kyiv month and the eleven before, across the year boundary', () => {
    // 22:30 UTC on 31 Dec is already 1 January in Kyiv.
    const m = lastMonths(Date.parse('2026-12-31T22:30:00Z'));
    expect(m).toHaveLength(12);
    expect(m.slice(0, 3)).toEqual(['2027-01', '2026-12', '2026-11']);
    expect(m[11]).toBe('2026-02');
    expect(lastMonths(Date.parse('2026-12-31T21:30:00Z'))[0]).toBe('2026-12');
  });
});

describe('amounts', () => {
  it.each([
    ['10', 1000],
    ['12,5', 1250],
    ['12.05', 1205],
    [' 7 ', 700],
  ])('%j UAH is %d kopecks', (typed, k) => expect(kop(typed)).toBe(k));
  it.each(['1.005', '', 'abc', '-5', '1e3'])('%j is not an amount', (typed) => expect(kop(typed)).toBeNaN());
});

describe('SMS', () => {
  const sms = [
    { index: 1, from: '2772', text: 'a', at: '2026-12-01T10:00:00Z', read: true },
    { index: 2, from: '+380441234568', text: 'Привіт', at: '2026-12-01T11:00:00Z', read: false },
  ];
  it('the unread folder holds the unread only; folders list newest first', () => {
    expect(inFolder(sms, 'unread').map((s) => s.index)).toEqual([2]);
    expect(inFolder(sms, 'inbox').map((s) => s.index)).toEqual([2, 1]);
  });
  it('an address typed with spaces and dashes is sent as sms.send takes it', () => expect(smsAddress('+380 (44) 123-45-68')).toBe('+380441234568'));
  it('USSD status 1 is the one where the network waits for an answer (27.007 +CUSD)', () => expect(USSD_WAITS).toBe(1));
});

describe('dial profiles', () => {
  const draft = { dial: { ...INTERTELECOM_CDMA }, dialProfiles: [] };
  it('offers the built-in CDMA #777 and 3G *99# profiles', () => {
    expect(profilesOnOffer(draft).map((p) => p.id)).toEqual(BUILT_IN_PROFILES.map((p) => p.id));
    expect(isBuiltIn(GENERIC_3GPP.id)).toBe(true);
  });
  it('a new own profile is chosen and listed; its password never goes in the list', () => {
    const p = { ...newProfile(draft, 'My profile'), password: 'pw' };
    expect(p.id).toBe('custom-1');
    const next = choose(draft, p);
    expect(next.dial).toEqual(p);
    expect(next.dialProfiles).toEqual([{ ...p, password: '' }]);
    expect(newProfile(next, 'My profile').id).toBe('custom-2');
    // Back to a built-in one: the own profile stays on offer.
    const back = choose(next, GENERIC_3GPP);
    expect(back.dial.id).toBe('generic-3gpp');
    expect(profilesOnOffer(back).map((x) => x.id)).toEqual(['intertelecom', 'generic-3gpp', 'custom-1']);
  });
});

describe('forwarding target', () => {
  it.each([
    ['+380 44 123 45 68', '441234568'],
    ['sip:olena@voip.example', 'sip:olena@voip.example'],
    ['sip:olena', 'sip:olena'],
  ])('%j is sent as %j', (typed, sent) => expect(forwardingTarget(typed)).toBe(sent));
});
