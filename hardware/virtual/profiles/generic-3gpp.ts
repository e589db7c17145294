// Huawei 3GPP (UMTS/HSPA) stick, the "generic-3gpp" profile (APP.md V-1). Formats:
// ATI layout with "IMEI:" and "+GCAP: +CGSM,..." (transcript 15), ^SYSINFO with submode
// (05), ^SYSINFOEX (05), ^HCSQ (21), ^GETPORTMODE (11), ^SYSCFG (12), ^RSSI / ^MODE /
// ^BOOT / ^DSFLOWRPT / +CMTI URCs (08, 10), CONNECT 3600000 after ATD*99# (16), 27.005
// SMS in text and PDU mode (09, 20). Unknown commands: COMMAND NOT SUPPORT (1.9).
import { cme, error, ok } from '../device/replies';
import type { VirtualModem } from '../modem';
import { csqIndex } from '../radio/radio';
import { commonHandlers, curcHandler, dsflowrpt } from './common';
import type { DeviceProfile } from './profile-types';
import { textModeSmsHandlers } from './sms-handlers';
import { ussdHandlers } from './ussd-handlers';

/** ^SYSINFO sys_mode / sys_submode: 3 GSM, 5 WCDMA; submodes 3 EDGE, 4 WCDMA, 5 HSDPA. */
function modes(m: VirtualModem): { mode: number; sub: number; name: string; subName: string; ex: number; exSub: number } {
  switch (m.radio.state.mode) {
    case 'gsm':
      return { mode: 3, sub: 3, name: 'GSM', subName: 'EDGE', ex: 1, exSub: 3 };
    case 'hsdpa':
      return { mode: 5, sub: 5, name: 'WCDMA', subName: 'HSDPA', ex: 3, exSub: 42 };
    case 'none':
      return { mode: 0, sub: 0, name: 'NO SERVICE', subName: 'NO SERVICE', ex: 0, exSub: 0 };
    default:
      return { mode: 5, sub: 4, name: 'WCDMA', subName: 'WCDMA', ex: 3, exSub: 41 };
  }
}

let bootCounter = 27710117;

