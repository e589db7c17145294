// Named moments inside the money paths where the crash test (issue 13) kills the server
// with a real SIGKILL: the process dies right there, with nothing flushed or rolled back
// by us, exactly as a power cut or the OOM killer would leave it. Off unless configured,
// and only a --demo server accepts one (embedded.ts refuses it otherwise).
export const CRASH_POINTS = [
  /** The payment's intent is committed; the gateway has not been called. */
  'payment:before-gateway',
  /** The gateway has charged (its own record says so); our ledger has not been written. */
  'payment:after-gateway',
  /** The outcome and the credit are committed; the answer has not been sent. */
  'payment:after-ledger',
  /** The month start has committed its first chunk; the rest of the run is not done. */
  'month-start:after-chunk',
] as const;
export type CrashPoint = (typeof CRASH_POINTS)[number];

export type CrashAt = (point: CrashPoint) => void;

/** No crash point: the function every server without one runs. */
export const noCrash: CrashAt = () => undefined;

/** Kills this process with SIGKILL the first time `point` is reached. */
export function crashAt(point: CrashPoint): CrashAt {
  return (p) => {
    if (p === point) process.kill(process.pid, 'SIGKILL');
  };
}

export function parseCrashPoint(s: string): CrashPoint {
  if (!(CRASH_POINTS as readonly string[]).includes(s)) throw new Error(`one of ${CRASH_POINTS.join(', ')}`);
  return s as CrashPoint;
}
