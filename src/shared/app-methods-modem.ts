// AppApi methods of the modem service: live details, ports, the AT terminal (M-AT-1),
// diagnostics (M-DIAG-1), SMS (M-SMS-1), service codes (M-CALL-1), virtual modem (V-6).
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Empty = Type.Object({}, { additionalProperties: false });

export const NetworkModeSchema = Type.Union(
  ['no-service', 'cdma1x', 'evdo-rel0', 'evdo-reva', 'evdo-revb', 'gsm', 'umts', 'hspa', 'lte', 'unknown'].map((m) => Type.Literal(m)),
);

export const SignalSchema = Type.Object({
  cdma1x: Nullable(Type.Object({ rssiDbm: Type.Number(), ecioDb: Nullable(Type.Number()) })),
  evdo: Nullable(Type.Object({ rssiDbm: Type.Number(), ecioDb: Nullable(Type.Number()), sinrDb: Nullable(Type.Number()) })),
  gsm: Nullable(Type.Object({ rssiDbm: Type.Number() })),
  umts: Type.Optional(Nullable(Type.Object({ rscpDbm: Nullable(Type.Number()), ecioDb: Nullable(Type.Number()) }))),
  lte: Type.Optional(Nullable(Type.Object({ rsrpDbm: Nullable(Type.Number()), rsrqDb: Nullable(Type.Number()) }))),
  bars: Type.Integer({ minimum: 0, maximum: 5 }),
});
export type SignalDto = Static<typeof SignalSchema>;

export const NetworkSchema = Type.Object({
  mode: NetworkModeSchema,
  roaming: Type.Boolean(),
  sid: Nullable(Type.Integer()),
  nid: Nullable(Type.Integer()),
  limited: Type.Optional(Type.Boolean()),
});
export type NetworkDto = Static<typeof NetworkSchema>;

export const IdentitySchema = Type.Object({
  manufacturer: Nullable(Type.String()),
  model: Nullable(Type.String()),
  revision: Nullable(Type.String()),
  hardwareVersion: Nullable(Type.String()),
  esn: Nullable(Type.String()),
  meid: Nullable(Type.String()),
  imei: Nullable(Type.String()),
  imsi: Nullable(Type.String()),
  prlVersion: Nullable(Type.String()),
});
export type IdentityDto = Static<typeof IdentitySchema>;

/** Everything the dashboard shows about the modem; pushed as `modem.details` events. */
export const ModemDetailsSchema = Type.Object({
  identity: Nullable(IdentitySchema),
  profile: Nullable(Type.String()),
  dataPort: Nullable(Type.String()),
  signal: Nullable(SignalSchema),
  network: Nullable(NetworkSchema),
  /** Where the number came from (M-NUM-1): a modem command, ASSA's whoami, or the user. */
  numberSource: Nullable(Type.Union([Type.Literal('modem'), Type.Literal('assa'), Type.Literal('user')])),
  updatedAt: Type.String(),
});
export type ModemDetailsDto = Static<typeof ModemDetailsSchema>;

export const PortInfoSchema = Type.Object({
  path: Type.String(),
  vendorId: Nullable(Type.String()),
  productId: Nullable(Type.String()),
  manufacturer: Nullable(Type.String()),
  product: Nullable(Type.String()),
  /** A known stick's name from the device table (M-PORT-1). */
  knownAs: Nullable(Type.String()),
  /** A probe's verdict: 'at' control port, 'data', 'qcdm', 'silent', 'error', or null when not probed. */
  role: Nullable(Type.String()),
  /** Advice for a known stick in CD-ROM mode (usb_modeswitch) or an open error. */
  advice: Nullable(Type.String()),
});
export type PortInfoDto = Static<typeof PortInfoSchema>;

export const TranscriptLineSchema = Type.Object({ t: Type.String(), dir: Type.Union([Type.Literal('tx'), Type.Literal('rx')]), line: Type.String() });
export type TranscriptLineDto = Static<typeof TranscriptLineSchema>;

export const SmsSchema = Type.Object({
  index: Type.Integer(),
  from: Type.String(),
  text: Type.String(),
  at: Nullable(Type.String()),
  read: Type.Boolean(),
});
export type SmsDto = Static<typeof SmsSchema>;

export const modemMethods = {
  'modem.details': { request: Empty, response: Nullable(ModemDetailsSchema) },
  /** Serial ports with USB ids, known-device names and the last probe verdicts. */
  'modem.ports': { request: Empty, response: Type.Array(PortInfoSchema) },
  /** Probe again now (after plugging, after a usb_modeswitch). */
  'modem.rescan': { request: Empty, response: Type.Object({ ok: Type.Boolean() }) },
  /** Use the built-in virtual modem while no physical one is attached (V-6). */
  'modem.useVirtual': { request: Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false }), response: Type.Object({ enabled: Type.Boolean() }) },
  /** M-NUM-1, last resort: the user says which number the modem has. */
  'modem.setNumber': { request: Type.Object({ number: Type.String({ maxLength: 20 }) }, { additionalProperties: false }), response: Type.Object({ number: Type.String() }) },
  /** M-AT-1: one command typed by a technician. ERROR is an answer, not a failure. */
  'at.send': {
    request: Type.Object({ command: Type.String({ minLength: 1, maxLength: 512 }), timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 180000 })) }, { additionalProperties: false }),
    response: Type.Object({ lines: Type.Array(Type.String()), final: Type.String(), ok: Type.Boolean() }),
  },
  'at.transcript': { request: Empty, response: Type.Array(TranscriptLineSchema) },
  /** M-DIAG-1: the contract JSON of `assa diag --json` plus the text for a person. */
  'diag.report': { request: Empty, response: Type.Object({ report: Type.Record(Type.String(), Type.Unknown()), text: Type.String() }) },
  /** Writes the report to a file in the data folder (to send to support). */
  'diag.save': { request: Empty, response: Type.Object({ path: Type.String() }) },
  'sms.list': { request: Empty, response: Type.Array(SmsSchema) },
  'sms.send': {
    request: Type.Object({ to: Type.String({ pattern: '^\\+?[0-9*#]{1,20}$' }), text: Type.String({ minLength: 1, maxLength: 640 }) }, { additionalProperties: false }),
    response: Type.Object({ ok: Type.Boolean() }),
  },
  /** The user opened the message at this index: its unread mark goes (the app keeps the marks; sticks clear theirs on any listing). */
  'sms.markRead': { request: Type.Object({ index: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }), response: Type.Object({ ok: Type.Boolean() }) },
  'sms.delete': { request: Type.Object({ index: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }), response: Type.Object({ ok: Type.Boolean() }) },
  /** M-USSD-1 (3GPP sticks): a USSD request such as *111#, or the answer to a menu. */
  'ussd.send': {
    request: Type.Object({ code: Type.String({ pattern: '^[0-9*#+]{1,64}$' }) }, { additionalProperties: false }),
    response: Type.Object({ status: Type.Integer(), text: Nullable(Type.String()) }),
  },
  /** M-USSD-1: end the open USSD session (the user's Cancel); ok even when none was open. */
  'ussd.cancel': { request: Empty, response: Type.Object({ ok: Type.Boolean() }) },
  /** M-CALL-1: dial a service code such as *2772*123456. */
  'call.serviceCode': {
    request: Type.Object({ code: Type.String({ pattern: '^[0-9*#+]{1,32}$' }) }, { additionalProperties: false }),
    response: Type.Object({ outcome: Type.String() }),
  },
} as const;
