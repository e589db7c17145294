// M-SMS-1 inbox parsers: 27.005 text mode +CMGL (transcripts 09, 20) and Huawei CDMA
// ^HCMGL (MC509 §8.9-8.14: "^HCMGL:<index>,<callerID>,<yyyy>,<MM>,<dd>,<hh>,<mm>,<ss>,<lang>,<format>,<length>,<prt>,<prv>,<type>,<stat>"
// then the body ended by Ctrl-Z; format 6 = UCS-2 bytes). Times are the sender's local
// (Kyiv) time; they come back as UTC ISO.
import { kyivMidnight } from '../../../src/shared/kyiv-time';
import type { SmsMessage } from '../modem-types';

/** A Kyiv wall-clock time as a UTC ISO string (DST-safe through kyivMidnight). */
function kyivToIso(y: number, mo: number, d: number, h: number, mi: number, s: number): string | null {
  if (![y, mo, d, h, mi, s].every(Number.isFinite)) return null;
  const day = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  try {
    return new Date(kyivMidnight(day).getTime() + ((h * 60 + mi) * 60 + s) * 1000).toISOString();
  } catch {
    return null;
  }
}

/** The UCS-2 big-endian body of a format-6 message, read back from the latin1 line. */
function ucs2Body(line: string): string {
  const bytes = Buffer.from(line.replace(/\x00?\x1a$/, ''), 'latin1');
  const even = bytes.length - (bytes.length % 2);
  return Buffer.from(bytes.subarray(0, even)).swap16().toString('utf16le');
}

export function parseHcmgl(lines: string[]): SmsMessage[] {
  const out: SmsMessage[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^\^HCMGL:\s*(\d+),([^,]*),(\d+),(\d+),(\d+),(\d+),(\d+),(\d+),\d+,(\d+),\d+,\d+,\d+,\d+,(\d+)/i.exec(lines[i]!.trim());
    if (!m) continue;
    const body = lines[i + 1] ?? '';
    i++;
    const format = Number(m[9]);
    // The channel already decoded the line (UTF-8 when valid); only UCS-2 needs its bytes back.
    const text = format === 6 ? ucs2Body(body) : body.replace(/\x1a$/, '');
    out.push({
      index: Number(m[1]),
      from: m[2]!.replace(/"/g, ''),
      text,
      at: kyivToIso(Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), Number(m[7]), Number(m[8])),
      read: Number(m[10]) !== 0,
    });
  }
  return out;
}

/** 27.005 +CMGL text mode: '+CMGL: <index>,"<stat>","<oa>",,"yy/MM/dd,hh:mm:ss+zz"' then the text line. */
export function parseCmglText(lines: string[], ucs2 = false): SmsMessage[] {
  const out: SmsMessage[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^\+CMGL:\s*(\d+),"([^"]+)","([^"]*)",[^,]*,"(\d\d)\/(\d\d)\/(\d\d),(\d\d):(\d\d):(\d\d)([+-]\d+)?"/i.exec(lines[i]!.trim());
    if (!m) continue;
    const raw = lines[i + 1] ?? '';
    i++;
    const decodeHex = (h: string) => (/^([0-9A-F]{4})+$/i.test(h) ? Buffer.from(h, 'hex').swap16().toString('utf16le') : h);
    const text = ucs2 ? decodeHex(raw) : raw;
    const from = ucs2 ? decodeHex(m[3]!) : m[3]!;
    // The timestamp's zone is in quarter hours; the absolute instant is what we keep.
    const offQ = m[10] ? Number(m[10]) : null;
    const local = Date.UTC(2000 + Number(m[4]), Number(m[5]) - 1, Number(m[6]), Number(m[7]), Number(m[8]), Number(m[9]));
    out.push({
      index: Number(m[1]),
      from,
      text,
      at: offQ === null ? null : new Date(local - offQ * 15 * 60_000).toISOString(),
      read: !/UNREAD/i.test(m[2]!),
    });
  }
  return out;
}

/**
 * Huawei CDMA ^HCMGR=<index> text-mode answer (MC509 §8.14 p.103): the ^HCMGL header
 * without its index, then the body ended by Ctrl-Z (0x00 0x1A for Unicode).
 */
export function parseHcmgr(lines: string[], index: number): SmsMessage | null {
  const i = lines.findIndex((l) => /^\^HCMGR:/i.test(l.trim()));
  if (i < 0) return null;
  const header = lines[i]!.trim().replace(/^\^HCMGR:\s*/i, `^HCMGL:${index},`);
  return parseHcmgl([header, lines[i + 1] ?? ''])[0] ?? null;
}

/** 27.005 +CPMS: "<mem>",<used>,<total>,... (ModemManager's captures, reference §1.6): the storages in order. */
export function parseCpms(line: string): Array<{ storage: string; used: number; total: number }> | null {
  const m = /^\+CPMS:\s*(.*)$/i.exec(line.trim());
  if (!m) return null;
  const out: Array<{ storage: string; used: number; total: number }> = [];
  const re = /"([A-Z]+)"\s*,\s*(\d+)\s*,\s*(\d+)/gi;
  for (let g = re.exec(m[1]!); g; g = re.exec(m[1]!)) out.push({ storage: g[1]!.toUpperCase(), used: Number(g[2]), total: Number(g[3]) });
  return out.length ? out : null;
}

/**
 * Huawei CDMA send outcome (reference §1.6): `^HCMGS: <mr>` right after the send, then the
 * network's verdict `^HCMGSS: <mr>` or `^HCMGSF: <cause>` — MC509 prints the colon,
 * Qualcomm's code writes ^HCMGSF straight before the number; both are accepted.
 */
export function parseHcmgsReport(line: string): { kind: 'sent' | 'delivered'; mr: number } | { kind: 'failed'; cause: number } | null {
  const m = /^\^HCMGS([SF])?\s*:?\s*(\d+)\s*$/i.exec(line.trim());
  if (!m) return null;
  const n = Number(m[2]);
  if (!m[1]) return { kind: 'sent', mr: n };
  return m[1].toUpperCase() === 'S' ? { kind: 'delivered', mr: n } : { kind: 'failed', cause: n };
}
