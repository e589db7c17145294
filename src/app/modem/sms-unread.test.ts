// The app's own unread marks and its one announcement per message (issue 18).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryDb } from '../history/history-db';
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

  describe('across a restart (the marks kept in a real history.db)', () => {
    const dirs: string[] = [];
    afterEach(() => {
      for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
    });
    const file = () => {
      const d = fs.mkdtempSync(path.join(os.tmpdir(), 'assa-sms-marks-'));
      dirs.push(d);
      return path.join(d, 'history.db');
    };

    it('a message never opened is still unread after the app restarts, and is not announced again', () => {
      const f = file();
      const before = new HistoryDb(f);
      const u = new SmsUnread(before);
      expect(u.firstNews(sms(0, false))).toBe(true);
      u.mark([sms(0, true), sms(1, false, 'opened before the restart')]);
      u.opened(1);
      before.close();
      const after = new HistoryDb(f);
      const again = new SmsUnread(after);
      // the stick now says read for both (it marked them when the app listed them)
      expect(again.mark([sms(0, true), sms(1, true, 'opened before the restart')]).map((m) => m.read)).toEqual([false, true]);
      expect(again.firstNews(sms(0, false))).toBe(false);
      after.close();
    });

    it('opening or deleting a message forgets its marks for good', () => {
      const f = file();
      const h = new HistoryDb(f);
      const u = new SmsUnread(h);
      u.firstNews(sms(0, false));
      u.firstNews(sms(1, false, 'deleted'));
      u.opened(0);
      u.mark([sms(0, true)]); // message 1 is gone from the memory
      expect(h.loadSmsMarks()).toEqual([{ key: expect.stringMatching(/^0\u0000/), unread: false, announced: true }]);
      h.close();
      const reopened = new HistoryDb(f);
      expect(new SmsUnread(reopened).mark([sms(0, true)])[0]!.read).toBe(true);
      reopened.close();
    });
  });
});
