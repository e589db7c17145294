// AppApi methods of the modem backend (issue 16): which one drives the modem — direct serial
// or ModemManager over D-Bus — and the user's "take the port over" (MM's InhibitDevice: MM
// lets go of the stick so the app, or `assa diag`, opens its ports directly; released, MM
// takes it back).
import { Type, type Static } from '@sinclair/typebox';



export const ModemBackendSettingSchema = Type.Union([Type.Literal('auto'), Type.Literal('serial'), Type.Literal('modemmanager')]);
export type ModemBackendSettingDto = Static<typeof ModemBackendSettingSchema>;

export const BackendStatusSchema = Type.Object({
  setting: ModemBackendSettingSchema,
  /** The backend of the modem in use now; null without a modem. */
  active: Type.Union([Type.Literal('serial'), Type.Literal('modemmanager'), Type.Null()]),
  /** ModemManager answers on D-Bus. */
  modemManagerRunning: Type.Boolean(),
  /** MM holds a modem now. */
  modemManagerHasModem: Type.Boolean(),
  /** The AT terminal can work: serial, or MM in debug mode (Modem.Command). */
  atTerminal: Type.Boolean(),
  /** The app asked MM to let go of the modem (InhibitDevice); the device MM named. */
  takenOver: Type.Boolean(),
  takenOverDevice: Type.Union([Type.String(), Type.Null()]),
  /** Who makes the data call for the modem in use: NetworkManager (where it runs), ModemManager's Simple.Connect, or the app's own dialler (pppd/rasdial); null without a modem. */
  dataCalls: Type.Union([Type.Literal('networkmanager'), Type.Literal('modemmanager'), Type.Literal('app'), Type.Null()]),
});
export type BackendStatusDto = Static<typeof BackendStatusSchema>;

const Empty = Type.Object({}, { additionalProperties: false });

export const backendMethods = {
  'modem.backend': { request: Empty, response: BackendStatusSchema },
  /** on: MM lets go of its modem (Inhibit) and the app opens the ports itself; off: MM takes it back. */
  'modem.takeOver': { request: Type.Object({ on: Type.Boolean() }, { additionalProperties: false }), response: BackendStatusSchema },
} as const;
