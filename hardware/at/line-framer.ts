// M-AT-1 framing: modem bytes → lines. Real sticks end lines with CR LF, some with a
// doubled CR (CR CR LF), some with bare CR or bare LF; blank lines separate everything
// (transcript 08); the SMS prompt "> " has no line end at all; a line can arrive split
// across any number of reads; firmware sometimes emits bytes that are not UTF-8, and some
// pad line ends with NUL or 0xFF (a UART idle pattern some Qualcomm firmwares leak).
// Lines are decoded as UTF-8 when valid, else as Latin-1, so no byte is ever lost or fatal.
//
// Why not @serialport/parser-readline: readline splits on ONE delimiter (CR LF, or CR),
// so bare-LF and bare-CR firmwares and CR CR LF would need a second pass; it cannot see
// the unterminated "> " prompt (it only emits at a delimiter); it decodes every line with
// one fixed encoding (Latin-1 or UTF-8, not "UTF-8 when valid"); and it has no bound on a
// runaway line (a 1 MiB line without an end is held whole). This framer does all four in
// one scan of each chunk, with Buffer slices (no per-byte array pushes).
export type FrameToken = { kind: 'line'; text: string } | { kind: 'prompt' };

const CR = 0x0d;
const LF = 0x0a;
const NUL = 0x00;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Longest line kept whole; a runaway stream (binary noise with no line end) is cut here. */
export const MAX_LINE_BYTES = 4096;

export function decodeLine(bytes: Uint8Array): string {
  // Fast path: pure 7-bit ASCII (nearly every AT line) decodes the same either way.
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) {
    ascii = false;
    break;
  }
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (ascii) return b.toString('latin1');
  try {
    return utf8.decode(bytes);
  } catch {
    return b.toString('latin1');
  }
}

/** Bytes that pad a line end (NUL, 0xFF) or are blanks; they never start or end a real AT line (outside an SMS body). */
const isPad = (b: number) => b === NUL || b === 0xff || b === 0x20 || b === 0x09;

export class LineFramer {
  /** The unterminated tail of the previous chunks (never longer than MAX_LINE_BYTES). */
  private partial: Buffer = Buffer.alloc(0);

  /**
   * Feeds one chunk as read from the port; returns the complete tokens in order. The
   * prompt is looked for only while a +CMGS waits for it (`promptExpected`), so a stray
   * ">" line elsewhere frames the same however the reads split it.
   */
  push(chunk: Uint8Array, promptExpected = false): FrameToken[] {
    const out: FrameToken[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b !== CR && b !== LF) continue;
      this.take(chunk, start, i, out);
      this.flush(out);
      start = i + 1;
    }
    if (start < chunk.length) this.take(chunk, start, chunk.length, out);
    // "> " (or ">" alone) waiting at the start of a line is the SMS text prompt (27.005 +CMGS).
    const p = this.partial;
    if (promptExpected && p.length > 0 && p[0] === 0x3e && (p.length === 1 || (p.length === 2 && p[1] === 0x20))) {
      this.partial = Buffer.alloc(0);
      out.push({ kind: 'prompt' });
    }
    return out;
  }

  /** The unterminated text waiting for its line end (the channel reads a final that lacks one). */
  pendingText(): string {
    return this.partial.length ? clean(this.partial) : '';
  }

  /** Forget a partial line (entering or leaving data mode). */
  reset(): void {
    this.partial = Buffer.alloc(0);
  }

  /** Appends chunk[from, to) to the partial line, cutting it at MAX_LINE_BYTES as it grows. */
  private take(chunk: Uint8Array, from: number, to: number, out: FrameToken[]): void {
    let s = from;
    while (s < to) {
      const room = MAX_LINE_BYTES - this.partial.length;
      const e = Math.min(to, s + room);
      const piece = Buffer.from(chunk.buffer, chunk.byteOffset + s, e - s);
      this.partial = this.partial.length ? Buffer.concat([this.partial, piece]) : Buffer.from(piece);
      s = e;
      if (this.partial.length >= MAX_LINE_BYTES) this.flush(out);
    }
  }

  private flush(out: FrameToken[]): void {
    if (this.partial.length === 0) return;
    const text = clean(this.partial);
    this.partial = Buffer.alloc(0);
    if (text) out.push({ kind: 'line', text });
  }
}

/**
 * The line without the pad bytes at its ends. A line that ends in Ctrl-Z is a raw SMS body
 * (Huawei ^HCMGL's UCS-2 bytes, where 0x00 is half of every ASCII letter): kept byte-exact.
 */
function clean(buf: Buffer): string {
  if (buf[buf.length - 1] === 0x1a || (buf.length > 1 && buf[buf.length - 2] === 0x1a)) return decodeLine(buf);
  let s = 0;
  let e = buf.length;
  while (s < e && isPad(buf[s]!)) s++;
  while (e > s && isPad(buf[e - 1]!)) e--;
  return s === e ? '' : decodeLine(buf.subarray(s, e)).trim();
}
