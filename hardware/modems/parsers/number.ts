// M-NUM-1 number parsers: Huawei CDMA ^MDN (HWRIL: first field, quoted or not), 3GPP
// +CNUM (27.007, several lines possible), Sierra ~NAMVAL?0 ("MDN: " + 10 digits). The
// 9-digit national form where the number is Ukrainian (A-NUM-1), else as the modem gives it.
import { toNationalOrNull } from '../../../src/shared/phone-number';

function national(raw: string): string | null {
  const v = raw.trim().replace(/^"|"$/g, '');
  if (!/^\+?\d{5,15}$/.test(v) || /^0+$/.test(v)) return null;
  return toNationalOrNull(v) ?? v;
}

export function parseMdn(lines: string[]): string | null {
  for (const l of lines) {
    const m = /^\^MDN:\s*"?([^",]*)"?/i.exec(l.trim());
    if (m) return national(m[1]!);
  }
  return null;
}

/** +CNUM: [<alpha>],<number>,<type> — the first line with a number. */
export function parseCnum(lines: string[]): string | null {
  for (const l of lines) {
    const m = /^\+CNUM:\s*(?:"[^"]*"|[^,]*)?\s*,\s*"?([+\d]+)"?\s*,\s*\d+/i.exec(l.trim());
    if (m) {
      const n = national(m[1]!);
      if (n) return n;
    }
  }
  return null;
}

/** Sierra ~NAMVAL?0: a line holding "MDN: <10 digits>". */
export function parseNamvalMdn(lines: string[]): string | null {
  for (const l of lines) {
    const m = /MDN:\s*(\d{10})\b/.exec(l);
    if (m) return national(m[1]!);
  }
  return null;
}
