// The AppApi reaches components through context, never through a global.
import { createContext, useContext, useEffect, useState } from 'react';
import type { AppApi, AppEvent, ModemState } from '../../src/shared/app-contract';

export const ApiContext = createContext<AppApi | null>(null);

export function useApi(): AppApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}

export function useAppEvents(listener: (e: AppEvent) => void): void {
  const api = useApi();
  useEffect(() => api.subscribe(listener), [api, listener]);
}

/** The modem state, read once and then kept current from events. */
export function useModemState(): ModemState | null {
  const api = useApi();
  const [state, setState] = useState<ModemState | null>(null);
  useEffect(() => {
    let live = true;
    const off = api.subscribe((e) => {
      if (e.type === 'modem.state') setState(e.state);
    });
    api.call('modem.state', {}).then((s) => live && setState(s), () => undefined);
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return state;
}
