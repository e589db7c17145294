// The account pages talk to ASSA only through the AccountClient of their host (the app's
// AppApi proxy, or the portal's direct calls): see pages/account/account-client.ts.
import { useCallback, useEffect, useState } from 'react';
import { useAccountClient, type AssaMethod, type AssaRequestOptions } from '../pages/account/account-client';
import type { AssaCallError } from '../pages/account/account-client';

export { AssaCallError, type AssaError } from '../pages/account/account-client';

export type AssaCall = <T = unknown>(method: AssaMethod, path: string, body?: unknown, opts?: AssaRequestOptions) => Promise<T>;

export function useAssaCall(): AssaCall {
  const client = useAccountClient();
  return useCallback(<T,>(method: AssaMethod, path: string, body?: unknown, opts: AssaRequestOptions = {}) => client.request<T>(method, path, body, opts), [client]);
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
