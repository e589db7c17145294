// CDMA network and signal (M-SIG-1), the IS-707 / Qualcomm way that Huawei, ZTE and most
// CDMA firmwares share, and the VIA Telecom CBP way (transcript 06). Registration comes
// from the first query the modem answers; when it answers none, the mode is `unknown`
// (CONTRACTS.md: `no-service` only when the modem said so) and SID/NID are still read.
import type { AtChannel } from '../at/at-channel-types';
import { ask, read } from './ask';
import type { NetworkStatus, SignalReport } from './modem-types';
import { networkFromSysinfo, parseCad, parseCssSid, parseSidNid, parseSysinfo, parseSysinfoEx } from './parsers/network';
import { barsFromDbm, levelToDbm, parseCsqLike, parseEcio, parseLevel } from './parsers/signal';
import { parseCsnr, parseViaCreg, parseVrom } from './parsers/vendor-status';

const UNKNOWN: NetworkStatus = { mode: 'unknown', roaming: false, sid: null, nid: null };
const NO_SERVICE: NetworkStatus = { mode: 'no-service', roaming: false, sid: null, nid: null };

/** CDMA network from ^SYSINFO (Huawei, ZTE CDMA, VIA), else +CAD?; SID/NID from ^CURRSID or +CSS?. */
export async function cdmaNetwork(ch: AtChannel): Promise<NetworkStatus> {
  const sys = await read(ch, 'AT^SYSINFO', parseSysinfo);
  let net: NetworkStatus = UNKNOWN;
  if (sys) net = networkFromSysinfo(sys);
  else {
    const cad = await read(ch, 'AT+CAD?', parseCad);
    if (cad) net = { ...UNKNOWN, mode: cad };
  }
  if (net.mode === 'no-service') return net;
  const sidNid = await read(ch, 'AT^CURRSID', parseSidNid);
  if (sidNid) return { ...net, sid: sidNid.sid, nid: sidNid.nid };
  return { ...net, sid: await read(ch, 'AT+CSS?', parseCssSid) };
}

/**
 * VIA Telecom CBP (and the Fusion 2770p built on it): ^SYSINFOEX or ^SYSINFO for the
 * service and technology; +CREG? in VIA's CDMA layout <n>,<SID>,<NID>,<stat> for
 * registration and SID/NID; +CSNID? for SID/NID; +VROM? (TSB-58 roaming indicator) for
 * roaming, which wins over the others because it is the network's own indicator.
 */
export async function viaCdmaNetwork(ch: AtChannel): Promise<NetworkStatus> {
  let net: NetworkStatus | null = await read(ch, 'AT^SYSINFOEX', parseSysinfoEx);
  if (!net) {
    const sys = await read(ch, 'AT^SYSINFO', parseSysinfo);
    if (sys) net = networkFromSysinfo(sys);
  }
  const creg = await read(ch, 'AT+CREG?', parseViaCreg);
  if (!net && creg) net = creg.registered ? { ...UNKNOWN, roaming: creg.roaming } : NO_SERVICE;
  if (!net) net = UNKNOWN;
  if (net.mode === 'no-service') return net;
  const sidNid = (await read(ch, 'AT+CSNID?', parseSidNid)) ?? (creg && creg.sid > 0 ? { sid: creg.sid, nid: creg.nid } : null);
  const roam = await read(ch, 'AT+VROM?', parseVrom);
  return { ...net, roaming: roam ?? net.roaming, sid: sidNid?.sid ?? null, nid: sidNid?.nid ?? null };
}

export interface CdmaSignalSources {
  /** Commands for the 1x RSSI, tried in order: +CSQ (0..31), Huawei's ^CSQLVL (0..99 level). */
  oneX: string[];
  /** Commands for the EV-DO level (^HDRCSQLVL, ^HDRCSQ), tried in order. */
  evdo: string[];
  /** Commands for the 1x pilot Ec/Io: Huawei's ^CSNR? (<rssi>,<ecio>), Qualcomm/Sierra +ECIO?. */
  ecio: string[];
}

/** CDMA signal: 1x RSSI (with its Ec/Io where the modem gives it), EV-DO level when EV-DO is up. */
export async function cdmaSignal(ch: AtChannel, src: CdmaSignalSources): Promise<SignalReport> {
  let rssi1x: number | null = null;
  for (const c of src.oneX) {
    const lines = (await ask(ch, c)) ?? [];
    rssi1x = lines.map(parseCsqLike).find((x) => x !== null) ?? lines.map(parseLevel).map((l) => (l === null ? null : levelToDbm(l))).find((x) => x !== null) ?? null;
    if (rssi1x !== null) break;
  }
  let ecio: number | null = null;
  for (const c of src.ecio) {
    const lines = (await ask(ch, c)) ?? [];
    const csnr = lines.map(parseCsnr).find((x) => x !== null) ?? null;
    // "^CSNR: -145,-32" is both ranges' floor: nothing measured (a stick without a pilot).
    if (csnr && csnr.rscpDbm > -145) {
      rssi1x ??= csnr.rscpDbm;
      ecio = csnr.ecioDb;
    } else ecio = lines.map(parseEcio).find((x) => x !== null) ?? null;
    if (ecio !== null) break;
  }
  let evdoDbm: number | null = null;
  for (const c of src.evdo) {
    const lvl = ((await ask(ch, c)) ?? []).map(parseLevel).find((x) => x !== null);
    if (lvl !== undefined && lvl !== null) {
      evdoDbm = levelToDbm(lvl);
      break;
    }
  }
  const best = Math.max(rssi1x ?? -200, evdoDbm ?? -200);
  return {
    cdma1x: rssi1x === null ? null : { rssiDbm: rssi1x, ecioDb: ecio },
    evdo: evdoDbm === null ? null : { rssiDbm: evdoDbm, ecioDb: null, sinrDb: null },
    gsm: null,
    bars: barsFromDbm(best === -200 ? null : best),
  };
}
