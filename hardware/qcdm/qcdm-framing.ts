// QCDM/DIAG framing as libqcdm does it (ModemManager libqcdm/src/utils.c), shared by the
// host side (the prober, `assa diag`'s NV read) and the virtual modem's diagnostics port:
// payload + CRC-16/CCITT (reflected, init 0xFFFF, complemented, little-endian),
// 0x7D-escaping of 0x7E/0x7D, a 0x7E terminator. A frame whose CRC is wrong is dropped,
// as HDLC drops a frame with a bad FCS.
const FLAG = 0x7e;
const ESC = 0x7d;

export function crc16(data: Uint8Array): number {
  let crc = 0xffff;
  for (const b of data) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
  }
  return ~crc & 0xffff;
}

/** payload → escaped payload + CRC + 0x7E (no leading flag; `hostFrame` adds it). */
export function encapsulate(payload: Uint8Array): Buffer {
  const crc = crc16(payload);
  const raw = [...payload, crc & 0xff, crc >> 8];
  const out: number[] = [];
  for (const b of raw) {
    if (b === FLAG || b === ESC) out.push(ESC, b ^ 0x20);
    else out.push(b);
  }
  out.push(FLAG);
  return Buffer.from(out);
}

/**
 * A request as libqcdm's host sends it: a leading 0x7E too, so that whatever noise the port
 * holds ends there as a bad frame and ours starts clean. For version info this is the
 * `7e 00 78 f0 7e` ModemManager's QCDM probe writes.
 */
export function hostFrame(payload: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([FLAG]), encapsulate(payload)]);
}

/** The payload of one frame (without the flag), or null when the CRC is wrong. */
export function decapsulate(frame: Uint8Array): Buffer | null {
  const raw: number[] = [];
  for (let i = 0; i < frame.length; i++) {
    const b = frame[i]!;
    if (b === ESC && i + 1 < frame.length) raw.push(frame[++i]! ^ 0x20);
    else raw.push(b);
  }
  if (raw.length < 3) return null;
  const payload = Buffer.from(raw.slice(0, -2));
  const crc = raw[raw.length - 2]! | (raw[raw.length - 1]! << 8);
  return crc16(payload) === crc ? payload : null;
}

/** Splits bytes into frames at 0x7E; nothing is a frame before its flag arrives. */
export class QcdmFramer {
  private buf: number[] = [];

  push(chunk: Uint8Array): Uint8Array[] {
    const frames: Uint8Array[] = [];
    for (const b of chunk) {
      if (b === FLAG) {
        if (this.buf.length) frames.push(Uint8Array.from(this.buf));
        this.buf = [];
      } else if (this.buf.length < 4096) this.buf.push(b);
    }
    return frames;
  }

  /** The port closed: a half-received frame is gone. */
  reset(): void {
    this.buf = [];
  }
}
