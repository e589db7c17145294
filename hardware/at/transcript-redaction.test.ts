// Issue 12: RUNA codes and SMS texts to and from 2772 never reach a transcript, and what
// was taken out is listed. Lines as the EC121 / 3GPP sticks and the app's own commands give them.
import { afterEach, describe, expect, it } from 'vitest';
import { huaweiCdma } from '../modems/huawei-cdma';
import { generic3gpp } from '../modems/generic-3gpp';
import { createInProcessModem, type InProcessModem } from '../virtual/in-process';
import { openAtChannel, type SerialAtChannel } from './at-channel';
import type { TranscriptEntry } from './at-channel-types';
import { TranscriptRedactor } from './transcript-redaction';

const play = (lines: Array<[TranscriptEntry['dir'], string]>) => {
  const r = new TranscriptRedactor();
  const out = lines.map(([dir, line]) => r.apply({ t: '2026-12-01T10:00:00.000Z', dir, line }).line);
  return { out, redactions: r.redactions() };
};

describe('redaction of RUNA codes and 2772 SMS texts (issue 12)', () => {
  it('a feature-code dial keeps the service, not the code', () => {
    const { out, redactions } = play([['tx', 'ATD*2772*123456;'], ['rx', 'OK'], ['tx', 'AT+CDV*2772*987654'], ['tx', 'ATD*99#']]);
    expect(out).toEqual(['ATD*2772*••••••;', 'OK', 'AT+CDV*2772*••••••', 'ATD*99#']);
    expect(redactions.map((x) => x.kind)).toEqual(['runa-code', 'runa-code']);
  });

  it('the text of an SMS to 2772 (text mode, UCS-2 address, Huawei ^HCMGS, PDU mode) and its echo', () => {
    const { out, redactions } = play([
      ['tx', 'AT+CMGS="2772"'], ['rx', '> '], ['tx', '123456'], ['rx', '123456'], ['rx', '+CMGS: 12'], ['rx', 'OK'],
      ['tx', 'AT+CMGS="0032003700370032"'], ['tx', '0031003200330034'], ['rx', 'OK'],
      ['tx', 'AT^HCMGS="2772"'], ['tx', '<14 bytes>'], ['rx', 'OK'],
      ['tx', 'AT+CMGS=19'], ['tx', '0011000481722700000B06B1582C168301'], ['rx', 'OK'],
      ['tx', 'AT+CMGS="0509998877"'], ['tx', 'hello'], ['rx', 'OK'],
    ]);
    expect(out.join('\n')).not.toMatch(/123456|00310032|B1582C/);
    expect(out).toContain('hello'); // an SMS to anyone else is the user's own business
    expect(redactions.map((x) => x.kind)).toEqual(['sms-to-2772', 'sms-to-2772', 'sms-to-2772', 'sms-to-2772', 'sms-to-2772']);
    for (const x of redactions) expect(x.line).toMatch(/redacted/);
  });

  it('the text of a message from 2772 in a listing, and a RUNA code written in any text', () => {
    const { out, redactions } = play([
      ['tx', 'AT+CMGL="ALL"'],
      ['rx', '+CMGL: 0,"REC UNREAD","2772",,"26/12/01,10:00:00+08"'], ['rx', 'kod RUNA 123456 vdalo aktyvovan'],
      ['rx', '+CMGL: 1,"REC UNREAD","+380509998877",,"26/12/01,10:00:00+08"'], ['rx', 'Balans 29.00 grn'],
      ['rx', '^HCMGL:2,2772,2026,12,01,10,00,00,0,1,31,0,0,0,1'], ['rx', 'Vash kod 654321'],
      ['rx', 'OK'],
      ['rx', 'RUNA: 112233'],
    ]);
    expect(out.join('\n')).not.toMatch(/123456|654321|112233/);
    expect(out).toContain('Balans 29.00 grn');
    expect(redactions.map((x) => x.kind)).toEqual(['sms-from-2772', 'sms-from-2772', 'runa-code']);
  });
});

describe('the channel records only redacted lines (virtual EC121 and 3GPP stick)', () => {
  const open: Array<{ ch: SerialAtChannel; vm: InProcessModem }> = [];
  afterEach(async () => {
    for (const { ch, vm } of open.splice(0)) {
      await ch.close();
      await vm.controller.close();
    }
  });

  it.each([['huawei-ec', huaweiCdma], ['generic-3gpp', generic3gpp]] as const)('%s: RUNA code by call (CDMA) and SMS, 2772\'s reply', async (name, profile) => {
    const vm = await createInProcessModem({ profile: name, radioStepMs: 0, seed: 7, number: '441234567' });
    const ch = await openAtChannel(vm.link);
    open.push({ ch, vm });
    const seen: string[] = [];
    ch.onTranscript((e) => seen.push(e.line));
    // CDMA verifies by a feature-code call (A-RUNA-2); both send the code by SMS too.
    if (profile.tech === 'cdma') await profile.dialServiceCode(ch, '*2772*123456');
    await profile.sendSms(ch, '2772', '123456');
    vm.controller.deliverSms('2772', 'kod RUNA 123456 vdalo aktyvovan');
    await new Promise((r) => setTimeout(r, 50));
    const inbox = await profile.readSms(ch);
    expect(inbox.some((m) => m.text.includes('123456'))).toBe(true); // the app itself still reads it
    const all = JSON.stringify(ch.transcript());
    expect(all).not.toContain('123456');
    expect(seen.join('\n')).not.toContain('123456');
    expect(ch.redactions().map((x) => x.kind)).toEqual(expect.arrayContaining([...(profile.tech === 'cdma' ? ['runa-code'] : []), 'sms-to-2772', 'sms-from-2772']));
  });
});
