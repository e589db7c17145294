// M-SIG-1 network parsers: Huawei ^SYSINFO / ^SYSINFOEX (MC509 p.59; transcripts 05, 07),
// IS-707 +CSS, Huawei ^CURRSID, VIA +CSNID, 3GPP +CREG/+COPS. Pure.
import type { NetworkMode, NetworkStatus } from '../modem-types';
import { stripTags } from './identity';

export interface Sysinfo {
  srvStatus: number;
  srvDomain: number;
  roaming: boolean;
  sysMode: number;
  simState: number | null;
  submode: number | null;
}

/** ^SYSINFO:<srv_status>,<srv_domain>,<roam>,<sys_mode>,<sim_state>[,<lock>,<submode>] — space after the colon optional, empty trailing fields allowed. */
export function parseSysinfo(line: string): Sysinfo | null {
  const m = /^\^SYSINFO:\s*(.*)$/i.exec(line.trim());
  if (!m) return null;
  const f = m[1]!.split(',').map((x) => x.trim());
  const n = (i: number) => (f[i] === undefined || f[i] === '' ? null : Number(f[i]));
  const srv = n(0);
  const mode = n(3);
  if (srv === null || mode === null || Number.isNaN(srv) || Number.isNaN(mode)) return null;
  return { srvStatus: srv, srvDomain: n(1) ?? 255, roaming: n(2) === 1, sysMode: mode, simState: n(4), submode: n(6) };
}

const SUBMODE: Record<number, NetworkMode> = { 1: 'gsm', 2: 'gsm', 3: 'gsm', 4: 'umts', 5: 'hspa', 6: 'hspa', 7: 'hspa', 9: 'hspa', 10: 'evdo-rel0', 11: 'evdo-reva', 12: 'evdo-revb', 13: 'cdma1x', 17: 'hspa', 18: 'hspa' };

/** ModemManager's Huawei tables: sys_mode 2 = 1x, 4 = EV-DO, 8 = hybrid (EV-DO carries data), 3 GSM, 5 WCDMA. */
export function networkFromSysinfo(s: Sysinfo): NetworkStatus {
  const limited = s.srvStatus === 1 || s.srvStatus === 3;
  if (s.srvStatus === 0 || s.srvStatus === 4 || s.sysMode === 0) return { mode: 'no-service', roaming: false, sid: null, nid: null };
  let mode: NetworkMode = 'unknown';
  if (s.submode !== null && SUBMODE[s.submode]) mode = SUBMODE[s.submode]!;
  else if (s.sysMode === 2) mode = 'cdma1x';
  else if (s.sysMode === 4 || s.sysMode === 8) mode = 'evdo-rel0';
  else if (s.sysMode === 3) mode = 'gsm';
  else if (s.sysMode === 5 || s.sysMode === 7) mode = 'umts';
  return { mode, roaming: s.roaming, sid: null, nid: null, ...(limited ? { limited } : {}) };
}

/** ^SYSINFOEX:<srv>,<domain>,<roam>,<sim>,<lock>,<sysmode>,<name>,<submode>,<name> (transcript 05). */
export function parseSysinfoEx(line: string): NetworkStatus | null {
  const m = /^\^SYSINFOEX:\s*(.*)$/i.exec(line.trim());
  if (!m) return null;
  const f = m[1]!.split(',').map((x) => x.trim().replace(/^"|"$/g, ''));
  const srv = Number(f[0]);
  const sysmode = Number(f[5]);
  const sub = Number(f[7]);
  if (Number.isNaN(srv)) return null;
  if (srv === 0 || srv === 4) return { mode: 'no-service', roaming: false, sid: null, nid: null };
  let mode: NetworkMode = 'unknown';
  if (sysmode === 6 || sub === 101) mode = 'lte';
  else if (sysmode === 2) mode = sub === 24 || sub === 28 ? 'evdo-rel0' : sub === 25 || sub === 29 ? 'evdo-reva' : sub === 26 || sub === 30 ? 'evdo-revb' : 'cdma1x';
  else if (sysmode === 3) mode = sub >= 42 ? 'hspa' : 'umts';
  else if (sysmode === 1) mode = 'gsm';
  return { mode, roaming: f[2] === '1', sid: null, nid: null };
}

/** +CSS: ? , <sid>  or  +CSS: <class>,<band>,<sid>; 99999 (or 0 with band Z) is no service. */
export function parseCssSid(line: string): number | null {
  const m = /^\+CSS:\s*(.*)$/i.exec(line.trim());
  if (!m) return null;
  const f = m[1]!.split(',').map((x) => x.trim());
  const sid = Number(f[f.length - 1]);
  if (!Number.isInteger(sid) || sid <= 0 || sid >= 99999 || sid > 32767) return null;
  return sid;
}

/** ^CURRSID:<sid>,<nid> (Huawei RIL) or +CSNID:<sid>,<nid> (VIA, transcript 06); 0,0 is none. */
export function parseSidNid(line: string): { sid: number; nid: number } | null {
  const m = /^(?:\^CURRSID|\+CSNID):\s*(\d+)\s*,\s*(\d+)/i.exec(line.trim());
  if (!m) return null;
  const sid = Number(m[1]);
  const nid = Number(m[2]);
  return sid === 0 ? null : { sid, nid };
}

