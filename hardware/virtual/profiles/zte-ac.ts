// ZTE AC-series CDMA 1x/EV-DO stick (Qualcomm MSM firmware), APP.md V-1. The reference
// has no ZTE CDMA capture, so this profile follows the Qualcomm forms it documents:
// +GSN as bare "0x" hex (transcript 04, "Qualcomm/LG style"), ATI with a "+GCAP:" line
// like ZTE's 3GPP MF627 (transcript 15), ^SYSINFO / ^PREFMODE / ^HRSSILVL (at-commands.md
// 1.3, "H, H3, Z CDMA modules, V"), SMS by +CMGS/+CMGR/+CMGL in text mode, plain ERROR
// for unknown commands, no MDN command (1.2: "no source documents an MDN command").
import { ok } from '../device/replies';
import { level } from '../radio/radio';
import { cdmaCallHandlers, commonHandlers } from './common';
import { cdmaModeHandlers, cdmaSignalUrcs, cdmaSysMode } from './huawei-ec';
import type { DeviceProfile } from './profile-types';
import { textModeSmsHandlers } from './sms-handlers';


export function zteAc(): DeviceProfile {
  // EV-DO (IS-856) as well as 1x, as ^SYSINFO/^PREFMODE and the radio present it
  const identity = { manufacturer: 'ZTE INCORPORATED', model: 'AC2726', revision: 'P671A2V1.0.0B06', gcap: '+CIS707-A, CIS-856, +MS, +ES, +DS, +FCLASS' };
  const esnHex = (esn: string) => `0x${esn.toUpperCase()}`;
  return {
    id: 'zte-ac',
    family: 'cdma',
    diagModel: identity.model,
    unknownCommand: 'ERROR',
    errorSpace: true,
    connectSpeed: null,
    isDataDial: (d) => /^#777$/.test(d),
    smsStorage: 'ME',
    handlers: {
      ...commonHandlers({
        ...identity,
        ati: ({ modem }) => [`Manufacturer: ${identity.manufacturer}`, `Model: ${identity.model}`, `Revision: ${identity.revision}`, `ESN: ${esnHex(modem.subscriber.esn)}`, `+GCAP: ${identity.gcap}`],
        // a MEID device's +GSN is its MEID (Qualcomm "0x" hex form)
        gsn: ({ modem }) => [esnHex(modem.subscriber.meid)],
      }),
      ...cdmaModeHandlers(),
      '^HDRCSQ': ({ modem }) => ok(`^HDRCSQ: ${level(modem.radio.state.hdrRssiDbm, modem.radio.hasEvdo())}`),
      '+CSS': ({ modem }) => ok(`+CSS: ? , ${modem.radio.has1x() ? modem.subscriber.sid : 99999}`),
      '+CAD': ({ modem }) => ok(`+CAD: ${modem.radio.inService ? 1 : 0}`),
      ...cdmaCallHandlers(),
      '+CRM': ({ cmd }) => (cmd.kind === 'test' ? ok('+CRM: (0-2)') : cmd.kind === 'read' ? ok('+CRM: 1') : ok()),
      ...textModeSmsHandlers({ pdu: false }),
    },
    urc: {
      signal: cdmaSignalUrcs,
      mode: (m) => [`^MODE:${cdmaSysMode(m)}`],
      newSms: (_m, index) => `+CMTI: "ME",${index}`,
      callEnd: () => ['NO CARRIER'],
    },
  };
}
