// The generic modem (ModemManager's "broadband modem"): 3GPP 27.007 / IS-707 CDMA
// commands every stick understands; vendor profiles override only what differs. A
// command the firmware lacks answers ERROR, COMMAND NOT SUPPORT or nothing (reference
// §1.9): all three read as "not supported" here, never as a failure of the modem.
import type { AtChannel, AtResponse } from '../at/at-channel-types';
import { CodedError } from '../../src/shared/errors';
import type { DataFlow, ModemIdentity, ModemProfile, NetworkStatus, RadioTech, SignalReport, SmsMessage } from './modem-types';
import { parseDsflowrpt } from './parsers/flow';
import { normaliseManufacturer, parseAti, parseGsn, parseIdentityValue, parseImsi, parseMeid, parseTaggedValue } from './parsers/identity';
import { parseCopsAct, parseCreg, parseCssSid, parseSidNid, networkFromSysinfo, parseSysinfo } from './parsers/network';
import { parseCnum } from './parsers/number';
import { barsFromDbm, levelToDbm, parseCsqLike, parseLevel } from './parsers/signal';
import { parseCmglText } from './parsers/sms';
import { encodeSubmitPdus, parseCmglPdu } from './parsers/sms-pdu';

const AT_FAILURES = new Set(['at_unplugged', 'at_closed', 'at_data_mode']);

/** The answer's lines when it ended in OK; null when the modem does not support it. */
export async function ask(ch: AtChannel, command: string, timeoutMs = 3000): Promise<string[] | null> {
  let r: AtResponse;
  try {
    r = await ch.send(command, { timeoutMs });
  } catch (e) {
    // A vanished or busy port is the caller's problem; a silent command is "unsupported".
    if (AT_FAILURES.has((e as { code?: string }).code ?? '')) throw e;
    return null;
  }
  if (r.final.kind !== 'ok') return null;
  if (r.lines.some((l) => /^COMMAND NOT SUPPORT/i.test(l))) return null;
  return r.lines;
}

