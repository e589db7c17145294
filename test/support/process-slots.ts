// Runs async work one piece at a time: each piece is a process with its own modem process,
// and on a shared 2-core machine several at once starve each other's timeouts.
export function oneAtATime(): <T>(fn: () => Promise<T>) => Promise<T> {
  let free = true;
  const waiting: Array<() => void> = [];
  return async (fn) => {
    while (!free) await new Promise<void>((r) => waiting.push(r));
    free = false;
    try {
      return await fn();
    } finally {
      free = true;
      waiting.shift()?.();
    }
  };
}
