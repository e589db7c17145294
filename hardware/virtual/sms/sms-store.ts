// The modem's message memory (APP.md V-4): indexes, read/unread state, delete. One
// store per device ("ME" on NV-only CDMA sticks, "SM" on the 3GPP stick).

export type SmsStatus = 'unread' | 'read' | 'unsent' | 'sent';

export interface StoredSms {
  index: number;
  status: SmsStatus;
  /** Sender (incoming) or recipient (outgoing). */
  peer: string;
  text: string;
  /** UTC ms. */
  at: number;
}

export class SmsStore {
  private readonly messages = new Map<number, StoredSms>();
  private readonly listeners = new Set<(sms: StoredSms) => void>();

  constructor(readonly capacity = 100) {}

  /** Stores a message in the lowest free index; null when full. */
  add(m: Omit<StoredSms, 'index'>): StoredSms | null {
    for (let i = 0; i < this.capacity; i++) {
      if (!this.messages.has(i)) {
        const sms = { ...m, index: i };
        this.messages.set(i, sms);
        for (const fn of [...this.listeners]) fn(sms);
        return sms;
      }
    }
    return null;
  }

  /** Fires for each message added (the modem raises +CMTI / ^HCMTI for incoming ones). */
  onAdd(fn: (sms: StoredSms) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  get(index: number): StoredSms | undefined {
    return this.messages.get(index);
  }

  /** Reading an unread message marks it read, as the device does. */
  read(index: number): StoredSms | undefined {
    const m = this.messages.get(index);
    if (!m) return undefined;
    const copy = { ...m };
    if (m.status === 'unread') m.status = 'read';
    return copy;
  }

  delete(index: number): boolean {
    return this.messages.delete(index);
  }

  list(filter: (m: StoredSms) => boolean = () => true): StoredSms[] {
    return [...this.messages.values()].filter(filter).sort((a, b) => a.index - b.index);
  }

  get used(): number {
    return this.messages.size;
  }
}
