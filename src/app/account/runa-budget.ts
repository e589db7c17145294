// The 2772 service activates at most 5 RUNAs per number in 10 minutes (A-RUNA, the
// server's runa-service). Beyond that it answers "ne aktyvovan" and the SMS is wasted.
// The app keeps its own count of the activations it sent — on disk, so a restart does
// not forget — and refuses a sixth before any SMS leaves, saying until when to wait.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CodedError } from '../../shared/errors';
import type { Clock } from '../clock';

export const RUNA_MAX_ACTIVATIONS = 5;
export const RUNA_WINDOW_MS = 10 * 60_000;

export class RunaBudget {
  private readonly file: string;
  private sent: Record<string, number[]>;

  constructor(
    dataDir: string,
    private readonly clock: Pick<Clock, 'now'>,
  ) {
    this.file = path.join(dataDir, 'runa-activations.json');
    this.sent = this.read();
  }

  /** Throws `runa_limit` (with `retryAt`) when another activation would be refused. */
  check(number: string): void {
    const recent = this.recent(number);
    if (recent.length < RUNA_MAX_ACTIVATIONS) return;
    const retryAt = new Date(recent[recent.length - RUNA_MAX_ACTIVATIONS]! + RUNA_WINDOW_MS).toISOString();
    throw new CodedError('runa_limit', `The 2772 service takes at most ${RUNA_MAX_ACTIVATIONS} activations in 10 minutes. Try again after ${retryAt}.`, { details: { retryAt } });
  }

  record(number: string): void {
    this.sent[number] = [...this.recent(number), this.clock.now()];
    this.write();
  }

  private recent(number: string): number[] {
    const since = this.clock.now() - RUNA_WINDOW_MS;
    return (this.sent[number] ?? []).filter((t) => t > since).sort((a, b) => a - b);
  }

  private read(): Record<string, number[]> {
    try {
      if (!existsSync(this.file)) return {};
      const v = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      return v && typeof v === 'object' ? (v as Record<string, number[]>) : {};
    } catch {
      return {}; // a damaged count costs at worst one refused SMS; it must not stop the app
    }
  }

  private write(): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.sent));
    renameSync(tmp, this.file);
  }
}
