// M-SMS-1, 3GPP PDU mode (27.005 §3.1 AT+CMGF=0; TPDU layout 23.040 §9.2): the +CMGL
// listing, the two-line +CDS status report (reference transcript 20, ModemManager's
// test_parse_cds capture) and SMS-SUBMIT PDUs for AT+CMGS=<length>. The TPDU coding
// (semi-octet addresses, GSM 7-bit packing, UCS2, concatenation headers) is node-pdu's.
import { Deliver, Report, Submit, parse } from 'node-pdu';
import type { SmsMessage } from '../modem-types';

/** The number as the modem gives it, with '+' when the type of number is international. */
function addressOf(a: { phone: string | null; type: { toString(): string } }): string {
  const phone = a.phone ?? '';
  return /^9[0-9A-F]$/i.test(a.type.toString()) && phone && !phone.startsWith('+') ? `+${phone}` : phone;
}

function utcOf(iso: string): string | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** A hex TPDU decoded by node-pdu, or null for anything that is not one (garbage never throws). */
function parsePdu(hex: string): ReturnType<typeof parse> | null {
  const h = hex.trim();
  if (!/^[0-9A-Fa-f]+$/.test(h) || h.length % 2 !== 0) return null;
  try {
    return parse(h);
  } catch {
    return null;
  }
}

/** One hex TPDU (with its SMSC prefix) of an SMS-DELIVER; null for any other kind or garbage. */
export function parseDeliverPdu(hex: string): Omit<SmsMessage, 'index' | 'read'> | null {
  const p = parsePdu(hex);
  if (!(p instanceof Deliver)) return null;
  return { from: addressOf(p.address), text: p.data.getText(), at: utcOf(p.serviceCenterTimeStamp.getIsoString()) };
}

/**
 * +CMGL: <index>,<stat>,[<alpha>],<length> followed by the PDU line (27.005 §3.4.2, PDU
 * mode; stat 0 = received unread, 1 = received read). Sent/unsent entries are skipped.
 */
export function parseCmglPdu(lines: string[]): SmsMessage[] {
  const out: SmsMessage[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^\+CMGL:\s*(\d+)\s*,\s*(\d+)\s*,/i.exec(lines[i]!.trim());
    if (!m) continue;
    const body = lines[i + 1];
    if (body === undefined || /^\+CMGL:/i.test(body.trim())) continue;
    i++;
    const stat = Number(m[2]);
    if (stat > 1) continue;
    const msg = parseDeliverPdu(body);
    if (msg) out.push({ index: Number(m[1]), ...msg, read: stat === 1 });
  }
  return out;
}

export interface StatusReport {
  reference: number;
  recipient: string;
  /** TP-Status (23.040 §9.2.3.15): 0 delivered, 0x20.. temporary, 0x40.. permanent failure. */
  status: number;
  delivered: boolean;
  at: string | null;
}

/** The PDU line of a +CDS: <length> status report (ModemManager's MF626-era capture, transcript 20). */
export function parseStatusReportPdu(hex: string): StatusReport | null {
  const p = parsePdu(hex);
  if (!(p instanceof Report)) return null;
  return { reference: p.reference, recipient: addressOf(p.address), status: p.status, delivered: p.status === 0, at: utcOf(p.discharge.getIsoString()) };
}

/**
 * SMS-SUBMIT PDUs for AT+CMGS=<length> (PDU mode): GSM 7-bit when the text fits the
 * default alphabet, else UCS2; a long text becomes concatenated parts. `length` counts
 * the TPDU octets without the SMSC part, as +CMGS wants.
 */
export function encodeSubmitPdus(to: string, text: string): Array<{ length: number; hex: string }> {
  const s = new Submit(to, text);
  const parts = s.getParts();
  const hexes = parts.length <= 1 ? [s.toString()] : parts.map((p) => p.toString(s));
  return hexes.map((hex) => {
    const smscOctets = parseInt(hex.slice(0, 2), 16) + 1;
    return { hex, length: hex.length / 2 - smscOctets };
  });
}
