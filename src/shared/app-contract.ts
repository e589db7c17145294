// The AppApi contract: every request the UI can make of the app's core, with TypeBox
// schemas so that each transport (Electron IPC, the loopback HTTP bridge) validates what
// it receives before the core sees it. The renderer imports this file, so it stays pure.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { accountMethods, type AccountStatusDto } from './app-methods-account';
import { backendMethods, ModemBackendSettingSchema } from './app-methods-backend';
import { connectionMethods, DialProfileSchema, type ConnectionStateDto } from './app-methods-connection';
import { modemMethods, type ModemDetailsDto, type SmsDto, type TranscriptLineDto } from './app-methods-modem';
import { INTERTELECOM_CDMA } from './dial-profile';
import { TrafficLimitSchema, trafficMethods, TrafficSnapshotSchema } from './app-methods-traffic';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ModemStatusSchema = Type.Union([
  Type.Literal('no-modem'),
  Type.Literal('probing'),
  Type.Literal('ready'),
  Type.Literal('connecting'),
  Type.Literal('connected'),
  Type.Literal('disconnecting'),
  Type.Literal('error'),
]);
export type ModemStatus = Static<typeof ModemStatusSchema>;

export const ModemStateSchema = Type.Object({
  status: ModemStatusSchema,
  /** true when the modem is the built-in virtual modem (shown as such everywhere). */
  virtual: Type.Boolean(),
  port: Nullable(Type.String()),
  manufacturer: Nullable(Type.String()),
  model: Nullable(Type.String()),
  number: Nullable(Type.String()),
  /** A coded reason when status is "error" (e.g. port_permission). */
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
});
export type ModemState = Static<typeof ModemStateSchema>;

export const LanguageSchema = Type.Union([Type.Literal('uk'), Type.Literal('ru'), Type.Literal('en')]);
export type Language = Static<typeof LanguageSchema>;

export const SettingsSchema = Type.Object({
  /** null: follow the system's language (uk, ru, else English). */
  language: Nullable(LanguageSchema),
  /** Use this AT port instead of searching (M-PORT). */
  portOverride: Nullable(Type.String({ maxLength: 256 })),
  assaServer: Type.Object({
    mode: Type.Union([Type.Literal('embedded'), Type.Literal('remote')]),
    url: Type.String({ maxLength: 2048 }),
  }),
  startAtLogin: Type.Boolean(),
  autoReconnect: Type.Boolean(),
  /** D-TRAF-3 limits with their warning thresholds. */
  limits: Type.Array(TrafficLimitSchema, { maxItems: 12 }),
  /** D-DIAL-1: how to dial (Intertelecom's CDMA #777 IT/IT by default). */
  dial: DialProfileSchema,
  /** D-DIAL-1 / U-SET-1: the user's own dial profiles beside the built-in ones, passwords left out (the chosen profile's is in `dial`, sealed). */
  dialProfiles: Type.Optional(Type.Array(DialProfileSchema, { maxItems: 10 })),
  /** V-6: 'auto' uses the virtual modem while no physical modem is attached. */
  virtualModem: Type.Union([Type.Literal('auto'), Type.Literal('off')]),
  /** Issue 16: 'auto' = ModemManager whenever it holds the modem, else the ports directly. */
  modemBackend: ModemBackendSettingSchema,
});
export type Settings = Static<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: null,
  portOverride: null,
  assaServer: { mode: 'embedded', url: '' },
  startAtLogin: false,
  autoReconnect: false,
  limits: [],
  dial: { ...INTERTELECOM_CDMA },
  dialProfiles: [],
  virtualModem: 'auto',
  modemBackend: 'auto',
};

const Empty = Type.Object({}, { additionalProperties: false });

/** Method name → request and response schemas. Later issues add methods here. */
export const appMethods = {
  'app.info': {
    request: Empty,
    response: Type.Object({ version: Type.String(), shell: Type.Union([Type.Literal('electron'), Type.Literal('browser')]) }),
  },
  'modem.state': { request: Empty, response: ModemStateSchema },
  'settings.get': { request: Empty, response: SettingsSchema },
  'settings.update': {
    request: Type.Partial(
      Type.Object({
        language: Nullable(LanguageSchema),
        portOverride: Nullable(Type.String({ maxLength: 256 })),
        assaServer: SettingsSchema.properties.assaServer,
        startAtLogin: Type.Boolean(),
        autoReconnect: Type.Boolean(),
        limits: Type.Array(TrafficLimitSchema, { maxItems: 12 }),
        dial: DialProfileSchema,
        dialProfiles: Type.Array(DialProfileSchema, { maxItems: 10 }),
        virtualModem: Type.Union([Type.Literal('auto'), Type.Literal('off')]),
        modemBackend: ModemBackendSettingSchema,
      }),
      { additionalProperties: false },
    ),
    response: SettingsSchema,
  },
  ...trafficMethods,
  ...modemMethods,
  ...backendMethods,
  ...connectionMethods,
  ...accountMethods,
} as const satisfies Record<string, { request: TSchema; response: TSchema }>;

export type AppMethod = keyof typeof appMethods;
export type AppRequest<M extends AppMethod> = Static<(typeof appMethods)[M]['request']>;
export type AppResponse<M extends AppMethod> = Static<(typeof appMethods)[M]['response']>;

export const APP_METHOD_NAMES = Object.keys(appMethods) as AppMethod[];
export function isAppMethod(name: unknown): name is AppMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(appMethods, name);
}

/** Events pushed from the core to every UI (window, tray, browser tab). */
export type AppEvent =
  | { type: 'modem.state'; state: ModemState }
  | { type: 'settings.changed'; settings: Settings }
  | { type: 'traffic.sample'; snapshot: Static<typeof TrafficSnapshotSchema> }
  | { type: 'modem.details'; details: ModemDetailsDto | null }
  | { type: 'connection.state'; state: ConnectionStateDto }
  | { type: 'account.status'; status: AccountStatusDto }
  | { type: 'at.line'; line: TranscriptLineDto }
  | { type: 'sms.received'; sms: SmsDto }
  | { type: 'notification'; id: string; level: 'info' | 'warning' | 'error'; code: string; text: string; at: string; params?: Record<string, string | number> };

/** The one interface both transports carry and the renderer programs against. */
export interface AppApi {
  call<M extends AppMethod>(method: M, request: AppRequest<M>): Promise<AppResponse<M>>;
  /** Returns an unsubscribe function. */
  subscribe(listener: (event: AppEvent) => void): () => void;
}
