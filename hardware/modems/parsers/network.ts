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

/** +CREG: [<n>,]<stat>[,...] → registered / roaming (27.007 §7.2). */
export function parseCreg(line: string): { registered: boolean; roaming: boolean } | null {
  const m = /^\+C(?:E|G)?REG:\s*(.*)$/i.exec(line.trim());
  if (!m) return null;
  const f = m[1]!.split(',').map((x) => x.trim());
  const stat = Number(f.length >= 2 && f[0]!.length === 1 && !f[1]!.startsWith('"') ? f[1] : f[0]);
  if (Number.isNaN(stat)) return null;
  return { registered: stat === 1 || stat === 5, roaming: stat === 5 };
}

/** +COPS: <mode>[,<format>,<oper>[,<AcT>]]; AcT 0 GSM, 2 UTRAN, 3 EDGE, 4-6 HSxPA, 7 LTE. */
export function parseCopsAct(line: string): NetworkMode | null {
  const m = /^\+COPS:\s*(.*)$/i.exec(line.trim());
  if (!m) return null;
  const f = stripTags(m[1]!).split(',');
  if (f.length < 4) return null;
  const act = Number(f[3]);
  return act === 7 ? 'lte' : act >= 4 && act <= 6 ? 'hspa' : act === 2 ? 'umts' : act === 0 || act === 3 ? 'gsm' : null;
}
