// A value read once from the core and kept current from its events (the pattern every
// live card uses: modem details, connection state, account status, traffic).
import { useEffect, useState } from 'react';
import type { AppEvent, AppMethod, AppRequest, AppResponse } from '../../../src/shared/app-contract';
import { useApi } from '../api-context';

export function useLive<M extends AppMethod, T = AppResponse<M>>(
  method: M,
  request: AppRequest<M>,
  fromEvent: (e: AppEvent) => T | undefined,
): [T | null, (v: T | null) => void] {
  const api = useApi();
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    const off = api.subscribe((e) => {
      const v = fromEvent(e);
      if (v !== undefined) setValue(v);
    });
    api.call(method, request).then((v) => live && setValue(v as unknown as T), () => undefined);
    return () => {
      live = false;
      off();
    };
  }, [api, method]);
  return [value, setValue];
}

/** A coded error as the user reads it (renderer/src/i18n/error-text.ts). */
export { errorText } from '../i18n/error-text';
