// The diagnostics port of a Qualcomm-based stick (Huawei EC / ZTE AC both are): DIAG/QCDM
// frames, never AT. Framing as libqcdm does it (ModemManager libqcdm/src/utils.c,
// at-commands.md source key QCDM): payload + CRC-16/CCITT (reflected, init 0xFFFF,
// complemented, little-endian), 0x7D-escaping of 0x7E/0x7D, 0x7E terminator. Answers:
// version info (0x00), NV read (0x26) of the MDN (item 178, DIR_NUMBER: nam + 10 ASCII
// digits) and the ESN (item 0), and "bad command" (0x13 + the request) to anything else,
// including AT text — which is what makes a prober see a non-AT port.
import type { Subscriber } from '../radio/subscriber';

const FLAG = 0x7e;
const ESC = 0x7d;

export const DIAG_CMD_VERSION_INFO = 0x00;
export const DIAG_CMD_NV_READ = 0x26;
export const DIAG_CMD_BAD_CMD = 0x13;
export const NV_ESN = 0;
export const NV_DIR_NUMBER = 178;

export function crc16(data: Uint8Array): number {
  let crc = 0xffff;
  for (const b of data) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
  }
  return ~crc & 0xffff;
}

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

function ascii(s: string, len: number): number[] {
  const b = Buffer.alloc(len, 0);
  b.write(s.slice(0, len), 'latin1');
  return [...b];
}

/** Builds the answer to one request payload. */
export function qcdmAnswer(req: Buffer | null, raw: Uint8Array, sub: Subscriber, model: string): Buffer {
  if (!req || req.length === 0) return encapsulate(Buffer.from([DIAG_CMD_BAD_CMD, ...raw.subarray(0, 32)]));
  if (req[0] === DIAG_CMD_VERSION_INFO) {
    // code, comp date/time, release date/time, model (8), scm, cai rev, mob model, fw rev (2), slot cycle, msm ver, reserved
    return encapsulate(Buffer.from([DIAG_CMD_VERSION_INFO, ...ascii('Mar 12 2009', 11), ...ascii('10:00:00', 8), ...ascii('Mar 12 2009', 11), ...ascii('10:00:00', 8), ...ascii(model, 8), 0x03, 0x06, 0x00, 0x01, 0x00, 0x02, 0x45, 0x00]));
  }
  if (req[0] === DIAG_CMD_NV_READ && req.length >= 3) {
    const item = req[1]! | (req[2]! << 8);
    const data = Buffer.alloc(128, 0);
    let status = 0; // NV_DONE_S
    if (item === NV_DIR_NUMBER) {
      data[0] = 0; // NAM 0
      data.write(sub.number.padStart(10, '0').slice(-10), 1, 'latin1'); // 10-digit MDN: 441234567 -> 0441234567
    } else if (item === NV_ESN) {
      data.writeUInt32LE(parseInt(sub.esn, 16) >>> 0, 0);
    } else status = 5; // NV_NOTACTIVE_S
    return encapsulate(Buffer.from([DIAG_CMD_NV_READ, req[1]!, req[2]!, ...data, status & 0xff, status >> 8]));
  }
  return encapsulate(Buffer.from([DIAG_CMD_BAD_CMD, ...req.subarray(0, 32)]));
}

/** Splits host bytes into frames at 0x7E (AT text without a flag is one "frame" too). */
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
    // text with no flag (e.g. "AT\r") is answered once a CR arrives, as a bad command
    if (this.buf.length && this.buf[this.buf.length - 1] === 0x0d) {
      frames.push(Uint8Array.from(this.buf));
      this.buf = [];
    }
    return frames;
  }
}
