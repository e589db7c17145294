// The desktop app's core: its services behind the one AppApi interface that both front
// doors (Electron IPC, the loopback HTTP bridge) carry. UI-agnostic; no transport here.
import type { AppApi, AppEvent, AppMethod, AppRequest, AppResponse, ModemState } from '../shared/app-contract';
import { EventBus } from './event-bus';
import type { SettingsBackend } from './settings/settings-backend';
import { SettingsService } from './settings/settings-service';

export interface AppCoreOptions {
  version: string;
  shell: 'electron' | 'browser';
  settings: SettingsBackend;
}

export interface AppCore extends AppApi {
  readonly bus: EventBus;
  close(): Promise<void>;
}

const NO_MODEM: ModemState = { status: 'no-modem', virtual: false, port: null, manufacturer: null, model: null, number: null, error: null };

type Handlers = { [M in AppMethod]: (req: AppRequest<M>) => Promise<AppResponse<M>> | AppResponse<M> };

export function createAppCore(opts: AppCoreOptions): AppCore {
  const bus = new EventBus();
  const settings = new SettingsService(opts.settings, bus);
  const modemState: ModemState = NO_MODEM;

  const handlers: Handlers = {
    'app.info': () => ({ version: opts.version, shell: opts.shell }),
    'modem.state': () => modemState,
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
  };

  return {
    bus,
    async call<M extends AppMethod>(method: M, request: AppRequest<M>): Promise<AppResponse<M>> {
      const handler = handlers[method] as (req: AppRequest<M>) => Promise<AppResponse<M>> | AppResponse<M>;
      return handler(request);
    },
    subscribe(listener: (e: AppEvent) => void) {
      return bus.subscribe(listener);
    },
    async close() {
      // Services with resources (modem, database) are closed here as they arrive.
    },
  };
}
