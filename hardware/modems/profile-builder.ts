// One way to make a modem profile, as ModemManager's plugins do it: a generic modem
// (generic-cdma.ts, generic-3gpp.ts) is a set of parts, and a vendor profile is that set
// with the parts its firmware does differently overridden:
//   export const sierraCdma = buildProfile({ ...genericCdmaParts, id: 'sierra-cdma', network: … });
// buildProfile adds what every profile does the same way (identity order, number methods
// in turn, feature-code dialling, the ^DSFLOWRPT reader).
import { CodedError } from '../../src/shared/errors';
import type { AtChannel } from '../at/at-channel-types';
import { genericIdentity, withPartial } from './identity-reader';
import type { DataFlow, ModemIdentity, ModemProfile, NetworkStatus, RadioTech, SignalReport, SmsMessage } from './modem-types';
import type { NumberMethod } from './number-methods';
import { parseDsflowrpt } from './parsers/flow';

export interface ProfileParts {
  id: string;
  tech: RadioTech;
  dialString: string;
  signalUrcPrefixes: readonly string[];
  /** Commands that give the MDN, tried in order (M-NUM-1). */
  numberMethods: NumberMethod[];
  network(ch: AtChannel): Promise<NetworkStatus>;
  signal(ch: AtChannel): Promise<SignalReport>;
  sendSms(ch: AtChannel, to: string, text: string): Promise<void>;
  readSms(ch: AtChannel): Promise<SmsMessage[]>;
  deleteSms(ch: AtChannel, index: number): Promise<void>;
  /** What the vendor reads beyond the generic identity (^MEID, ^HWVER, …); a vendor that adds to its generic's extras calls them itself. */
  identityExtras?(ch: AtChannel, id: ModemIdentity): Promise<ModemIdentity>;
  /** Commands that dial a feature code, tried in order while they answer ERROR (M-CALL-1); default ATD<code>; */
  serviceDial?(code: string): string[];
  /** M-USSD-1 (3GPP). */
  ussd?(ch: AtChannel, code: string): Promise<{ status: number; text: string | null }>;
  ussdCancel?(ch: AtChannel): Promise<void>;
}

export function buildProfile(parts: ProfileParts): ModemProfile {
  const profile: ModemProfile = {
    id: parts.id,
    tech: parts.tech,
    dialString: parts.dialString,
    signalUrcPrefixes: parts.signalUrcPrefixes,
    async identity(ch) {
      const id = await genericIdentity(ch, parts.tech);
      if (!parts.identityExtras) return id;
      try {
        return await parts.identityExtras(ch, id);
      } catch (e) {
        throw withPartial(e, id); // the generic fields stay in the report
      }
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
  if (parts.ussd) profile.ussd = parts.ussd;
  if (parts.ussdCancel) profile.ussdCancel = parts.ussdCancel;
  return profile;
}
