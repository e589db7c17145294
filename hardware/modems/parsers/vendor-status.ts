// M-SIG-1 vendor status answers: Huawei ^PREFMODE / ^SYSCFG (transcript 12), Sierra CDMA
// !STATUS (transcript 13, ModemManager's parse_status), ZTE +ZPAS (transcript 14), VIA
// +CREG:<n>,<SID>,<NID>,<stat> and +VROM (transcript 06), Huawei ^MODE and ^CSNR URCs
// (transcript 10), +CMTI (transcript 20). Pure.
import type { NetworkMode, NetworkStatus } from '../modem-types';

/** ^PREFMODE:8 → 'hybrid'; ^PREFMODE:(2,4,8) → the supported list. 2 = 1x only, 4 = EV-DO only, 8 = hybrid. */
export function parsePrefmode(line: string): { current: 2 | 4 | 8 } | { supported: number[] } | null {
  const m = /^\^PREFMODE:\s*(.*)$/i.exec(line.trim());
  if (!m) return null;
  const v = m[1]!.trim();
  if (v.startsWith('(')) return { supported: v.replace(/[()]/g, '').split(',').filter(Boolean).map(Number) };
  const n = Number(v);
  return n === 2 || n === 4 || n === 8 ? { current: n } : null;
}

/** ^SYSCFG:<mode>,<acqorder>,<band hex>,<roam>,<srvdomain> (read form). */
export function parseSyscfg(line: string): { mode: number; acqOrder: number; band: string; roam: number; srvDomain: number } | null {
  const m = /^\^SYSCFG:\s*(\d+),(\d+),([0-9A-F]+),(\d+),(\d+)\s*$/i.exec(line.trim());
  return m ? { mode: Number(m[1]), acqOrder: Number(m[2]), band: m[3]!.toUpperCase(), roam: Number(m[4]), srvDomain: Number(m[5]) } : null;
}

/** Sierra CDMA AT!STATUS, both layouts (EV-DO parts: Sys Mode / 1xRoam / HDRRoam; 1x parts: Roaming). */
export function parseSierraStatus(lines: string[]): NetworkStatus & { registered: boolean } {
  const text = lines.join('\n');
  const num = (re: RegExp) => {
    const m = re.exec(text);
    return m ? Number(m[1]) : null;
  };
  const sid = num(/SID:\s*(\d+)/);
  const nid = num(/NID:\s*(\d+)/);
  const sysMode = /Sys Mode:\s*([A-Z ]+?)\s*$/m.exec(text)?.[1]?.trim() ?? null;
  const registered = /Modem has registered/i.test(text) && !/NOT registered/i.test(text);
  const roaming = (num(/(?:^|\s)Roaming:\s*(\d+)/) ?? 0) > 0 || (num(/1xRoam:\s*(\d+)/) ?? 0) > 0 || (num(/HDRRoam:\s*(\d+)/) ?? 0) > 0;
  const rev = /HDR Revision:\s*([0AB])/i.exec(text)?.[1]?.toUpperCase();
  let mode: NetworkMode = 'no-service';
  if (registered) {
    if (sysMode === 'HDR' || sysMode === 'HYBRID') mode = rev === 'A' ? 'evdo-reva' : rev === 'B' ? 'evdo-revb' : 'evdo-rel0';
    else if (sysMode === 'CDMA' || sysMode === '1X' || sysMode === null) mode = 'cdma1x';
    else mode = 'unknown';
  }
  return { mode, roaming: registered && roaming, sid: registered && sid ? sid : null, nid: registered && sid ? nid : null, registered };
}

/** ZTE 3GPP +ZPAS: "GPRS/EDGE","CS_ONLY" → the technology. */
export function parseZpas(line: string): NetworkMode | null {
  const m = /^\+ZPAS:\s*"([^"]*)"/i.exec(line.trim());
  if (!m) return null;
  const v = m[1]!.toUpperCase();
  if (v === 'NO SERVICE' || v === 'LIMITED SERVICE') return 'no-service';
  if (v.includes('LTE')) return 'lte';
  if (v.includes('HSPA') || v.includes('HSDPA') || v.includes('HSUPA')) return 'hspa';
  if (v.includes('UMTS') || v.includes('WCDMA') || v === '3G') return 'umts';
  if (v.includes('GSM') || v.includes('GPRS') || v.includes('EDGE')) return 'gsm';
  return 'unknown';
}

/** VIA CBP +CREG:<n>,<SID>,<NID>,<stat> (CDMA, not 3GPP LAC/CI) → SID, NID, registered. */
export function parseViaCreg(line: string): { sid: number; nid: number; registered: boolean; roaming: boolean } | null {
  const m = /^\+CREG:\s*\d+\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*$/i.exec(line.trim());
  if (!m) return null;
  const stat = Number(m[3]);
  return { sid: Number(m[1]), nid: Number(m[2]), registered: stat === 1 || stat === 5, roaming: stat === 5 };
}

/** VIA +VROM:<n>,<roam>: TSB-58 roaming indicator, 1 = home. */
export function parseVrom(line: string): boolean | null {
  const m = /^\+VROM:\s*\d+\s*,\s*(\d+)/i.exec(line.trim());
  return m ? Number(m[1]) !== 1 : null;
}

/** ^MODE:<sys_mode>[,<submode>] URC → the service mode (2 = 1x, 4/8 = EV-DO, 3 GSM, 5 WCDMA, 0 none). */
export function parseModeUrc(line: string): NetworkMode | null {
  const m = /^\^MODE:\s*(\d+)(?:\s*,\s*(\d+))?/i.exec(line.trim());
  if (!m) return null;
  const mode = Number(m[1]);
  const sub = m[2] === undefined ? null : Number(m[2]);
  if (mode === 0) return 'no-service';
  if (mode === 2) return 'cdma1x';
  if (mode === 4 || mode === 8) return 'evdo-rel0';
  if (mode === 3) return 'gsm';
  if (mode === 5 || mode === 7) return sub !== null && sub >= 5 ? 'hspa' : 'umts';
  return 'unknown';
}

/** ^CSNR:<rscp>,<ecio> (Huawei WCDMA, transcript 10). */
export function parseCsnr(line: string): { rscpDbm: number; ecioDb: number } | null {
  const m = /^\^CSNR:\s*(-?\d+)\s*,\s*(-?\d+)/i.exec(line.trim());
  return m ? { rscpDbm: Number(m[1]), ecioDb: Number(m[2]) } : null;
}

/** +CMTI: "SM",0 — a new message in storage at index (transcript 20). */
export function parseCmti(line: string): { storage: string; index: number } | null {
  const m = /^\+CMTI:\s*"([A-Z]+)"\s*,\s*(\d+)/i.exec(line.trim());
  return m ? { storage: m[1]!, index: Number(m[2]) } : null;
}

/**
 * ZTE 3GPP +ZSNT: <cm_mode>,<net_sel_mode>,<pref_acq> (ModemManager's ZTE plugin, transcript
 * 14): cm_mode 0 auto, 1 GSM only, 2 WCDMA only, 6 LTE only; pref_acq 0 auto, 1 2G first, 2 3G first.
 */
export function parseZsnt(line: string): { cmMode: number; netSelMode: number; prefAcq: number } | null {
  const m = /^\+ZSNT:\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*$/i.exec(line.trim());
  return m ? { cmMode: Number(m[1]), netSelMode: Number(m[2]), prefAcq: Number(m[3]) } : null;
}
