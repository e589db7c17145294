// Unread marks that last until the user opens the message (issue 18). A stick marks a message
// read the moment anything lists it (27.005 +CMGL, Huawei ^HCMGL), and the app lists the
// memory itself on every new-message report, so the modem's own flag is gone before anyone
// has seen the message. The app keeps its own: a message is unread from when it was first
// seen unread until sms.markRead (or delete). The same list says which messages were
// already announced, so one message is one "New SMS" however often it is read again. Both
// are kept in the history database: a message the user never opened is still unread after
// a restart, although the stick itself has long marked it read.
import type { SmsMessage } from '../../../hardware/modems/modem-types';

/** One message in the modem's memory: an index is reused after a delete, so it is not enough. */
export const smsKey = (m: Pick<SmsMessage, 'index' | 'from' | 'at' | 'text'>) => `${m.index}\u0000${m.from}\u0000${m.at ?? ''}\u0000${m.text}`;

/** Where the marks outlive the app: the history database (HistoryDb). */
export interface SmsMarkStore {
  loadSmsMarks(): Array<{ key: string; unread: boolean; announced: boolean }>;
  saveSmsMark(key: string, marks: { unread: boolean; announced: boolean } | null): void;
}

export class SmsUnread {
  private readonly unread = new Set<string>();
  private readonly announced = new Set<string>();

  constructor(private readonly store: SmsMarkStore | null = null) {
    for (const m of store?.loadSmsMarks() ?? []) {
      if (m.unread) this.unread.add(m.key);
      if (m.announced) this.announced.add(m.key);
    }
  }

  /** The modem's list with the app's marks: unread while the app has not seen it opened. */
  mark(list: readonly SmsMessage[]): SmsMessage[] {
    const present = new Set(list.map(smsKey));
    // a message gone from the memory (deleted, or by another program) takes its marks with it
    for (const k of new Set([...this.unread, ...this.announced])) {
      if (present.has(k)) continue;
      this.unread.delete(k);
      this.announced.delete(k);
      this.keep(k);
    }
    return list.map((m) => {
      const k = smsKey(m);
      if (!m.read && !this.unread.has(k)) {
        this.unread.add(k);
        this.keep(k);
      }
      return { ...m, read: !this.unread.has(k) };
    });
  }

  /** True the first time this message is news (then it is announced once), false after. */
  firstNews(m: SmsMessage): boolean {
    const k = smsKey(m);
    const news = !this.announced.has(k);
    this.unread.add(k);
    this.announced.add(k);
    this.keep(k);
    return news;
  }

  /** The user opened (or deleted) the message at this index. */
  opened(index: number): void {
    for (const k of [...this.unread]) {
      if (!k.startsWith(`${index}\u0000`)) continue;
      this.unread.delete(k);
      this.keep(k);
    }
  }

  private keep(k: string): void {
    this.store?.saveSmsMark(k, { unread: this.unread.has(k), announced: this.announced.has(k) });
  }
}
