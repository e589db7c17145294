// The virtual 3GPP stick's +CUSD (ussd-handlers.ts): OK at once, the network's reply as a
// report after REPLY_DELAY_MS; GSM 7-bit packed hex in and out like a Huawei stick (what
// ModemManager's huawei plugin sends), plain text for plain text; a menu that waits (m=1).
import { afterEach, describe, expect, it } from 'vitest';
import { decodeGsm7Packed, encodeGsm7Packed } from '../../modems/parsers/ussd';
import { ManualClock } from '../clock';
import { createInProcessModem, type InProcessModem } from '../in-process';
import { RawAtClient } from '../raw-client';
import { ussdNetworkReply } from './ussd-handlers';

const opened: InProcessModem[] = [];
afterEach(async () => {
  for (const m of opened.splice(0)) await m.controller.close();
});

async function open() {
  const m = await createInProcessModem({ clock: new ManualClock(Date.UTC(2026, 0, 15, 10, 0, 0)), radioStepMs: 0, profile: 'generic-3gpp' });
  opened.push(m);
  const at = new RawAtClient(m.link);
  await at.cmd('ATE0');
  return { clock: m.modem.clock as ManualClock, at };
}

describe('virtual 3GPP stick: USSD (+CUSD)', () => {
  it('*161# packed (dcs 15): OK now, the number as a packed report after 50 ms and not before', async () => {
    const { clock, at } = await open();
    expect(await at.cmd(`AT+CUSD=1,"${encodeGsm7Packed('*161#')}",15`)).toBe('\r\nOK\r\n');
    clock.advance(49);
    expect(await at.flush()).toBe('');
    clock.advance(1);
    const m = /\+CUSD: 0,"([0-9A-F]+)",15/.exec(await at.flush());
    expect(decodeGsm7Packed(m![1]!)).toBe('Vash nomer: 0441234567');
  });
  it('a menu in plain text: *100# waits for an answer (m=1), "1" answers it (m=0); an unknown code is +CUSD: 4', async () => {
    const { clock, at } = await open();
    await at.cmd('AT+CUSD=1,"*100#",15');
    clock.advance(50);
    expect(await at.flush()).toBe('\r\n+CUSD: 1,"1 - balans, 2 - taryf",15\r\n');
    await at.cmd('AT+CUSD=1,"1",15');
    clock.advance(50);
    expect(await at.flush()).toBe('\r\n+CUSD: 0,"Balans: 29.00 grn",15\r\n');
    await at.cmd('AT+CUSD=1,"*999#",15');
    clock.advance(50);
    expect(await at.flush()).toBe('\r\n+CUSD: 4\r\n');
  });
  it('the network side alone: "1" is an answer only inside a menu', () => {
    expect(ussdNetworkReply('1', '441234567', false)).toBeNull();
    expect(ussdNetworkReply('2', '441234567', true)).toEqual([0, 'Taryf: Smart 3G, 100 grn/mis']);
    // *111#, the balance shortcut of Ukrainian 3G operators (the app's balance button)
    expect(ussdNetworkReply('*111#', '441234567', false)).toEqual([0, 'Balans: 29.00 grn']);
    expect(ussdNetworkReply('1', '441234567', true)).toEqual([0, 'Balans: 29.00 grn']);
  });
});
