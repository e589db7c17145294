// Huawei EC-series CDMA (EC121, EC150, EC306, EC1260): Huawei's CDMA command set (MC509
// spec; reference §1.2-1.6). Differs from the generic CDMA modem in: ^MDN for the number,
// ^MEID/^HWVER/^PRLVER, ^CSQLVL/^HDRCSQLVL levels, ^CSNR? for the 1x pilot's Ec/Io,
// ^HCMGS/^HCMGL SMS (+CMGF=1 first), ^RSSILVL/^HRSSILVL/^MODE/^SYSINFO reports.
import { CodedError } from '../../src/shared/errors';
import type { AtChannel } from '../at/at-channel-types';
import { ask } from './ask';
import { cdmaSignal } from './cdma-network';
import { genericCdmaParts } from './generic-cdma';
import type { ModemProfile } from './modem-types';
import { cnumMethod, mdnMethod, namvalMethod } from './number-methods';
import { parseMeid, parseTaggedValue } from './parsers/identity';
import { parseHcmgl } from './parsers/sms';
import { buildProfile } from './profile-builder';

async function huaweiCdmaSms(ch: AtChannel, to: string, text: string): Promise<void> {
  const unicode = !/^[\x20-\x7e]*$/.test(text);
  await ask(ch, 'AT+CMGF=1');
  // ^HSMSSS: <ack>,<prt>,<fmt>,<prv>; fmt 1 = ASCII, 6 = Unicode (MC509 p.95).
  await ask(ch, `AT^HSMSSS=0,0,${unicode ? 6 : 1},0`);
  // Unicode bodies are UCS-2 big-endian bytes ended by 0x00 before the Ctrl-Z (MC509 p.103).
  const payload = unicode ? Buffer.concat([Buffer.from(text, 'utf16le').swap16(), Buffer.from([0])]) : text;
  const r = await ch.send(`AT^HCMGS="${to}"`, { timeoutMs: 30_000, promptPayload: payload });
  if (r.final.kind !== 'ok') throw new CodedError('sms_failed', `The modem refused the SMS (${r.final.kind}).`);
}

export const huaweiCdma: ModemProfile = buildProfile({
  ...genericCdmaParts,
  id: 'huawei-cdma',
  signalUrcPrefixes: ['^RSSILVL', '^HRSSILVL', '^MODE', '^SRVST', '^RSSI', '^HDRRSSI', '^CRSSI'],
  numberMethods: [mdnMethod, cnumMethod, namvalMethod],
  async identityExtras(ch, id) {
    return {
      ...id,
      manufacturer: id.manufacturer ?? 'huawei',
      meid: parseMeid((await ask(ch, 'AT^MEID')) ?? []) ?? id.meid,
      hardwareVersion: parseTaggedValue((await ask(ch, 'AT^HWVER')) ?? [], '^HWVER'),
      prlVersion: parseTaggedValue((await ask(ch, 'AT^PRLVER?')) ?? [], '^PRLVER'),
    };
  },
  signal: (ch) => cdmaSignal(ch, { oneX: ['AT+CSQ', 'AT^CSQLVL'], evdo: ['AT^HDRCSQLVL', 'AT^HDRCSQ'], ecio: ['AT^CSNR?'] }),
  sendSms: huaweiCdmaSms,
  async readSms(ch) {
    await ask(ch, 'AT+CMGF=1');
    return parseHcmgl((await ask(ch, 'AT^HCMGL=4', 10_000)) ?? []);
  },
  // Huawei's firmware dials feature codes with ATD<code>; (no +CDV in the MC509 spec).
  serviceDial: (code) => [`ATD${code};`],
});