/** 27.007 §7.2 <stat>: 1 home, 5 roaming, 6/7 SMS only (home/roaming), 9/10 CSFB not preferred (home/roaming) are registered. */
const REGISTERED = new Set([1, 5, 6, 7, 9, 10]);
const ROAMING = new Set([5, 7, 10]);
/** 0 not searching, 2 searching, 3 denied, 8 emergency only, 11 attached for RLOS: the modem says it has no (normal) service. 4 is "unknown". */
const NO_SERVICE = new Set([0, 2, 3, 8, 11]);

export interface Registration {
  stat: number;
  registered: boolean;
  roaming: boolean;
  /** The modem said it has no service (stat 0, 2, 3, 8, 11); false for stat 4 "unknown". */
  noService: boolean;
  /** The <AcT> field when the answer carries one. */
  act: number | null;
}

const isQuoted = (f: string | undefined) => !!f && f.startsWith('"');
const isLacLike = (f: string | undefined, next: string | undefined) => !!f && (isQuoted(f) || /[a-f]/i.test(f) || (f.length >= 4 && !isQuoted(next)));

/**
 * +CREG / +CGREG / +CEREG answers in every layout ModemManager's tests list: the read form
 * "<n>,<stat>[,<lac>,<ci>[,<AcT>]]", the unsolicited form "<stat>[,<lac>,<ci>[,<AcT>]]"
 * that some firmwares give to the query too, zero-padded numbers ("+CREG:002,001,…"),
 * spaces inside fields, +CEREG's extra <rac>. Whether field 2 is <stat> or <lac> is told
 * by its shape: a LAC is quoted, has hex letters, or is 4+ digits followed by an unquoted CI.
 */
export function parseCreg(line: string): Registration | null {
  const m = /^\+C(?:E|G|5G)?REG:\s*(.*)$/i.exec(line.trim());
  if (!m) return null;
  const f = m[1]!.split(',').map((x) => x.trim());
  if (f.length === 0 || f[0] === '') return null;
  let statField: string;
  let rest: string[];
  if (f.length === 1) [statField, rest] = [f[0]!, []];
  else if (f.length === 2) [statField, rest] = [f[1]!, []];
  else if (isLacLike(f[1], f[2])) [statField, rest] = [f[0]!, f.slice(1)];
  else [statField, rest] = [f[1]!, f.slice(2)];
  // "+CREG: 2,," — no status yet: the modem is still searching (ModemManager reads it so).
  const stat = statField === '' ? 2 : Number(statField);
  if (!Number.isInteger(stat) || stat < 0 || stat > 11) return null;
  // <AcT> follows LAC and CI; +CEREG may put <rac> between them, so there it is the last field.
  const actField = rest.length < 3 ? undefined : /^\+CEREG/i.test(line.trim()) ? rest[rest.length - 1] : rest[2];
  const act = actField !== undefined && /^"?0*\d{1,2}"?$/.test(actField) ? Number(actField.replace(/"/g, '')) : null;
  return { stat, registered: REGISTERED.has(stat), roaming: ROAMING.has(stat), noService: NO_SERVICE.has(stat), act };
}

/**
 * 27.007 <AcT> (+COPS, +CREG) → the contract's mode: 0/1 GSM, 3 EDGE and 8 EC-GSM-IoT are
 * gsm; 2 UTRAN umts; 4/5/6 HSDPA/HSUPA/HSPA hspa; 7 E-UTRAN, 9 E-UTRAN NB-S1, 10 E-UTRA
 * on a 5G core and 13 E-UTRA-NR dual connectivity (an LTE anchor) lte. 11/12 (NR alone)
 * have no mode in the contract: unknown, not guessed.
 */
export function modeFromAct(act: number): NetworkMode | null {
  if (act === 0 || act === 1 || act === 3 || act === 8) return 'gsm';
  if (act === 2) return 'umts';
  if (act >= 4 && act <= 6) return 'hspa';
  if (act === 7 || act === 9 || act === 10 || act === 13) return 'lte';
  if (act === 11 || act === 12) return 'unknown';
  return null;
}

/** +COPS: <mode>[,<format>,<oper>[,<AcT>]] → the technology, null when no AcT is given. */
export function parseCopsAct(line: string): NetworkMode | null {
  const m = /^\+COPS:\s*(.*)$/i.exec(line.trim());
  if (!m) return null;
  const f = stripTags(m[1]!).split(',');
  if (f.length < 4) return null;
  const act = Number(f[f.length - 1]!.trim());
  return Number.isInteger(act) ? modeFromAct(act) : null;
}

/** IS-707 +CAD: 1 is CDMA digital service, 0 none (ModemManager reads only 1); analog (2) says nothing of CDMA. */
export function parseCad(line: string): 'cdma1x' | 'no-service' | null {
  const m = /^\+CAD:\s*(\d+)/i.exec(line.trim());
  if (!m) return null;
  return m[1] === '1' ? 'cdma1x' : m[1] === '0' ? 'no-service' : null;
}
