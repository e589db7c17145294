// M-SIG-1 signal parsers: +CSQ (27.007 §8.5; MC509 p.64), Huawei CDMA levels (^CSQLVL,
// ^HDRCSQLVL, ^HDRCSQ, URCs ^RSSILVL/^HRSSILVL: 0/20/40/60/80/99), ^RSSI/^CRSSI/^HDRRSSI
// (0..31 like +CSQ), Huawei ^HCSQ (transcript 21). dBm values as ModemManager converts them.

/** +CSQ index → dBm: 0 → -113, 31 → -51, 99 unknown. */
export function csqToDbm(index: number): number | null {
  if (!Number.isInteger(index) || index < 0 || index > 31) return null;
  return -113 + 2 * index;
}

/** "+CSQ: 21,99" or "^RSSI:12" / "^CRSSI:12" / "^HDRRSSI:12" → dBm. */
export function parseCsqLike(line: string): number | null {
  const m = /^(?:\+CSQ|\^RSSI|\^CRSSI|\^HDRRSSI):\s*(\d+)/i.exec(line.trim());
  return m ? csqToDbm(Number(m[1])) : null;
}

/** Huawei/Qualcomm CDMA bar levels → dBm as the EV-DO RIL maps them (0/20 -105 … 80/99 -60). */
export function levelToDbm(level: number): number | null {
  if (!Number.isFinite(level)) return null;
  if (level <= 0) return null;
  if (level <= 20) return -105;
  if (level <= 40) return -90;
  if (level <= 60) return -75;
  return -60;
}

/** "^CSQLVL:60", "^HDRCSQLVL:80", "^HDRCSQ: 40", "^HRSSILVL:60", "^RSSILVL:99" → the level (first integer). */
export function parseLevel(line: string): number | null {
  const m = /^\^(?:CSQLVL|HDRCSQLVL|HDRCSQ|HRSSILVL|RSSILVL):\s*(\d+)/i.exec(line.trim());
  return m ? Math.min(100, Number(m[1])) : null;
}

export type Hcsq =
  | { rat: 'NOSERVICE' }
  | { rat: 'GSM'; rssiDbm: number | null }
  | { rat: 'WCDMA'; rssiDbm: number | null; rscpDbm: number | null; ecioDb: number | null }
  | { rat: 'LTE'; rssiDbm: number | null; rsrpDbm: number | null; sinrDb: number | null; rsrqDb: number | null };

/** ^HCSQ (transcript 21), Huawei-scaled: RSSI/RSCP -121+v, Ec/Io -32.5+v/2, RSRP -141+v, SINR -20.2+v/5, RSRQ -20+v/2. */
export function parseHcsq(line: string): Hcsq | null {
  const m = /^\^HCSQ:\s*(.*)$/i.exec(line.trim());
  if (!m) return null;
  const f = m[1]!.split(',').map((x) => x.trim().replace(/^"|"$/g, ''));
  const rat = f[0]?.toUpperCase();
  const v = (i: number, max: number, conv: (x: number) => number) => {
    const x = Number(f[i]);
    return Number.isInteger(x) && x <= max ? Math.round(conv(x) * 10) / 10 : null;
  };
  if (rat === 'NOSERVICE') return { rat: 'NOSERVICE' };
  if (rat === 'GSM') return { rat, rssiDbm: v(1, 96, (x) => -121 + x) };
  if (rat === 'WCDMA') return { rat, rssiDbm: v(1, 96, (x) => -121 + x), rscpDbm: v(2, 96, (x) => -121 + x), ecioDb: v(3, 65, (x) => -32.5 + x / 2) };
  if (rat === 'LTE') return { rat, rssiDbm: v(1, 96, (x) => -121 + x), rsrpDbm: v(2, 97, (x) => -141 + x), sinrDb: v(3, 251, (x) => -20.2 + x / 5), rsrqDb: v(4, 34, (x) => -20 + x / 2) };
  return null;
}

/** 0..5 bars from the strongest technology's RSSI. */
export function barsFromDbm(dbm: number | null): number {
  if (dbm === null || dbm <= -105) return 0;
  return Math.max(0, Math.min(5, Math.round((dbm + 105) / 6)));
}

/**
 * The 1x pilot Ec/Io in dB from "+ECIO: -7.5" (Qualcomm/Sierra CDMA firmwares; status
 * scripts read the number after the tag) or an "Ec/Io: -6.5 dB" field. "n/a" and values
 * above 0 dB (no real pilot is stronger than the total) are not a reading.
 */
export function parseEcio(line: string): number | null {
  const m = /^\+ECIO:\s*(-?\d+(?:\.\d+)?)\b/i.exec(line.trim()) ?? /\bEC\/IO:\s*(-?\d+(?:\.\d+)?)/i.exec(line);
  if (!m) return null;
  const v = Number(m[1]);
  return Number.isFinite(v) && v <= 0 && v >= -32 ? v : null;
}
