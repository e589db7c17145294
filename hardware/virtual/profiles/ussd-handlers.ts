// 27.007 +CUSD on the virtual 3GPP stick (what ModemManager's Modem3gpp.Ussd and the app's
// M-USSD-1 send): AT+CUSD=1,"<code>",15 is answered OK at once and the network's reply comes
// as the unsolicited +CUSD: <m>,"<text>",<dcs> a moment later, as on a real network. Like a
// Huawei stick, a request string in hex with dcs 15 is GSM 7-bit packed (what ModemManager's
// huawei plugin and the app send) and is answered packed; plain text is answered as text. The
// network knows three requests: *161# (the own number), *111# (the balance) and *100# (a menu
// awaiting an answer, m=1; "1" or "2" answers it, m=0). Anything else: +CUSD: 4 (operation
// not supported).
import { decodeGsm7Packed, encodeGsm7Packed } from '../../modems/parsers/ussd';
import { cme, ok, type Reply } from '../device/replies';
import type { Handler } from './profile-types';

const REPLY_DELAY_MS = 50;

const isPacked = (s: string, dcs: string | undefined) => dcs === '15' && /^([0-9A-Fa-f]{2})+$/.test(s);

/** The network's answer to one USSD string: [m, text] or null for "not supported". */
export function ussdNetworkReply(code: string, number: string, inMenu: boolean): [0 | 1, string] | null {
  if (inMenu && code === '1') return [0, 'Balans: 29.00 grn'];
  if (inMenu && code === '2') return [0, 'Taryf: Smart 3G, 100 grn/mis'];
  if (code === '*161#') return [0, `Vash nomer: 0${number}`];
  if (code === '*111#') return [0, 'Balans: 29.00 grn'];
  if (code === '*100#') return [1, '1 - balans, 2 - taryf'];
  return null;
}

export function ussdHandlers(): Record<string, Handler> {
  let inMenu = false;
  let enabled = 0;
  return {
    '+CUSD': ({ modem, port, cmd }): Reply => {
      if (cmd.kind === 'test') return ok('+CUSD: (0-2)');
      if (cmd.kind === 'read') return ok(`+CUSD: ${enabled}`);
      const m = /^(\d)(?:,"([^"]*)"(?:,(\d+))?)?$/.exec(cmd.args.trim());
      if (!m) return cme(50);
      const n = Number(m[1]);
      if (n === 2) {
        inMenu = false; // the session is cancelled
        return ok();
      }
      enabled = n;
      if (m[2] === undefined) return ok();
      if (!modem.radio.inService) return cme(30);
      const packed = isPacked(m[2], m[3]);
      const code = packed ? decodeGsm7Packed(m[2]) : m[2];
      const answer = ussdNetworkReply(code, modem.subscriber.number, inMenu);
      modem.clock.setTimeout(() => {
        if (!answer) {
          inMenu = false;
          port.urc('+CUSD: 4');
          return;
        }
        inMenu = answer[0] === 1;
        port.urc(`+CUSD: ${answer[0]},"${packed ? encodeGsm7Packed(answer[1]) : answer[1]}",15`);
      }, REPLY_DELAY_MS);
      return ok();
    },
  };
}
