// What the app remembers about the account between starts that is not a secret: which
// numbers it knows to be registered (from its own registration, a login, or the server's
// "already registered"). With it the next start offers a login, never registration again.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface Stored {
  registered: Record<string, { since: string }>;
}

export class AccountMemory {
  private readonly file: string;
  private data: Stored;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'account.json');
    this.data = this.read();
  }

  isRegistered(number: string | null): boolean {
    return number !== null && number in this.data.registered;
  }

  /** The one number this app registered or logged in with, when there is exactly one. */
  lastNumber(): string | null {
    const all = Object.entries(this.data.registered).sort((a, b) => b[1].since.localeCompare(a[1].since));
    return all[0]?.[0] ?? null;
  }

  markRegistered(number: string, at: Date): void {
    if (this.isRegistered(number)) return;
    this.data.registered[number] = { since: at.toISOString() };
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data, null, 2));
    renameSync(tmp, this.file);
  }

  private read(): Stored {
    try {
      if (existsSync(this.file)) {
        const v = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<Stored>;
        if (v.registered && typeof v.registered === 'object') return { registered: v.registered };
      }
    } catch {
      // unreadable: start as if new; the server's 409 teaches it again without an SMS
    }
    return { registered: {} };
  }
}
