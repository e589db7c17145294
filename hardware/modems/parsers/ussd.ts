// M-USSD-1: +CUSD: <m>[,<str>[,<dcs>]] (27.007 §7.15). Sticks hand the text back as plain
// text, as GSM 7-bit packed hex (Huawei with dcs 15) or as UCS2 hex (dcs 72); the dcs
// says which (23.038). m = 1 means the network waits for an answer (a menu).

/** GSM 03.38 default alphabet (basic table; the escape table's common € and brackets). */
const GSM7 =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXT: Record<number, string> = { 0x0a: '\f', 0x14: '^', 0x28: '{', 0x29: '}', 0x2f: '\\', 0x3c: '[', 0x3d: '~', 0x3e: ']', 0x40: '|', 0x65: '€' };

/** Unpacks septets from packed octets (23.038 §6.1.2.1) and maps them through the alphabet. */
export function decodeGsm7Packed(hex: string): string {
  const bytes = Buffer.from(hex, 'hex');
  const septets: number[] = [];
  let carry = 0;
  let bits = 0;
  for (const b of bytes) {
    septets.push(((b << bits) | carry) & 0x7f);
    carry = b >> (7 - bits);
    bits++;
    if (bits === 7) {
      septets.push(carry & 0x7f);
      carry = 0;
      bits = 0;
    }
  }
  // A trailing 0x0D pad (or an @ from padding) after a full octet is not part of the text.
  if (bytes.length % 7 === 0 && septets.at(-1) === 0x0d) septets.pop();
  let out = '';
  for (let i = 0; i < septets.length; i++) {
    const s = septets[i]!;
    if (s === 0x1b && i + 1 < septets.length) out += GSM7_EXT[septets[++i]!] ?? '';
    else out += GSM7[s] ?? '?';
  }
  return out;
}

export function decodeUcs2Hex(hex: string): string {
  return Buffer.from(hex, 'hex').swap16().toString('utf16le');
}

export interface UssdReply {
  /** 0 done, 1 the network waits for an answer, 2 ended by the network, 4 not supported, 5 timeout. */
  status: number;
  text: string | null;
  dcs: number | null;
}

export function parseCusd(line: string): UssdReply | null {
  const m = /^\+CUSD:\s*(\d+)\s*(?:,\s*"([^"]*)"\s*(?:,\s*(\d+))?)?/i.exec(line.trim());
  if (!m) return null;
  const status = Number(m[1]);
  const raw = m[2] ?? null;
  const dcs = m[3] === undefined ? null : Number(m[3]);
  if (raw === null) return { status, text: null, dcs };
  const hex = /^([0-9A-F]{2})+$/i.test(raw) && raw.length >= 4;
  let text = raw;
  if (hex && dcs !== null && (dcs & 0xf0) === 0x40 ? (dcs & 0x0c) === 0x08 : dcs === 72 || dcs === 0x48) text = decodeUcs2Hex(raw);
  else if (hex && dcs !== null && (dcs === 15 || dcs === 0 || dcs === 0x0f)) text = decodeGsm7Packed(raw);
  return { status, text, dcs };
}

/** Packs a USSD string as GSM 7-bit hex, as Huawei sticks want it with dcs 15. */
export function encodeGsm7Packed(text: string): string {
  const septets = [...text].map((c) => {
    const i = GSM7.indexOf(c);
    return i < 0 ? 0x3f : i;
  });
  const out: number[] = [];
  for (let i = 0; i < septets.length; i++) {
    const shift = i % 8;
    if (shift === 7) continue;
    const cur = septets[i]! >> shift;
    const next = i + 1 < septets.length ? (septets[i + 1]! << (7 - shift)) & 0xff : 0;
    out.push((cur | next) & 0xff);
  }
  return Buffer.from(out).toString('hex').toUpperCase();
}
