// The app's own unread marks and its one announcement per message (issue 18).
import { describe, expect, it } from 'vitest';
import { SmsUnread } from './sms-unread';

const sms = (index: number, read: boolean, text = 'kod RUNA 410805') => ({ index, from: '2772', text, at: '2026-12-02T04:06:00.000Z', read });

describe('SmsUnread', () => {
  it('keeps a message unread after the stick marked it read on listing, until it is opened', () => {
    const u = new SmsUnread();
    expect(u.mark([sms(0, false)])[0]!.read).toBe(false);
    // the second listing: the stick says read (the first CMGL did that); the app still says unread
    expect(u.mark([sms(0, true)])[0]!.read).toBe(false);
    u.opened(0);
    expect(u.mark([sms(0, true)])[0]!.read).toBe(true);
  });
  it('announces each message once, however often the memory is read while it is unread', () => {
    const u = new SmsUnread();
    expect([u.firstNews(sms(0, false)), u.firstNews(sms(0, false)), u.firstNews(sms(1, false))]).toEqual([true, false, true]);
    // a new message at a reused index is news again
    expect(u.firstNews(sms(0, false, 'another text'))).toBe(true);
  });
  it('a message announced by its report is unread in the next list even if the stick says read', () => {
    const u = new SmsUnread();
    u.firstNews(sms(3, false));
    expect(u.mark([sms(3, true)])[0]!.read).toBe(false);
  });
});
