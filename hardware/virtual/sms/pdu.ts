// 3GPP TS 23.040 PDUs for the 3GPP profile's PDU mode (+CMGF=0): SMS-DELIVER for stored
// incoming messages (+CMGR/+CMGL) and SMS-SUBMIT decoding for +CMGS=<length>. GSM 7-bit
// default alphabet when the text fits, UCS-2 otherwise (Unicode, e.g. Cyrillic).
// CDMA profiles do not use these: CDMA "PDU" is IS-637 and Qualcomm firmware refuses it.

const GSM7 =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

export function fitsGsm7(text: string): boolean {
  for (const ch of text) if (ch === '\x1b' || !GSM7.includes(ch)) return false;
  return true;
}

function packSeptets(septets: number[]): Buffer {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const s of septets) {
    acc |= s << bits;
    bits += 7;
    while (bits >= 8) {
      out.push(acc & 0xff);
      acc >>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) out.push(acc & 0xff);
  return Buffer.from(out);
}

function unpackSeptets(data: Buffer, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const bit = i * 7;
    const byte = bit >> 3;
    const shift = bit & 7;
    const v = ((data[byte] ?? 0) | ((data[byte + 1] ?? 0) << 8)) >> shift;
    out.push(v & 0x7f);
  }
  return out;
}

function encodeAddress(number: string): Buffer {
  const intl = number.startsWith('+');
  const digits = number.replace(/^\+/, '');
  if (!/^[0-9]*$/.test(digits)) throw new RangeError(`address must be digits: ${number}`);
  const padded = digits.length % 2 ? `${digits}F` : digits;
  const semi: number[] = [];
  for (let i = 0; i < padded.length; i += 2) semi.push(parseInt(padded[i + 1]! + padded[i]!, 16));
  return Buffer.from([digits.length, intl ? 0x91 : 0x81, ...semi]);
}

function decodeAddress(buf: Buffer, at: number): { number: string; next: number } {
  const len = buf[at]!;
  const type = buf[at + 1]!;
  const octets = Math.ceil(len / 2);
  let digits = '';
  for (let i = 0; i < octets; i++) {
    const b = buf[at + 2 + i]!;
    digits += (b & 0x0f).toString(16) + (b >> 4).toString(16);
  }
  digits = digits.slice(0, len).toUpperCase();
  return { number: (type & 0x70) === 0x10 ? `+${digits}` : digits, next: at + 2 + octets };
}

/** Service-centre timestamp: semi-octets yy MM dd hh mm ss zz (zz = quarter hours). */
function encodeScts(fields: { year: number; month: number; day: number; hour: number; minute: number; second: number }, offsetMin: number): Buffer {
  const sw = (n: number) => {
    const s = String(n).padStart(2, '0');
    return parseInt(s[1]! + s[0]!, 16);
  };
  const q = Math.round(Math.abs(offsetMin) / 15);
  const qs = String(q).padStart(2, '0');
  let tz = parseInt(qs[1]! + qs[0]!, 16);
  if (offsetMin < 0) tz |= 0x08;
  return Buffer.from([sw(fields.year % 100), sw(fields.month), sw(fields.day), sw(fields.hour), sw(fields.minute), sw(fields.second), tz]);
}

export interface DeliverInput {
  from: string;
  text: string;
  /** Local time fields and offset from UTC in minutes. */
  time: { year: number; month: number; day: number; hour: number; minute: number; second: number };
  offsetMin: number;
}

/** SMS-DELIVER TPDU as upper-case hex, preceded by an empty SMSC field ("00"). Returns the TPDU length in octets too (SMSC excluded). */
export function encodeDeliver(d: DeliverInput): { hex: string; tpduLength: number } {
  const gsm = fitsGsm7(d.text);
  let ud: Buffer;
  let udl: number;
  if (gsm) {
    const septets = [...d.text].map((ch) => GSM7.indexOf(ch));
    ud = packSeptets(septets);
    udl = septets.length;
  } else {
    ud = Buffer.from(d.text, 'utf16le').swap16();
    udl = ud.length;
  }
  const tpdu = Buffer.concat([Buffer.from([0x04]), encodeAddress(d.from), Buffer.from([0x00, gsm ? 0x00 : 0x08]), encodeScts(d.time, d.offsetMin), Buffer.from([udl]), ud]);
  return { hex: `00${tpdu.toString('hex').toUpperCase()}`, tpduLength: tpdu.length };
}

export interface DecodedSubmit {
  to: string;
  text: string;
}

/** Decodes the hex of an SMS-SUBMIT (with its SMSC field) as sent after AT+CMGS=<length>. */
export function decodeSubmit(hex: string): DecodedSubmit {
  const clean = hex.replace(/\s+/g, '');
  if (!/^([0-9A-Fa-f]{2})+$/.test(clean)) throw new RangeError('PDU is not hex');
  const buf = Buffer.from(clean, 'hex');
  let at = 1 + buf[0]!; // skip SMSC
  const first = buf[at]!;
  if ((first & 0x03) !== 0x01) throw new RangeError('not an SMS-SUBMIT');
  const vpf = (first >> 3) & 0x03;
  const udhi = (first & 0x40) !== 0;
  at += 2; // first octet, message reference
  const addr = decodeAddress(buf, at);
  at = addr.next;
  at += 1; // PID
  const dcs = buf[at]!;
  at += 1;
  if (vpf === 2) at += 1;
  else if (vpf === 1 || vpf === 3) at += 7;
  const udl = buf[at]!;
  at += 1;
  const alphabet = (dcs & 0x0c) >> 2; // 0 GSM 7-bit, 1 8-bit, 2 UCS-2
  let text: string;
  if (alphabet === 2) {
    let ud = buf.subarray(at, at + udl);
    if (udhi) ud = ud.subarray(1 + ud[0]!);
    text = Buffer.from(ud).swap16().toString('utf16le');
  } else if (alphabet === 1) {
    text = buf.subarray(at, at + udl).toString('latin1');
  } else {
    const septets = unpackSeptets(buf.subarray(at), udl);
    let skip = 0;
    if (udhi) skip = Math.ceil(((buf[at]! + 1) * 8) / 7);
    text = septets
      .slice(skip)
      .map((s) => GSM7[s] ?? '?')
      .join('');
  }
  if (buf.length < at) throw new RangeError('PDU too short');
  return { to: addr.number, text };
}
