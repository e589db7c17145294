// The account pages talk to ASSA only through AppApi's `assa.request` (the app adds the
// session cookie and CSRF token and sends it over the modem link when it is up).
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../api-context';

export interface AssaError {
  code: string;
  message: string;
  field?: string;
}

export class AssaCallError extends Error {
  constructor(
    readonly status: number,
    readonly error: AssaError,
  ) {
    super(error.message);
  }
  get code(): string {
    return this.error.code;
  }
}

export type AssaCall = <T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, opts?: { query?: Record<string, string>; idempotent?: boolean }) => Promise<T>;

export function useAssaCall(): AssaCall {
  const api = useApi();
  return useCallback(
    async <T,>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, opts: { query?: Record<string, string>; idempotent?: boolean } = {}) => {
      const r = await api.call('assa.request', {
        method,
        path,
        ...(body !== undefined ? { body } : {}),
        ...(opts.query ? { query: opts.query } : {}),
        // A retry of a money-moving request must move nothing twice (A-MON).
        ...(opts.idempotent ? { idempotencyKey: crypto.randomUUID() } : {}),
      });
      if (r.status >= 400) {
        const e = (r.body as { error?: AssaError } | null)?.error ?? { code: `http_${r.status}`, message: `The server answered ${r.status}.` };
        throw new AssaCallError(r.status, e);
      }
      return r.body as T;
    },
    [api],
  );
}

/** GET a path once (and again when `reload` is called). */
export function useAssaGet<T>(path: string, query?: Record<string, string>): { data: T | null; error: AssaCallError | Error | null; reload: () => void } {
  const call = useAssaCall();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<AssaCallError | Error | null>(null);
  const [tick, setTick] = useState(0);
  const q = JSON.stringify(query ?? {});
  useEffect(() => {
    let live = true;
    setError(null);
    call<T>('GET', path, undefined, query ? { query } : {}).then(
      (d) => live && setData(d),
      (e: Error) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [call, path, q, tick]);
  return { data, error, reload: () => setTick((t) => t + 1) };
}