export async function first<T>(...tries: Array<() => Promise<T | null>>): Promise<T | null> {
  for (const t of tries) {
    const v = await t();
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

const isCdmaGcap = (g: string | null) => !!g && /CIS707|CIS-856|IS-856/i.test(g);

export interface ProfileParts {
  id: string;
  tech: RadioTech;
  dialString: string;
  signalUrcPrefixes: readonly string[];
  /** Commands that give the MDN, tried in order (M-NUM-1). */
  numberMethods: Array<(ch: AtChannel) => Promise<string | null>>;
  network(ch: AtChannel): Promise<NetworkStatus>;
  signal(ch: AtChannel): Promise<SignalReport>;
  sendSms(ch: AtChannel, to: string, text: string): Promise<void>;
  readSms(ch: AtChannel): Promise<SmsMessage[]>;
  deleteSms(ch: AtChannel, index: number): Promise<void>;
  identityExtras?(ch: AtChannel, id: ModemIdentity): Promise<ModemIdentity>;
  /** Commands that dial a feature code, tried in order while they answer ERROR (M-CALL-1); default ATD<code>; */
  serviceDial?(code: string): string[];
}

/** Identity from ATI, then the single commands (ModemManager's order), then vendor extras. */
export async function genericIdentity(ch: AtChannel, tech: RadioTech): Promise<ModemIdentity> {
  const ati = parseAti((await ask(ch, 'ATI')) ?? []);
  const manufacturer = ati.manufacturer ?? (await first(async () => parseIdentityValue((await ask(ch, 'AT+CGMI')) ?? []), async () => parseIdentityValue((await ask(ch, 'AT+GMI')) ?? [])));
  const model = ati.model ?? (await first(async () => parseIdentityValue((await ask(ch, 'AT+CGMM')) ?? []), async () => parseIdentityValue((await ask(ch, 'AT+GMM')) ?? [])));
  const revision = ati.revision ?? (await first(async () => parseIdentityValue((await ask(ch, 'AT+CGMR')) ?? []), async () => parseIdentityValue((await ask(ch, 'AT+GMR')) ?? [])));
  const gsn = parseGsn((await ask(ch, 'AT+GSN')) ?? (await ask(ch, 'AT+CGSN')) ?? []);
  const id: ModemIdentity = {
    manufacturer: normaliseManufacturer(manufacturer),
    model,
    revision,
    hardwareVersion: null,
    esn: tech === 'cdma' ? (gsn.esn ?? ati.esn) : null,
    meid: tech === 'cdma' ? (gsn.meid ?? ati.meid) : null,
    imei: tech === '3gpp' ? (gsn.imei ?? ati.imei) : null,
    imsi: parseImsi((await ask(ch, 'AT+CIMI')) ?? []),
    prlVersion: null,
  };
  return id;
}

export function buildProfile(parts: ProfileParts): ModemProfile {
  return {
    id: parts.id,
    tech: parts.tech,
    dialString: parts.dialString,
    signalUrcPrefixes: parts.signalUrcPrefixes,
    async identity(ch) {
      const id = await genericIdentity(ch, parts.tech);
      return parts.identityExtras ? parts.identityExtras(ch, id) : id;
    },
    async number(ch) {
      for (const method of parts.numberMethods) {
        const n = await method(ch);
        if (n) return n;
      }
      return null;
    },
    network: (ch) => parts.network(ch),
    signal: (ch) => parts.signal(ch),
    parseFlowReport: (line: string): DataFlow | null => parseDsflowrpt(line),
    sendSms: (ch, to, text) => parts.sendSms(ch, to, text),
    readSms: (ch) => parts.readSms(ch),
    deleteSms: (ch, index) => parts.deleteSms(ch, index),
    async dialServiceCode(ch, code) {
      if (!/^[0-9*#+]{1,32}$/.test(code)) throw new CodedError('invalid_code', 'A service code is digits, * and # only.', { field: 'code' });
      // A feature code is a voice-style call the network's announcement ends (A-RUNA-2). Each
      // dial form the vendor knows is tried in order; ERROR means "not this form", any other
      // final result is the network's outcome.
      const forms = parts.serviceDial?.(code) ?? [`ATD${code};`];
      let kind: string = 'error';
      for (const command of forms) {
        kind = (await ch.send(command, { timeoutMs: 30_000 })).final.kind;
        if (kind !== 'error' && kind !== 'cme-error') break;
      }
      return kind === 'ok' ? 'ok' : kind === 'busy' ? 'busy' : kind === 'no-answer' ? 'no-answer' : kind === 'no-carrier' ? 'no-carrier' : 'error';
    },
  };
}

// ---- shared pieces ----

export const cnumMethod = async (ch: AtChannel) => parseCnum((await ask(ch, 'AT+CNUM')) ?? []);

/** CDMA network from ^SYSINFO (Huawei, ZTE CDMA, VIA) with SID/NID from ^CURRSID or +CSS. */
export async function cdmaNetwork(ch: AtChannel): Promise<NetworkStatus> {
  const line = ((await ask(ch, 'AT^SYSINFO')) ?? []).map(parseSysinfo).find((s) => s !== null) ?? null;
  let net: NetworkStatus;
  if (line) net = networkFromSysinfo(line);
  else {
    const cad = ((await ask(ch, 'AT+CAD?')) ?? []).join(' ');
    net = { mode: /\+CAD:\s*1/.test(cad) ? 'cdma1x' : 'no-service', roaming: false, sid: null, nid: null };
  }
  if (net.mode === 'no-service') return net;
  const sidNid = ((await ask(ch, 'AT^CURRSID')) ?? []).map(parseSidNid).find((x) => x !== null) ?? null;
  if (sidNid) return { ...net, sid: sidNid.sid, nid: sidNid.nid };
  const sid = ((await ask(ch, 'AT+CSS?')) ?? []).map(parseCssSid).find((x) => x !== null) ?? null;
  return { ...net, sid };
}

/** CDMA signal: 1x from +CSQ (the 1x pilot), EV-DO from the HDR level when EV-DO is up. */
export async function cdmaSignal(ch: AtChannel, evdoCommands: string[], oneXCommands: string[] = ['AT+CSQ']): Promise<SignalReport> {
  // +CSQ (0..31) first; Huawei's ^CSQLVL (0..99 level, ModemManager's choice) where +CSQ is not answered.
  let rssi1x: number | null = null;
  for (const c of oneXCommands) {
    const lines = (await ask(ch, c)) ?? [];
    rssi1x = lines.map(parseCsqLike).find((x) => x !== null) ?? lines.map(parseLevel).map((l) => (l === null ? null : levelToDbm(l))).find((x) => x !== null) ?? null;
    if (rssi1x !== null) break;
  }
  let evdoDbm: number | null = null;
  for (const c of evdoCommands) {
    const lvl = ((await ask(ch, c)) ?? []).map(parseLevel).find((x) => x !== null);
    if (lvl !== undefined && lvl !== null) {
      evdoDbm = levelToDbm(lvl);
      break;
    }
  }
  return {
    cdma1x: rssi1x === null ? null : { rssiDbm: rssi1x, ecioDb: null },
    evdo: evdoDbm === null ? null : { rssiDbm: evdoDbm, ecioDb: null, sinrDb: null },
    gsm: null,
    bars: barsFromDbm(Math.max(rssi1x ?? -200, evdoDbm ?? -200) === -200 ? null : Math.max(rssi1x ?? -200, evdoDbm ?? -200)),
  };
}

/** 3GPP registration and technology from +CREG?/+COPS? (27.007). */
export async function gppNetwork(ch: AtChannel): Promise<NetworkStatus> {
  const reg = ((await ask(ch, 'AT+CREG?')) ?? []).map(parseCreg).find((x) => x !== null) ?? null;
  if (!reg?.registered) return { mode: 'no-service', roaming: false, sid: null, nid: null };
  const act = ((await ask(ch, 'AT+COPS?')) ?? []).map(parseCopsAct).find((x) => x !== null) ?? null;
  return { mode: act ?? 'unknown', roaming: reg.roaming, sid: null, nid: null };
}

/** 27.005 text-mode SMS (3GPP and ZTE CDMA): UCS2 when the text is not plain ASCII. */
export async function sendSmsTextMode(ch: AtChannel, to: string, text: string): Promise<void> {
  const unicode = !/^[\x20-\x7e]*$/.test(text);
  await ask(ch, 'AT+CMGF=1');
  if (unicode) await ask(ch, 'AT+CSCS="UCS2"');
  const hex = (s: string) => Buffer.from(s, 'utf16le').swap16().toString('hex').toUpperCase();
  try {
    const r = await ch.send(`AT+CMGS="${unicode ? hex(to) : to}"`, { timeoutMs: 30_000, promptPayload: unicode ? hex(text) : text });
    if (r.final.kind !== 'ok') throw new CodedError('sms_failed', `The modem refused the SMS (${r.final.kind}${'text' in r.final ? ` ${r.final.text}` : ''}).`);
  } finally {
    if (unicode) await ask(ch, 'AT+CSCS="IRA"');
  }
}

export async function readSmsTextMode(ch: AtChannel): Promise<SmsMessage[]> {
  await ask(ch, 'AT+CMGF=1');
  return parseCmglText((await ask(ch, 'AT+CMGL="ALL"', 10_000)) ?? []);
}

export async function deleteSmsGeneric(ch: AtChannel, index: number): Promise<void> {
  const r = await ch.send(`AT+CMGD=${index}`, { timeoutMs: 10_000 });
  if (r.final.kind !== 'ok') throw new CodedError('sms_delete_failed', `The modem could not delete message ${index}.`);
}

/** 3GPP sticks that refuse text mode (AT+CMGF=1 → ERROR) speak PDU mode only (27.005 §3.2.3). */
export async function sendSms3gpp(ch: AtChannel, to: string, text: string): Promise<void> {
  if ((await ask(ch, 'AT+CMGF=1')) !== null) return sendSmsTextMode(ch, to, text);
  if ((await ask(ch, 'AT+CMGF=0')) === null) throw new CodedError('sms_failed', 'The modem takes SMS neither in text nor in PDU mode.');
  for (const part of encodeSubmitPdus(to, text)) {
    const r = await ch.send(`AT+CMGS=${part.length}`, { timeoutMs: 30_000, promptPayload: part.hex });
    if (r.final.kind !== 'ok') throw new CodedError('sms_failed', `The modem refused the SMS (${r.final.kind}${'text' in r.final ? ` ${r.final.text}` : ''}).`);
  }
}

export async function readSms3gpp(ch: AtChannel): Promise<SmsMessage[]> {
  if ((await ask(ch, 'AT+CMGF=1')) !== null) return parseCmglText((await ask(ch, 'AT+CMGL="ALL"', 10_000)) ?? []);
  if ((await ask(ch, 'AT+CMGF=0')) === null) return [];
  return parseCmglPdu((await ask(ch, 'AT+CMGL=4', 10_000)) ?? []);
}

export { isCdmaGcap, parseMeid, parseTaggedValue };
