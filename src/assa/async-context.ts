// Values that follow one flow of work through its awaits and callbacks without being passed
// along: the client a password hash queues for, who causes a ledger movement, whether a
// store call runs inside a transaction. They all live in one AsyncLocalStorage, each under
// a slot of its own.
// Why one: on Node 20 every AsyncLocalStorage that has ever run copies its value onto
// every promise the process makes. With five of them, that copying was a quarter of an
// authenticated GET's CPU (issue 11: GET /account against a bare route). One storage
// holding a small frame costs the same as one value.
import { AsyncLocalStorage } from 'node:async_hooks';

type Frame = Readonly<Record<symbol, unknown>>;
const storage = new AsyncLocalStorage<Frame>();

export interface ContextSlot<T> {
  /** Runs `fn` (and all it starts) with this slot set to `value`; the other slots keep theirs. */
  run<R>(value: T, fn: () => R): R;
  /** The value of the innermost `run` around the caller, if any. */
  get(): T | undefined;
}

/** A slot of the one per-flow context; `name` only labels it when debugging. */
export function contextSlot<T>(name: string): ContextSlot<T> {
  const key = Symbol(name);
  return {
    run: (value, fn) => storage.run({ ...storage.getStore(), [key]: value }, fn),
    get: () => storage.getStore()?.[key] as T | undefined,
  };
}
