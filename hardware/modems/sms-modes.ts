// M-SMS-1 over 27.005: text mode (3GPP sticks and ZTE CDMA) and PDU mode for 3GPP sticks
// that refuse text mode (AT+CMGF=1 → ERROR, 27.005 §3.2.3). Huawei CDMA's ^HCMGS lives in
// its own profile.
import { CodedError } from '../../src/shared/errors';
import type { AtChannel } from '../at/at-channel-types';
import { ask } from './ask';
import type { SmsMessage } from './modem-types';
import { parseCmglText } from './parsers/sms';
import { encodeSubmitPdus, parseCmglPdu } from './parsers/sms-pdu';

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
