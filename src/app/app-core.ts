// The desktop app's core: its services behind the one AppApi interface that both front
// doors (Electron IPC, the loopback HTTP bridge) carry. UI-agnostic; no transport here.
import type { AppApi, AppEvent, AppMethod, AppRequest, AppResponse, ModemState } from '../shared/app-contract';
import path from 'node:path';
import { systemClock, type Clock } from './clock';
import { EventBus } from './event-bus';
import { HistoryDb } from './history/history-db';
import type { SettingsBackend } from './settings/settings-backend';
import { SettingsService } from './settings/settings-service';
import { sysfsCounterReader } from './traffic/iface-counters';
import { TrafficService } from './traffic/traffic-service';

export interface AppCoreOptions {
  version: string;
  shell: 'electron' | 'browser';
  settings: SettingsBackend;
  /** The app's data folder: local history database, outbox, credentials. */
  dataDir: string;
  clock?: Clock;
}

export interface AppCore extends AppApi {
  readonly bus: EventBus;
  readonly traffic: TrafficService;
  close(): Promise<void>;
}

const NO_MODEM: ModemState = { status: 'no-modem', virtual: false, port: null, manufacturer: null, model: null, number: null, error: null };

type Handlers = { [M in AppMethod]: (req: AppRequest<M>) => Promise<AppResponse<M>> | AppResponse<M> };

export function createAppCore(opts: AppCoreOptions): AppCore {
  const bus = new EventBus();
  const clock = opts.clock ?? systemClock;
  const settings = new SettingsService(opts.settings, bus);
  const modemState: ModemState = NO_MODEM;
  const history = new HistoryDb(path.join(opts.dataDir, 'history.db'));
  const traffic = new TrafficService({ history, bus, clock, readCounters: sysfsCounterReader(), limits: () => settings.get().limits });

  const handlers: Handlers = {
    'app.info': () => ({ version: opts.version, shell: opts.shell }),
    'modem.state': () => modemState,
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
    'traffic.current': () => traffic.current(),
    'traffic.daily': ({ month }) => history.dailyTotals(month),
    'traffic.monthly': ({ year }) => history.monthlyTotals(year),
    'traffic.sessions': ({ from, to }) => history.sessions(new Date(from), new Date(to)),
    'traffic.minutes': ({ sessionId }) => history.minutes(sessionId),
  };

  return {
    bus,
    traffic,
    async call<M extends AppMethod>(method: M, request: AppRequest<M>): Promise<AppResponse<M>> {
      const handler = handlers[method] as (req: AppRequest<M>) => Promise<AppResponse<M>> | AppResponse<M>;
      return handler(request);
    },
    subscribe(listener: (e: AppEvent) => void) {
      return bus.subscribe(listener);
    },
    async close() {
      traffic.end('app_stopped');
      history.close();
    },
  };
}
