// The AT transcript keeps the last N lines. Dropping the oldest from the front of an array
// (splice/shift) moves every kept entry on every new line once the limit is reached; with
// 500 kept lines that was a third of the channel's CPU per command (cpu profile of the
// at.* bench). A fixed ring makes each line O(1); the ordered copy is made only when
// someone reads the transcript (the terminal, a report), which is rare next to the lines.
export class TranscriptRing<T> {
  private readonly slots: T[] = [];
  /** Index of the oldest entry once the ring is full. */
  private head = 0;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`A transcript keeps at least one line (got ${limit}).`);
  }

  push(entry: T): void {
    if (this.slots.length < this.limit) {
      this.slots.push(entry);
      return;
    }
    this.slots[this.head] = entry;
    this.head = (this.head + 1) % this.limit;
  }

  get length(): number {
    return this.slots.length;
  }

  /** Oldest first. */
  toArray(): T[] {
    if (this.head === 0) return this.slots.slice();
    return this.slots.slice(this.head).concat(this.slots.slice(0, this.head));
  }
}
