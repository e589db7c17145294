// Issue 12: the AT transcript (the technician's terminal, `assa diag`'s report, support
// e-mails) must never carry a RUNA code or the text of an SMS to or from 2772, the number
// that verifies ownership (A-RUNA-1/2). Each line is redacted as it is recorded, before
// anyone sees it, and what was taken out is listed (when, which way, what kind), never the
// value itself. Stateful: the body of an SMS comes on the line after its command or header.
import type { TranscriptEntry } from './at-channel-types';

export type RedactionKind = 'runa-code' | 'sms-to-2772' | 'sms-from-2772';

export interface Redaction {
  t: string;
  dir: 'tx' | 'rx';
  kind: RedactionKind;
  /** The redacted line as it now reads (no secret in it). */
  line: string;
}

const SERVICE = '2772';
/** "2772" as UCS-2 hex (AT+CSCS="UCS2": the number is sent as hex too). */
const SERVICE_UCS2 = '0032003700370032';
/** A feature code to 2772 with its code: ATD*2772*123456; / AT+CDV*2772*123456 / inside any line. */
const FEATURE_CODE = /(\*2772\*)(\d+)/g;
/** SMS send commands addressed to 2772 (27.005 text mode, its UCS-2 form, Huawei CDMA ^HCMGS). */
const SEND_TO_SERVICE = new RegExp(`^AT(\\+CMGS|\\^HCMGS)="(?:\\+?${SERVICE}|${SERVICE_UCS2})"`, 'i');
/** PDU-mode send: the destination is in the PDU (semi-octets "7227" after its length 04 and a type octet). */
const PDU_SEND = /^AT\+CMGS=\d+$/i;
const PDU_TO_SERVICE = /04[0-9A-F]{2}7227/i;
/** Message headers whose sender is 2772 (+CMGL/+CMGR/+CMT text mode, Huawei ^HCMGL/^HCMGR/^HCMT). */
const HEADER = /^(\+CMGL|\+CMGR|\+CMT|\^HCMGL|\^HCMGR|\^HCMT):/i;
const FROM_SERVICE = new RegExp(`(^|[,:"\\s])\\+?(?:38)?${SERVICE}("|,|$)`);
/** A RUNA code written out in any message text ("kod RUNA 123456 ..."). */
const RUNA_IN_TEXT = /(RUNA\D{0,12})(\d{4,})/gi;
const MAY_NAME_RUNA = /runa/i;

export class TranscriptRedactor {
  private readonly done: Redaction[] = [];
  /** The next line of this direction is an SMS body of this kind. */
  private bodyNext: { dir: 'tx' | 'rx'; kind: RedactionKind } | null = null;
  private pduNext = false;
  /** Between a send to 2772 and its final result: an echoing modem repeats the typed text. */
  private sending = false;

  /** The entry as it may be shown. */
  apply(e: TranscriptEntry): TranscriptEntry {
    // Nearly every line names neither 2772 nor RUNA and no SMS is under way: it is kept as
    // it is, without running the patterns below (they were most of the transcript's cost).
    if (this.quiet(e)) return e;
    const line = this.redactLine(e);
    return line === e.line ? e : { ...e, line };
  }

  /** Nothing in this line or the state around it can be a secret. */
  private quiet(e: TranscriptEntry): boolean {
    if (this.sending || this.bodyNext || this.pduNext) return false;
    const { line } = e;
    if (line.includes(SERVICE) || line.includes(SERVICE_UCS2) || MAY_NAME_RUNA.test(line)) return false;
    return !(e.dir === 'tx' && PDU_SEND.test(line));
  }

  /** What was redacted so far, oldest first. */
  redactions(): readonly Redaction[] {
    return this.done;
  }

  private redactLine(e: TranscriptEntry): string {
    const { dir, line } = e;
    if (this.sending && dir === 'rx') {
      if (/^(OK|ERROR|\+CM[ES] ERROR:|NO CARRIER)/i.test(line)) this.sending = false;
      else if (!/^(\+CMGS:|\^HCMGS|>\s*$|AT)/i.test(line) && !/^\^[A-Z]+:|^\+[A-Z]+:/.test(line)) return this.note(e, 'sms-to-2772', `<SMS text to 2772 redacted (echo), ${line.length} characters>`);
    }
    if (this.bodyNext && this.bodyNext.dir === dir && !(dir === 'rx' && /^(OK|ERROR|\+CM[ES] ERROR:)/.test(line))) {
      const kind = this.bodyNext.kind;
      this.bodyNext = null;
      return this.note(e, kind, `<SMS text ${kind === 'sms-to-2772' ? 'to' : 'from'} 2772 redacted, ${line.length} characters>`);
    }
    if (this.pduNext && dir === 'tx') {
      this.pduNext = false;
      if (PDU_TO_SERVICE.test(line)) return this.note(e, 'sms-to-2772', `<SMS PDU to 2772 redacted, ${line.length / 2} octets>`);
    }
    if (dir === 'tx' && SEND_TO_SERVICE.test(line)) {
      this.bodyNext = { dir: 'tx', kind: 'sms-to-2772' };
      this.sending = true;
    }
    if (dir === 'tx' && PDU_SEND.test(line)) this.pduNext = true;
    if (dir === 'rx' && HEADER.test(line) && FROM_SERVICE.test(line)) this.bodyNext = { dir: 'rx', kind: 'sms-from-2772' };
    if (FEATURE_CODE.test(line)) {
      FEATURE_CODE.lastIndex = 0;
      return this.note(e, 'runa-code', line.replace(FEATURE_CODE, (_m, head: string, code: string) => `${head}${'•'.repeat(code.length)}`));
    }
    if (RUNA_IN_TEXT.test(line)) {
      RUNA_IN_TEXT.lastIndex = 0;
      return this.note(e, 'runa-code', line.replace(RUNA_IN_TEXT, (_m, head: string, code: string) => `${head}${'•'.repeat(code.length)}`));
    }
    return line;
  }

  private note(e: TranscriptEntry, kind: RedactionKind, line: string): string {
    this.done.push({ t: e.t, dir: e.dir, kind, line });
    if (this.done.length > 500) this.done.shift();
    return line;
  }
}
