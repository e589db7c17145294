// Huawei EC-series CDMA 1x/EV-DO stick (EC121 identity), the default profile (APP.md V-1).
// Reply formats: transcript 01 (ATI, +GSN, +GMR, +GMM, +GMI), 07 and 06 (^SYSINFO with
// srv_domain 255 and sim_state 240 on NV-provisioned sticks), 18 (^MEID), 12 (^PREFMODE),
// 08/10 (^DSFLOWRPT, ^BOOT); at-commands.md 1.2-1.6 for the rest (^MDN, ^PRLVER, ^CURRSID,
// ^HWVER, +CSS, +CAD, ^CSQLVL). Unknown commands: COMMAND NOT SUPPORT (1.9).
import { tenDigitMdn } from '../device/qcdm';
import { error, ok } from '../device/replies';
import type { VirtualModem } from '../modem';
import { csqIndex, level } from '../radio/radio';
import { cdmaCallHandlers, commonHandlers, curcHandler, dsflowrpt } from './common';
import type { DeviceProfile, Handler } from './profile-types';
import { huaweiCdmaSmsHandlers } from './sms-handlers';

/** ^SYSINFO sys_mode (MM Huawei table): 0 none, 2 CDMA 1x, 4 HDR, 8 hybrid. */
export function cdmaSysMode(m: VirtualModem): number {
  return { none: 0, '1x': 2, evdo: 4, hybrid: 8, gsm: 3, wcdma: 5, hsdpa: 5 }[m.radio.state.mode];
}

const PREFMODE_TO_RADIO = { 2: '1x', 4: 'evdo', 8: 'hybrid' } as const;

/** ^SYSINFO and ^PREFMODE as Huawei EC and ZTE AC CDMA firmware answer them (transcripts 07, 12). */
export function cdmaModeHandlers(): Record<string, Handler> {
  let prefmode = 8;
  return {
    '^SYSINFO': ({ modem }) => ok(`^SYSINFO:${modem.radio.inService ? 2 : 0},255,${modem.radio.state.roaming ? 1 : 0},${cdmaSysMode(modem)},240`),
    '^PREFMODE': ({ modem, cmd }) => {
      if (cmd.kind === 'test') return ok('^PREFMODE:(2,4,8)');
      if (cmd.kind === 'read') return ok(`^PREFMODE:${prefmode}`);
      const v = Number(cmd.args) as 2 | 4 | 8;
      if (!(v in PREFMODE_TO_RADIO)) return error();
      prefmode = v;
      if (modem.radio.inService) modem.radio.setMode(PREFMODE_TO_RADIO[v]);
      return ok();
    },
  };
}

export function cdmaSignalUrcs(m: VirtualModem): string[] {
  const s = m.radio.state;
  const lines: string[] = [];
  if (m.radio.has1x() || !m.radio.inService) lines.push(`^RSSILVL:${level(s.rssiDbm, m.radio.has1x())}`);
  if (m.radio.hasEvdo() || !m.radio.inService) lines.push(`^HRSSILVL:${level(s.hdrRssiDbm, m.radio.hasEvdo())}`);
  return lines;
}

let bootCounter = 95216501;

export function huaweiEc(): DeviceProfile {
  const identity = {
    manufacturer: 'HUAWEI INCORPORATED',
    model: 'EC121',
    revision: '11.100.17.00.114',
    // EV-DO (IS-856) as well as 1x, as ^SYSINFO/^PREFMODE and the radio present it
    gcap: '+CIS707-A, CIS-856, +MS, +ES, +DS, +FCLASS',
  };
  return {
    id: 'huawei-ec',
    family: 'cdma',
    diagModel: identity.model,
    unknownCommand: 'COMMAND NOT SUPPORT',
    errorSpace: false,
    connectSpeed: null,
    isDataDial: (d) => /^#777$/.test(d),
    smsStorage: 'ME',
    handlers: {
      ...commonHandlers({
        ...identity,
        // transcript 01: the ESN line embeds "+GSN:", the capability line has no "+GCAP:" tag;
        // a MEID device's +GSN is its MEID, and ATI's ESN line shows the pseudo-ESN
        ati: ({ modem }) => [`Manufacturer: ${identity.manufacturer}`, `Model: ${identity.model}`, `Revision: ${identity.revision}`, `ESN: +GSN:${modem.subscriber.esn}`, identity.gcap],
        gsn: ({ modem }) => [modem.subscriber.meid],
      }),
      '+GCAP': () => ok(`+GCAP:${identity.gcap}`),
      '^MEID': ({ modem, cmd }) => (cmd.kind === 'test' ? ok() : ok(`^MEID:${modem.subscriber.meid}`)),
      // the same 10 digits as NV 178 (DIR_NUMBER) on the diagnostics port
      '^MDN': ({ modem }) => ok(`^MDN:${tenDigitMdn(modem.subscriber.number)}`),
      '^HWVER': () => ok('^HWVER:CE62TCPUVer A'),
      '^PRLVER': ({ modem }) => ok(`^PRLVER:${modem.subscriber.prl}`),
      '^CURRSID': ({ modem }) => ok(modem.radio.inService ? `^CURRSID:${modem.subscriber.sid},${modem.subscriber.nid}` : '^CURRSID:0,0'),
      ...cdmaModeHandlers(),
      '^CSQLVL': ({ modem }) => ok(`^CSQLVL:${level(modem.radio.state.rssiDbm, modem.radio.has1x())}`),
      '^HDRCSQLVL': ({ modem }) => ok(`^HDRCSQLVL:${level(modem.radio.state.hdrRssiDbm, modem.radio.hasEvdo())}`),
      '^HDRCSQ': ({ modem }) => ok(`^HDRCSQ: ${level(modem.radio.state.hdrRssiDbm, modem.radio.hasEvdo())}`),
      '^CRSSI': ({ modem }) => ok(`^CRSSI:${csqIndex(modem.radio.state)}`),
      '^HDRRSSI': ({ modem }) => ok(`^HDRRSSI:${modem.radio.hasEvdo() ? csqIndex(modem.radio.state, modem.radio.state.hdrRssiDbm) : 99}`),
      '+CSS': ({ modem }) => ok(`+CSS: ? , ${modem.radio.has1x() ? modem.subscriber.sid : 99999}`),
      '+CAD': ({ modem }) => ok(`+CAD: ${modem.radio.inService ? 1 : 0}`),
      ...cdmaCallHandlers(),
      '+CRM': ({ cmd }) => (cmd.kind === 'test' ? ok('+CRM: (0-2)') : cmd.kind === 'read' ? ok('+CRM: 1') : ok()),
      '+CPIN': () => error(), // NV-provisioned stick without R-UIM (sim_state 240)
      '^CURC': curcHandler(),
      '^PORTSEL': () => ok(),
      '^DSDORMANT': () => ok(),
      ...huaweiCdmaSmsHandlers(),
    },
    urc: {
      signal: cdmaSignalUrcs,
      mode: (m) => [`^MODE:${cdmaSysMode(m)}`],
      boot: () => `^BOOT:${bootCounter++},0,0,0,6`,
      flow: (m) => dsflowrpt({ modem: m }),
      newSms: (_m, index) => `+CMTI: "ME",${index}`,
      callEnd: (_m, seconds) => [`^CEND:1,${seconds},29`],
    },
  };
}
