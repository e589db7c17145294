// 3GPP sticks (Huawei E-series, ZTE MF-series, others): 27.007 registration in all three
// domains and signal, Huawei's ^HCSQ where present, 27.005 text or PDU SMS, *99# data.
// Vendor 3GPP profiles are these parts with overrides (profile-builder.ts).
import type { AtChannel } from '../at/at-channel-types';
import { CodedError } from '../../src/shared/errors';
import { ask } from './ask';
import { gppNetwork } from './gpp-network';
import { cnumMethod } from './number-methods';
import { buildProfile, type ProfileParts } from './profile-builder';
import { deleteSmsGeneric, readSms3gpp, sendSms3gpp } from './sms-modes';
import type { ModemProfile, SignalReport } from './modem-types';
import { encodeGsm7Packed, parseCusd } from './parsers/ussd';
import { barsFromDbm, parseCsqLike, parseHcsq } from './parsers/signal';

async function gppSignal(ch: AtChannel): Promise<SignalReport> {
  const h = ((await ask(ch, 'AT^HCSQ?')) ?? []).map(parseHcsq).find((x) => x !== null) ?? null;
  if (h && h.rat !== 'NOSERVICE') {
    const rssi = h.rssiDbm;
    return {
      cdma1x: null,
      evdo: null,
      gsm: rssi === null ? null : { rssiDbm: rssi },
      umts: h.rat === 'WCDMA' ? { rscpDbm: h.rscpDbm, ecioDb: h.ecioDb } : null,
      lte: h.rat === 'LTE' ? { rsrpDbm: h.rsrpDbm, rsrqDb: h.rsrqDb } : null,
      bars: barsFromDbm(rssi),
    };
  }
  const dbm = ((await ask(ch, 'AT+CSQ')) ?? []).map(parseCsqLike).find((x) => x !== null) ?? null;
  return { cdma1x: null, evdo: null, gsm: dbm === null ? null : { rssiDbm: dbm }, bars: barsFromDbm(dbm) };
}

/** M-USSD-1: AT+CUSD=1,"<packed>",15 and wait for the +CUSD report (27.007 §7.15). */
async function ussd(ch: AtChannel, code: string, timeoutMs = 20_000): Promise<{ status: number; text: string | null }> {
  const reply = new Promise<{ status: number; text: string | null }>((resolve, reject) => {
    const t = setTimeout(() => (off(), reject(new CodedError('ussd_timeout', 'The network did not answer the USSD request.'))), timeoutMs);
    const off = ch.onUnsolicited('+CUSD', (r) => {
      const p = parseCusd(r.line);
      if (!p) return;
      clearTimeout(t);
      off();
      resolve({ status: p.status, text: p.text });
    });
  });
  reply.catch(() => undefined);
  const r = await ch.send(`AT+CUSD=1,"${encodeGsm7Packed(code)}",15`, { timeoutMs: 10_000 });
  if (r.final.kind !== 'ok') throw new CodedError('ussd_refused', 'The modem refused the USSD request.');
  // Some sticks print the +CUSD report before their OK: then it is part of the answer.
  const inline = r.lines.map(parseCusd).find((x) => x !== null);
  return inline ? { status: inline.status, text: inline.text } : reply;
}

/** M-USSD-1: the user's Cancel ends the open session (27.007 §7.15, <n>=2); an ERROR means none was open. */
async function ussdCancel(ch: AtChannel): Promise<void> {
  await ch.send('AT+CUSD=2', { timeoutMs: 10_000 });
}

export const generic3gppParts: ProfileParts = {
  id: 'generic-3gpp',
  tech: '3gpp',
  dialString: '*99#',
  signalUrcPrefixes: ['^RSSI', '^HCSQ', '^MODE', '+CREG', '+CGREG', '^SRVST'],
  numberMethods: [cnumMethod],
  network: gppNetwork,
  signal: gppSignal,
  sendSms: sendSms3gpp,
  readSms: readSms3gpp,
  deleteSms: deleteSmsGeneric,
  ussd,
  ussdCancel,
};

export const generic3gpp: ModemProfile = buildProfile(generic3gppParts);
