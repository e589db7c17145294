// D-DIAL-2: auto-reconnect waits longer after each failed attempt (2 s, 4 s, 8 s … 60 s),
// so a dead network is not hammered and a short drop is bridged quickly.
export function reconnectDelayMs(attempt: number, baseMs = 2000, maxMs = 60_000): number {
  if (attempt < 1) return baseMs;
  return Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 16));
}
