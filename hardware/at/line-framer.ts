// M-AT-1 framing: modem bytes → lines. Real sticks end lines with CR LF, some with a
// doubled CR (CR CR LF), some with bare CR or bare LF; blank lines separate everything
// (transcript 08); the SMS prompt "> " has no line end at all; a line can arrive split
// across any number of reads; firmware sometimes emits bytes that are not UTF-8. Lines
// are decoded as UTF-8 when valid, else as Latin-1, so no byte is ever lost or fatal.

export type FrameToken = { kind: 'line'; text: string } | { kind: 'prompt' };

const CR = 0x0d;
const LF = 0x0a;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Longest line kept whole; a runaway stream (binary noise with no line end) is cut here. */
export const MAX_LINE_BYTES = 4096;

export function decodeLine(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return Buffer.from(bytes).toString('latin1');
  }
}

export class LineFramer {
  private buf: number[] = [];

  /**
   * Feeds one chunk as read from the port; returns the complete tokens in order. The
   * prompt is looked for only while a +CMGS waits for it (`promptExpected`), so a stray
   * ">" line elsewhere frames the same however the reads split it.
   */
  push(chunk: Uint8Array, promptExpected = false): FrameToken[] {
    const out: FrameToken[] = [];
    for (const b of chunk) {
      if (b === CR || b === LF) {
        this.flush(out);
        continue;
      }
      this.buf.push(b);
      if (this.buf.length >= MAX_LINE_BYTES) this.flush(out);
    }
    // "> " (or ">" alone) waiting at the start of a line is the SMS text prompt (27.005 +CMGS).
    if (promptExpected && this.buf.length > 0 && this.buf[0] === 0x3e && (this.buf.length === 1 || (this.buf.length === 2 && this.buf[1] === 0x20))) {
      this.buf = [];
      out.push({ kind: 'prompt' });
    }
    return out;
  }

  /** Forget a partial line (entering or leaving data mode). */
  reset(): void {
    this.buf = [];
  }

  private flush(out: FrameToken[]): void {
    if (this.buf.length === 0) return;
    const text = decodeLine(Uint8Array.from(this.buf)).trim();
    this.buf = [];
    if (text) out.push({ kind: 'line', text });
  }
}
