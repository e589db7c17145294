// Runs async work a few pieces at a time. Each piece of the device-table and fault suites
// is an `assa diag` process with its own modem process on its own pty, and nearly all of
// its wall time is waiting (a silent modem's timeouts, a 2.5 s late answer, the 10 s of
// AT tries before exit 2): about 1 s of CPU in 4-17 s. One at a time, the two suites took
// 270 s of a 15-minute `npm test`; a few at once overlap the waiting. Not more than a
// few (2 by default): on a shared 2-core machine the process start-ups (tsx compiling the CLI) compete,
// and a modem's answer delayed past its timeout would read as a silent firmware.
// ASSA_PTY_SLOTS sets the number (1 gives the old one-at-a-time order).
export const PTY_SLOTS = Math.max(1, Number(process.env.ASSA_PTY_SLOTS ?? 2) || 1);

export function inSlots(slots = PTY_SLOTS): <T>(fn: () => Promise<T>) => Promise<T> {
  let busy = 0;
  const waiting: Array<() => void> = [];
  return async (fn) => {
    while (busy >= slots) await new Promise<void>((r) => waiting.push(r));
    busy++;
    try {
      return await fn();
    } finally {
      busy--;
      waiting.shift()?.();
    }
  };
}
