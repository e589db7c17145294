// AppApi methods of the connection service (D-DIAL-1/2).
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Empty = Type.Object({}, { additionalProperties: false });

export const ConnectionStatusSchema = Type.Union(
  ['idle', 'connecting', 'connected', 'disconnecting', 'reconnecting', 'failed'].map((s) => Type.Literal(s)),
);

export const ConnectionStateSchema = Type.Object({
  status: ConnectionStatusSchema,
  /** UTC ISO of the last change. */
  since: Type.String(),
  /** 'pppd' on Linux, 'virtual' for the virtual modem's data mode, 'ras' on Windows. */
  via: Nullable(Type.String()),
  iface: Nullable(Type.String()),
  localIp: Nullable(Type.String()),
  /** The coded reason of the last failure or drop (no_carrier, busy, pppd_missing, ...). */
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  /** Auto-reconnect: the attempt number and when the next one is due. */
  attempt: Type.Integer({ minimum: 0 }),
  nextAttemptAt: Nullable(Type.String()),
  /** Progress words while connecting (dialling, authenticating, ...). */
  phase: Nullable(Type.String()),
});
export type ConnectionStateDto = Static<typeof ConnectionStateSchema>;

export const DialProfileSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9-]{1,32}$' }),
    name: Type.String({ minLength: 1, maxLength: 64 }),
    kind: Type.Union([Type.Literal('cdma'), Type.Literal('3gpp')]),
    number: Type.String({ pattern: '^[0-9*#+]{1,32}$' }),
    user: Type.String({ maxLength: 64 }),
    password: Type.String({ maxLength: 64 }),
    apn: Nullable(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const connectionMethods = {
  'connection.state': { request: Empty, response: ConnectionStateSchema },
  'connection.connect': { request: Empty, response: ConnectionStateSchema },
  'connection.disconnect': { request: Empty, response: ConnectionStateSchema },
} as const;