export function generic3gpp(): DeviceProfile {
  const identity = { manufacturer: 'huawei', model: 'E1550', revision: '11.608.12.02.143', gcap: '+CGSM,+DS,+ES' };
  let apn = 'IP","internet';
  return {
    id: 'generic-3gpp',
    family: '3gpp',
    unknownCommand: 'COMMAND NOT SUPPORT',
    errorSpace: true,
    connectSpeed: '3600000',
    isDataDial: (d) => /^\*99(\*\*\*\d+)?#$/.test(d),
    smsStorage: 'SM',
    handlers: {
      ...commonHandlers({
        ...identity,
        ati: ({ modem }) => [`Manufacturer: ${identity.manufacturer}`, `Model: ${identity.model}`, `Revision: ${identity.revision}`, `IMEI: ${modem.subscriber.imei}`, `+GCAP: ${identity.gcap}`],
        gsn: ({ modem }) => [modem.subscriber.imei],
      }),
      '+CPIN': ({ cmd }) => (cmd.kind === 'read' ? ok('+CPIN: READY') : cmd.kind === 'test' ? ok() : cme(3)),
      '+CREG': ({ modem, cmd }) => (cmd.kind === 'read' ? ok(`+CREG: 0,${regStat(modem)}`) : cmd.kind === 'test' ? ok('+CREG: (0-2)') : ok()),
      '+CGREG': ({ modem, cmd }) => (cmd.kind === 'read' ? ok(`+CGREG: 0,${regStat(modem)}`) : cmd.kind === 'test' ? ok('+CGREG: (0-2)') : ok()),
      '+COPS': ({ modem, cmd }) => {
        if (cmd.kind !== 'read') return ok();
        if (!modem.radio.inService) return ok('+COPS: 0');
        return ok(`+COPS: 0,0,"UA-KYIVSTAR",${modem.radio.state.mode === 'gsm' ? 0 : 2}`);
      },
      '+CGDCONT': ({ cmd }) => {
        if (cmd.kind === 'read') return ok(`+CGDCONT: 1,"${apn}","0.0.0.0",0,0`);
        if (cmd.kind === 'set') apn = cmd.args.split(',').slice(1, 3).join(',').replace(/^"|"$/g, '');
        return ok();
      },
      // 27.007 10.1.14: the PDP address of context 1 while the data session is up (0.0.0.0 when down)
      '+CGPADDR': ({ modem, cmd }) => (cmd.kind === 'test' ? ok('+CGPADDR: (1)') : ok(`+CGPADDR: 1,"${modem.session?.ip ?? '0.0.0.0'}"`)),
      '^SYSINFO': ({ modem }) => {
        const x = modes(modem);
        return ok(`^SYSINFO:${modem.radio.inService ? 2 : 0},${modem.radio.inService ? 3 : 0},${modem.radio.state.roaming ? 1 : 0},${x.mode},1,,${x.sub}`);
      },
      '^SYSINFOEX': ({ modem }) => {
        const x = modes(modem);
        return ok(`^SYSINFOEX:${modem.radio.inService ? 2 : 0},${modem.radio.inService ? 3 : 0},${modem.radio.state.roaming ? 1 : 0},1,,${x.ex},"${x.name}",${x.exSub},"${x.subName}"`);
      },
      '^HCSQ': ({ modem }) => {
        const s = modem.radio.state;
        if (!modem.radio.inService) return ok('^HCSQ:"NOSERVICE"');
        const rssi = Math.max(0, Math.min(96, s.rssiDbm + 121));
        if (s.mode === 'gsm') return ok(`^HCSQ:"GSM",${rssi}`);
        const ecio = Math.max(0, Math.min(65, Math.round((s.ecio + 32.5) * 2)));
        return ok(`^HCSQ:"WCDMA",${rssi},${Math.max(0, rssi - 3)},${ecio}`);
      },
      '^GETPORTMODE': () => ok('^GETPORTMODE: TYPE: WCDMA: huawei,MDM:0,PCUI:1,NDIS:2,CDROM:3,SD:4,'),
      '^SYSCFG': ({ cmd }) => (cmd.kind === 'test' ? ok('^SYSCFG:(2,13,14,16),(0-3),((400000,"WCDMA2100")),(0-2),(0-4)') : cmd.kind === 'read' ? ok('^SYSCFG:2,2,3FFFFFFF,1,2') : ok()),
      '^CURC': curcHandler(),
      // 27.007 8.2 / 7.1: what ModemManager's enable sequence needs (full functionality; the own number)
      '+CFUN': ({ cmd }) => (cmd.kind === 'read' ? ok('+CFUN: 1') : cmd.kind === 'test' ? ok('+CFUN: (0,1,4,7),(0,1)') : /^[0147](,[01])?$/.test(cmd.args.trim()) ? ok() : error()),
      '+CNUM': ({ modem }) => ok(`+CNUM: "","+380${modem.subscriber.number}",145`),
      '^PORTSEL': () => ok(),
      ...textModeSmsHandlers({ pdu: true }),
      ...ussdHandlers(),
    },
    urc: {
      signal: (m) => [`^RSSI:${csqIndex(m.radio.state)}`],
      mode: (m) => {
        const x = modes(m);
        return [`^MODE:${x.mode},${x.sub}`];
      },
      boot: () => `^BOOT:${bootCounter++},0,0,0,75`,
      flow: (m) => dsflowrpt({ modem: m }),
      newSms: (_m, index) => `+CMTI: "SM",${index}`,
      callEnd: () => ['NO CARRIER'],
    },
  };
}

function regStat(m: VirtualModem): number {
  if (!m.radio.inService) return 0;
  return m.radio.state.roaming ? 5 : 1;
}
