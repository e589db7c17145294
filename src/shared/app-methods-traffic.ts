// AppApi methods of the traffic service (D-TRAF-1..4).
import { Type, type Static } from '@sinclair/typebox';

const Nullable = <T extends import('@sinclair/typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Bytes = Type.Integer({ minimum: 0 });

export const SourceTotalsSchema = Type.Object({ rxBytes: Bytes, txBytes: Bytes, rxRate: Type.Number(), txRate: Type.Number() });

export const TrafficSnapshotSchema = Type.Object({
  startedAt: Type.Number(),
  at: Type.Number(),
  durationS: Type.Integer(),
  primary: Nullable(Type.Union([Type.Literal('os'), Type.Literal('modem')])),
  rxBytes: Bytes,
  txBytes: Bytes,
  rxRate: Type.Number(),
  txRate: Type.Number(),
  modem: Nullable(SourceTotalsSchema),
  os: Nullable(SourceTotalsSchema),
  disagree: Type.Boolean(),
});
export type TrafficSnapshotDto = Static<typeof TrafficSnapshotSchema>;

export const PeriodTotalSchema = Type.Object({ period: Type.String(), rxBytes: Bytes, txBytes: Bytes, seconds: Type.Integer(), sessions: Type.Integer() });
export type PeriodTotalDto = Static<typeof PeriodTotalSchema>;

export const LocalSessionSchema = Type.Object({
  id: Type.Integer(),
  startedAt: Type.String(),
  endedAt: Nullable(Type.String()),
  number: Nullable(Type.String()),
  modem: Nullable(Type.String()),
  virtual: Type.Boolean(),
  iface: Nullable(Type.String()),
  localIp: Nullable(Type.String()),
  rxBytes: Bytes,
  txBytes: Bytes,
  modemRxBytes: Nullable(Bytes),
  modemTxBytes: Nullable(Bytes),
  osRxBytes: Nullable(Bytes),
  osTxBytes: Nullable(Bytes),
  endReason: Nullable(Type.String()),
});
export type LocalSessionDto = Static<typeof LocalSessionSchema>;

export const TrafficLimitSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9-]{1,32}$' }),
    kind: Type.Union([Type.Literal('bytes'), Type.Literal('seconds'), Type.Literal('kopecks')]),
    period: Type.Union([Type.Literal('day'), Type.Literal('month')]),
    amount: Type.Integer({ minimum: 1 }),
    warnAt: Type.Array(Type.Integer({ minimum: 1, maximum: 99 }), { maxItems: 5 }),
    disconnect: Type.Boolean(),
  },
  { additionalProperties: false },
);

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });
const Year = Type.String({ pattern: '^\\d{4}$' });
const Empty = Type.Object({}, { additionalProperties: false });

export const trafficMethods = {
  /** The running session's meter, or null between sessions. */
  'traffic.current': { request: Empty, response: Nullable(TrafficSnapshotSchema) },
  /** Per Kyiv day of a Kyiv month. */
  'traffic.daily': { request: Type.Object({ month: Month }, { additionalProperties: false }), response: Type.Array(PeriodTotalSchema) },
  /** Per Kyiv month of a year. */
  'traffic.monthly': { request: Type.Object({ year: Year }, { additionalProperties: false }), response: Type.Array(PeriodTotalSchema) },
  /** Sessions that started in [from, to). */
  'traffic.sessions': {
    request: Type.Object({ from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }) }, { additionalProperties: false }),
    response: Type.Array(LocalSessionSchema),
  },
  /** A session's per-minute series. */
  'traffic.minutes': {
    request: Type.Object({ sessionId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
    response: Type.Array(Type.Object({ minute: Type.String(), rxBytes: Bytes, txBytes: Bytes, seconds: Type.Integer() })),
  },
} as const;
