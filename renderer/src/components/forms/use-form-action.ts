// Errors next to their control, cleared on the next action (issue 18): each form runs its
// request through one of these. Starting any action clears the words every other form
// on the screen still shows, so an old message never stays up after the next action.
import { useCallback, useEffect, useId, useState } from 'react';
import { AssaCallError } from '../../pages/account/account-client';

const NEXT_ACTION = 'assa-next-action';

export interface FormAction {
  run: (fn: () => Promise<string | null | void>) => Promise<boolean>;
  busy: boolean;
  message: string | null;
  error: unknown;
  /** The error when it is about `field` (the server's `field`, e.g. "amount" or "rules/0/target"). */
  errorFor: (field: string) => unknown;
  /** The error when no field of this form claims it. */
  formError: (fields: readonly string[]) => unknown;
  clear: () => void;
}

/** Calls `fn` whenever any form on the screen starts an action (a notice about the last one then goes). */
export function onNextAction(fn: () => void): () => void {
  window.addEventListener(NEXT_ACTION, fn);
  return () => window.removeEventListener(NEXT_ACTION, fn);
}

export function fieldOf(e: unknown): string | null {
  const err = e instanceof AssaCallError ? e.error : (e as { field?: unknown } | null);
  return typeof err?.field === 'string' ? err.field : null;
}

export function useFormAction(): FormAction {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const clear = useCallback(() => {
    setMessage(null);
    setError(null);
  }, []);
  useEffect(() => {
    const on = (e: Event) => {
      if ((e as CustomEvent<string>).detail !== id) clear();
    };
    window.addEventListener(NEXT_ACTION, on);
    return () => window.removeEventListener(NEXT_ACTION, on);
  }, [id, clear]);
  const run = useCallback(
    async (fn: () => Promise<string | null | void>) => {
      window.dispatchEvent(new CustomEvent(NEXT_ACTION, { detail: id }));
      clear();
      setBusy(true);
      try {
        setMessage((await fn()) ?? null);
        return true;
      } catch (e) {
        setError(e);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [id, clear],
  );
  const errorFor = (field: string) => {
    const f = fieldOf(error);
    return f !== null && (f === field || f.endsWith(`/${field}`)) ? error : null;
  };
  const formError = (fields: readonly string[]) => (fields.some((f) => errorFor(f)) ? null : error);
  return { run, busy, message, error, errorFor, formError, clear };
}
