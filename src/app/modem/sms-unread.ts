// Unread marks that last until the user opens the message (issue 18). A stick marks a message
// read the moment anything lists it (27.005 +CMGL, Huawei ^HCMGL), and the app lists the
// memory itself on every new-message report, so the modem's own flag is gone before anyone
// has seen the message. The app keeps its own: a message is unread from when it was first
// seen unread until sms.markRead (or delete). The same list says which messages were
// already announced, so one message is one "New SMS" however often it is read again.
import type { SmsMessage } from '../../../hardware/modems/modem-types';

/** One message in the modem's memory: an index is reused after a delete, so it is not enough. */
export const smsKey = (m: Pick<SmsMessage, 'index' | 'from' | 'at' | 'text'>) => `${m.index}\u0000${m.from}\u0000${m.at ?? ''}\u0000${m.text}`;

export class SmsUnread {
  private readonly unread = new Set<string>();
  private readonly announced = new Set<string>();

  /** The modem's list with the app's marks: unread while the app has not seen it opened. */
  mark(list: readonly SmsMessage[]): SmsMessage[] {
    const present = new Set(list.map(smsKey));
    for (const k of [...this.unread]) if (!present.has(k)) this.unread.delete(k);
    return list.map((m) => {
      const k = smsKey(m);
      if (!m.read) this.unread.add(k);
      return { ...m, read: !this.unread.has(k) };
    });
  }

  /** True the first time this message is news (then it is announced once), false after. */
  firstNews(m: SmsMessage): boolean {
    const k = smsKey(m);
    this.unread.add(k);
    if (this.announced.has(k)) return false;
    this.announced.add(k);
    return true;
  }

  /** The user opened (or deleted) the message at this index. */
  opened(index: number): void {
    for (const k of [...this.unread]) if (k.startsWith(`${index}\u0000`)) this.unread.delete(k);
  }
}
