// SMS commands (APP.md V-4). Two command families, as the reference documents them
// (../shared/reference/at-commands.md 1.6):
// - Huawei CDMA: ^HCMGS / ^HCMGR / ^HCMGL / ^HCMGW / ^HSMSSS, +CMGD, +CMGF, +CPMS, +CNMI
//   (MC509 spec §8). Text mode only: CDMA "PDU" is IS-637 and Qualcomm firmware refuses
//   it ("PDU Mode Not supported in CDMA"), so PDU-mode reads and sends get +CMS ERROR 303.
// - 27.005 text and PDU mode: +CMGF / +CSCS / +CMGS / +CMGR / +CMGL / +CMGD / +CPMS / +CNMI
//   (3GPP stick; ZTE CDMA in text mode, as Qualcomm maps +CMGS to IS-637 in text mode).
import { kyivFields, kyivOffsetMinutes } from '../../../src/shared/kyiv-time';
import { splitArgs, unquote } from '../device/command-line';
import { cms, ok } from '../device/replies';
import type { VirtualModem } from '../modem';
import { decodeSubmit, encodeDeliver } from '../sms/pdu';
import type { SmsStatus, StoredSms } from '../sms/sms-store';
import type { Handler } from './profile-types';

const pad2 = (n: number) => String(n).padStart(2, '0');
const DIAL_CHARS = /^\+?[0-9*#]{1,20}$/;

function cpms(modem: VirtualModem): string {
  const st = modem.profile.smsStorage;
  const tag = modem.profile.errorSpace ? '+CPMS: ' : '+CPMS:';
  const n = modem.sms.used;
  return `${tag}"${st}",${n},${modem.sms.capacity},"${st}",${n},${modem.sms.capacity},"${st}",${n},${modem.sms.capacity}`;
}

function indexArg(args: string): number | null {
  const v = Number(splitArgs(args)[0]);
  return Number.isInteger(v) && v >= 0 ? v : null;
}

const shared = (): Record<string, Handler> => ({
  '+CMGF': ({ port, cmd, modem }) => {
    const tag = modem.profile.errorSpace ? '+CMGF: ' : '+CMGF:';
    if (cmd.kind === 'read') return ok(`${tag}${port.cmgf}`);
    if (cmd.kind === 'test') return ok(`${tag}(0-1)`);
    if (cmd.args !== '0' && cmd.args !== '1') return cms(304);
    port.cmgf = Number(cmd.args);
    return ok();
  },
  '+CPMS': ({ modem, cmd }) => {
    const st = modem.profile.smsStorage;
    if (cmd.kind === 'test') return ok(`+CPMS: ("${st}"),("${st}"),("${st}")`);
    if (cmd.kind === 'set' && !splitArgs(cmd.args).every((a) => unquote(a) === st || a === '')) return cms(302);
    if (cmd.kind === 'set') {
      const n = modem.sms.used;
      const c = modem.sms.capacity;
      return ok(`${modem.profile.errorSpace ? '+CPMS: ' : '+CPMS:'}${n},${c},${n},${c},${n},${c}`);
    }
    return ok(cpms(modem));
  },
  '+CNMI': ({ cmd }) => (cmd.kind === 'read' ? ok('+CNMI: 2,1,0,0,0') : cmd.kind === 'test' ? ok('+CNMI: (0-2),(0-3),(0,2),(0-2),(0,1)') : ok()),
  '+CMGD': ({ modem, cmd }) => {
    if (cmd.kind === 'test') return ok(`+CMGD: (${modem.sms.list().map((m) => m.index).join(',')}),(0-4)`);
    const parts = splitArgs(cmd.args);
    const index = indexArg(cmd.args);
    const flag = Number(parts[1] ?? 0);
    if (flag === 4) {
      for (const m of modem.sms.list()) modem.sms.delete(m.index);
      return ok();
    }
    if (index === null) return cms(321);
    if (flag > 0) {
      const drop = (m: StoredSms) => (flag === 1 ? m.status === 'read' : flag === 2 ? m.status === 'read' || m.status === 'sent' : m.status !== 'unread');
      for (const m of modem.sms.list(drop)) modem.sms.delete(m.index);
      return ok();
    }
    return modem.sms.delete(index) ? ok() : cms(321);
  },
});

// ---- Huawei CDMA (MC509 §8.9-8.14) ----

const HC_STAT: Record<SmsStatus, number> = { unread: 0, read: 1, unsent: 2, sent: 3 };

function isAscii(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}

/** "^HCMGR:<callerID>,<year>,<month>,<day>,<hour>,<minute>,<second>,<lang>,<format>,<length>,<prt>,<prv>,<type>,<stat>" + body + Ctrl-Z. */
function hcHeader(m: StoredSms): { fields: string; body: string } {
  const t = kyivFields(m.at);
  const ascii = isAscii(m.text);
  // Unicode bodies are UCS-2 big-endian bytes ended by 0x00 0x1A (MC509 p.103); sent as latin1 chars = raw bytes
  const body = ascii ? `${m.text}\x1a` : Buffer.from(m.text, 'utf16le').swap16().toString('latin1') + '\x00\x1a';
  const length = ascii ? m.text.length : m.text.length * 2;
  const fields = `${m.peer},${t.year},${pad2(t.month)},${pad2(t.day)},${pad2(t.hour)},${pad2(t.minute)},${pad2(t.second)},0,${ascii ? 1 : 6},${length},0,0,0,${HC_STAT[m.status]}`;
  return { fields, body };
}

export function huaweiCdmaSmsHandlers(): Record<string, Handler> {
  let hsmsssFormat = 1;
  return {
    ...shared(),
    '^HSMSSS': ({ cmd }) => {
      if (cmd.kind === 'read') return ok(`^HSMSSS:0,0,${hsmsssFormat},0`);
      if (cmd.kind === 'test') return ok();
      const f = Number(splitArgs(cmd.args)[2] ?? 1);
      if (![1, 2, 3, 4, 5, 6].includes(f)) return cms(303); // 0 = GSM 7-bit: not supported (MC509 p.95)
      hsmsssFormat = f;
      return ok();
    },
    '^HCMGR': ({ modem, port, cmd }) => {
      if (port.cmgf === 0) return cms(303);
      const index = indexArg(cmd.args);
      const m = index === null ? undefined : modem.sms.read(index);
      if (!m) return cms(321);
      const h = hcHeader(m);
      return ok(`^HCMGR:${h.fields}`, h.body);
    },
    '^HCMGL': ({ modem, port, cmd }) => {
      if (port.cmgf === 0) return cms(303);
      const want = cmd.kind === 'set' ? Number(cmd.args) : 4; // 4 = all
      const lines: string[] = [];
      for (const m of modem.sms.list((x) => want === 4 || HC_STAT[x.status] === want)) {
        const h = hcHeader(modem.sms.read(m.index)!);
        lines.push(`^HCMGL:${m.index},${h.fields}`, h.body);
      }
      return ok(...lines);
    },
    '^HCMGS': ({ modem, port, cmd }) => {
      if (port.cmgf === 0) return cms(303);
      const da = unquote(splitArgs(cmd.args)[0]);
      if (cmd.kind !== 'set' || !DIAL_CHARS.test(da)) return cms(305);
      if (!modem.radio.inService) return cms(331);
      return {
        kind: 'prompt',
        unicode: hsmsssFormat === 6,
        submit: (text) => {
          const mr = modem.submitSms(da, text);
          // Qualcomm's reference prints ^HCMGS: <mr> at once and the network outcome later as ^HCMGSS
          modem.clock.setTimeout(() => modem.broadcastUrc(`^HCMGSS:${mr}`), 200);
          return ok(`^HCMGS:${mr}`);
        },
      };
    },
    '^HCMGW': ({ modem, port, cmd }) => {
      if (port.cmgf === 0) return cms(303);
      const da = unquote(splitArgs(cmd.args)[0]);
      if (cmd.kind !== 'set' || !DIAL_CHARS.test(da)) return cms(305);
      return {
        kind: 'prompt',
        unicode: hsmsssFormat === 6,
        submit: (text) => {
          const m = modem.sms.add({ status: 'unsent', peer: da, text, at: modem.clock.now() });
          return m ? ok(`^HCMGW:${m.index}`) : cms(322);
        },
      };
    },
  };
}

// ---- 27.005 text and PDU mode ----

const TEXT_STAT: Record<SmsStatus, string> = { unread: 'REC UNREAD', read: 'REC READ', unsent: 'STO UNSENT', sent: 'STO SENT' };
const PDU_STAT: Record<SmsStatus, number> = { unread: 0, read: 1, unsent: 2, sent: 3 };

/** "yy/MM/dd,hh:mm:ss+zz", zz in quarter hours (transcript 09: "10/03/28,15:05:12+04"). */
function scts(at: number): string {
  const t = kyivFields(at);
  const off = kyivOffsetMinutes(at) / 15;
  return `${pad2(t.year % 100)}/${pad2(t.month)}/${pad2(t.day)},${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}${off < 0 ? '-' : '+'}${pad2(Math.abs(off))}`;
}

const ucs2Hex = (s: string) => Buffer.from(s, 'utf16le').swap16().toString('hex').toUpperCase();
function fromUcs2Hex(hex: string): string | null {
  const h = hex.replace(/\s+/g, '');
  if (!/^([0-9A-Fa-f]{4})*$/.test(h)) return null;
  return Buffer.from(h, 'hex').swap16().toString('utf16le');
}

export function textModeSmsHandlers(opts: { pdu: boolean }): Record<string, Handler> {
  const peerText = (cscs: string, s: string) => (cscs === 'UCS2' ? ucs2Hex(s) : s);
  const entry = (modem: VirtualModem, cscs: string, m: StoredSms, withIndex: boolean, pdu: boolean): string[] => {
    if (pdu) {
      const d = encodeDeliver({ from: m.peer, text: m.text, time: kyivFields(m.at), offsetMin: kyivOffsetMinutes(m.at) });
      const head = withIndex ? `+CMGL: ${m.index},${PDU_STAT[m.status]},,${d.tpduLength}` : `+CMGR: ${PDU_STAT[m.status]},,${d.tpduLength}`;
      return [head, d.hex];
    }
    const stat = TEXT_STAT[m.status];
    const head = withIndex ? `+CMGL: ${m.index},"${stat}","${peerText(cscs, m.peer)}",,"${scts(m.at)}"` : `+CMGR: "${stat}","${peerText(cscs, m.peer)}",,"${scts(m.at)}"`;
    // IRA/GSM: the text as UTF-8 bytes on the wire (port output strings are byte strings)
    return [head, cscs === 'UCS2' ? ucs2Hex(m.text) : Buffer.from(m.text, 'utf8').toString('latin1')];
  };
  return {
    ...shared(),
    '+CSCS': ({ port, cmd }) => {
      if (cmd.kind === 'read') return ok(`+CSCS: "${port.cscs}"`);
      if (cmd.kind === 'test') return ok('+CSCS: ("IRA","GSM","UCS2")');
      const v = unquote(cmd.args).toUpperCase();
      if (!['IRA', 'GSM', 'UCS2'].includes(v)) return { kind: 'cme', code: 4 };
      port.cscs = v;
      return ok();
    },
    '+CMGR': ({ modem, port, cmd }) => {
      if (port.cmgf === 0 && !opts.pdu) return cms(303);
      const index = indexArg(cmd.args);
      const m = index === null ? undefined : modem.sms.read(index);
      if (!m) return cms(321);
      return ok(...entry(modem, port.cscs, m, false, port.cmgf === 0));
    },
    '+CMGL': ({ modem, port, cmd }) => {
      if (port.cmgf === 0 && !opts.pdu) return cms(303);
      const pdu = port.cmgf === 0;
      const arg = cmd.kind === 'set' ? unquote(cmd.args).toUpperCase() : pdu ? '4' : 'REC UNREAD';
      const match = (m: StoredSms) => (pdu ? arg === '4' || String(PDU_STAT[m.status]) === arg : arg === 'ALL' || TEXT_STAT[m.status] === arg);
      if (pdu ? !/^[0-4]$/.test(arg) : arg !== 'ALL' && !Object.values(TEXT_STAT).includes(arg)) return cms(pdu ? 304 : 305);
      const lines: string[] = [];
      for (const m of modem.sms.list(match)) lines.push(...entry(modem, port.cscs, modem.sms.read(m.index)!, true, pdu));
      return ok(...lines);
    },
    '+CMGS': ({ modem, port, cmd }) => {
      if (cmd.kind === 'test') return ok();
      if (cmd.kind !== 'set') return cms(pdu(port) ? 304 : 305);
      if (!modem.radio.inService) return cms(331);
      if (port.cmgf === 0) {
        if (!opts.pdu) return cms(303);
        const len = Number(cmd.args);
        if (!Number.isInteger(len) || len < 7 || len > 176) return cms(304);
        return {
          kind: 'prompt',
          submit: (hex) => {
            let d;
            try {
              d = decodeSubmit(hex);
            } catch {
              return cms(304);
            }
            return ok(`+CMGS: ${modem.submitSms(d.to, d.text)}`);
          },
        };
      }
      const rawDa = unquote(splitArgs(cmd.args)[0]);
      const da = port.cscs === 'UCS2' ? (fromUcs2Hex(rawDa) ?? '') : rawDa;
      if (!DIAL_CHARS.test(da)) return cms(305);
      const cscs = port.cscs;
      return {
        kind: 'prompt',
        submit: (text) => {
          const body = cscs === 'UCS2' ? fromUcs2Hex(text) : text;
          if (body === null) return cms(305);
          return ok(`+CMGS: ${modem.submitSms(da, body)}`);
        },
      };
    },
  };
}

const pdu = (port: { cmgf: number }) => port.cmgf === 0;
