// The desktop app's core: its services behind the one AppApi interface that both front
// doors (Electron IPC, the loopback HTTP bridge) carry. UI-agnostic; no transport here.
// Hardware, files and the ASSA server come in as parameters (the composition root,
// src/cli/compose-app.ts, builds them), so tests run the same core on the virtual modem.
import type { AppApi, AppEvent, AppMethod, AppRequest, AppResponse, Settings } from '../shared/app-contract';
import { CodedError } from '../shared/errors';
import { AccountLink } from './account/account-link';
import type { AccountMemory } from './account/account-memory';
import type { RunaBudget } from './account/runa-budget';
import type { AssaClient } from './account/assa-client';
import { watchBalance } from './account/balance-watch';
import type { VaultOpener } from './account/vault-opener';
import type { Clock } from './clock';
import { ConnectionService } from './connection/connection-service';
import type { Dialler } from './connection/dialler';
import { EventBus } from './event-bus';
import type { ReportFiles } from './diagnostics/report-files';
import type { HistoryDb } from './history/history-db';
import { diagnosticReport } from './modem/diagnostic-report';
import { serialOnly } from './modem/modem-backend';
import type { ModemPlatform } from './modem/modem-platform';
import { ModemService, type ReadyModem } from './modem/modem-service';
import { SmsUnread } from './modem/sms-unread';
import { createNotifier } from './notifier';
import type { SettingsBackend } from './settings/settings-backend';
import { SettingsService } from './settings/settings-service';
import type { IfaceCounterReader } from './traffic/iface-counters';
import { TrafficService } from './traffic/traffic-service';

export interface AppCoreOptions {
  version: string;
  shell: 'electron' | 'browser';
  settings: SettingsBackend;
  clock: Clock;
  /** How modems are found and opened (nullPlatform: the app never sees a modem). */
  platform: ModemPlatform;
  /** The local traffic history (D-TRAF-2), opened by the composition root. */
  history: HistoryDb;
  /** The credential vault, already tried with the OS's key (R-AUTO-2). */
  vault: VaultOpener;
  /** The one HTTP client for ASSA; its base is assaUrl(settings) at start. */
  assa: AssaClient;
  /** The ASSA server for these settings: the embedded one, or the URL the user named. */
  assaUrl: (server: Settings['assaServer']) => string;
  /** Diallers for a ready modem: the virtual modem's data mode, pppd, rasdial. */
  diallerFor: (m: ReadyModem) => Dialler;
  /** Where diagnostic reports are written. */
  reports: ReportFiles;
  /** What the app remembers about the account that is not secret, and the 2772 count. */
  memory: AccountMemory;
  runaBudget: RunaBudget;
  readCounters: IfaceCounterReader;
  runaReplyTimeoutMs?: number;
}

export interface AppCore extends AppApi {
  readonly bus: EventBus;
  readonly traffic: TrafficService;
  readonly modem: ModemService;
  readonly connection: ConnectionService;
  readonly account: AccountLink;
  /** Resolves when the vault has been tried and the automatic login attempted. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

type Handlers = { [M in AppMethod]: (req: AppRequest<M>) => Promise<AppResponse<M>> | AppResponse<M> };

/**
 * The core as a plain graph of services over parts the composition root built
 * (src/cli/compose-app.ts for browser mode and Electron): no files opened, no addresses
 * chosen, no hardware picked here.
 */
export function createAppCore(opts: AppCoreOptions): AppCore {
  const bus = new EventBus();
  const { clock, platform, history, vault } = opts;
  const notify = createNotifier(bus, clock);
  const settings = new SettingsService(opts.settings, bus, vault.secret('dial-password'));
  // A dial password kept plain by an older version (or given while shut) moves into the vault once it opens.
  vault.onOpen(() => settings.sealDialPassword());
  const modem = new ModemService({ platform, bus, clock });
  let connection: ConnectionService | null = null;
  const traffic = new TrafficService({
    history,
    bus,
    clock,
    readCounters: opts.readCounters,
    limits: () => settings.get().limits,
    onLimitDisconnect: () => void connection?.disconnect(),
  });
  connection = new ConnectionService({
    modem,
    traffic,
    bus,
    clock,
    diallerFor: opts.diallerFor,
    profile: () => settings.get().dial,
    autoReconnect: () => settings.get().autoReconnect,
    notify,
  });
  const conn = connection;
  const assaUrl = () => opts.assaUrl(settings.get().assaServer);
  opts.assa.setBase(assaUrl());
  const account = new AccountLink({
    client: opts.assa,
    modem,
    bus,
    vault: () => vault.get(),
    vaultNeedsPassphrase: () => vault.needsPassphrase(),
    vaultSealed: () => vault.hasSealedLogin(),
    linkAddress: () => conn.currentSession()?.localIp ?? null,
    memory: opts.memory,
    runaBudget: opts.runaBudget,
    clock,
    ...(opts.runaReplyTimeoutMs ? { runaReplyTimeoutMs: opts.runaReplyTimeoutMs } : {}),
  });
  const balance = watchBalance({ account, notify, clock });
  const smsUnread = new SmsUnread(history);
  let wasLoggedIn = false;
  bus.subscribe((e) => {
    if (e.type === 'account.status') {
      if (e.status.loggedIn && !wasLoggedIn) void balance.check();
      wasLoggedIn = e.status.loggedIn;
    }
    if (e.type === 'settings.changed') account.serverChanged(assaUrl());
    // One message is one "New SMS", however often the memory is read again while it is unread.
    if (e.type === 'sms.received' && smsUnread.firstNews(e.sms)) notify('sms_received', 'info', { from: e.sms.from }, `sms-${e.sms.index}-${e.sms.from}-${e.sms.at ?? ''}`);
  });
  modem.start();
  const ready = account.autoLogin().catch(() => undefined);

  const handlers: Handlers = {
    'app.info': () => ({ version: opts.version, shell: opts.shell }),
    'modem.state': () => modem.getState(),
    'settings.get': () => settings.get(),
    'settings.update': (patch) => {
      const s = settings.update(patch);
      if (patch.virtualModem !== undefined) platform.setVirtualEnabled?.(patch.virtualModem === 'auto');
      if (patch.portOverride !== undefined || patch.modemBackend !== undefined) void platform.rescan();
      return s;
    },
    'traffic.current': () => traffic.current(),
    'traffic.daily': ({ month }) => history.dailyTotals(month),
    'traffic.monthly': ({ year }) => history.monthlyTotals(year),
    'traffic.sessions': ({ from, to }) => history.sessions(new Date(from), new Date(to)),
    'traffic.minutes': ({ sessionId }) => history.minutes(sessionId),
    'modem.details': () => modem.getDetails(),
    'modem.ports': () => platform.ports(),
    'modem.rescan': async () => {
      await modem.rescan();
      return { ok: true };
    },
    'modem.useVirtual': ({ enabled }) => {
      settings.update({ virtualModem: enabled ? 'auto' : 'off' });
      platform.setVirtualEnabled?.(enabled);
      return { enabled };
    },
    'modem.setNumber': ({ number }) => ({ number: modem.setNumber(number, 'user') }),
    'modem.backend': () => platform.backend?.status() ?? serialOnly(settings.get().modemBackend, modem.getState().port),
    'modem.takeOver': async ({ on }) => {
      if (!platform.backend) throw new CodedError('mm_not_running', 'ModemManager is not running: the app already opens the ports itself.');
      return platform.backend.takeOver(on);
    },
    'at.send': async ({ command, timeoutMs }) => {
      const r = await modem.sendAt(command, timeoutMs);
      return { lines: r.lines, final: r.final.kind, ok: r.final.kind === 'ok' };
    },
    'at.transcript': () => [...modem.transcript()],
    'diag.report': () => diagnosticReport({ modem, connection: conn, clock }),
    'diag.save': async () => {
      const { report, text } = await diagnosticReport({ modem, connection: conn, clock });
      return { path: opts.reports.save(text, report) };
    },
    'sms.list': async () => {
      const m = modem.requireReady();
      return smsUnread.mark(await m.profile.readSms(m.channel));
    },
    'sms.markRead': ({ index }) => {
      smsUnread.opened(index);
      return { ok: true };
    },
    'sms.send': async ({ to, text }) => {
      const m = modem.requireReady();
      await m.profile.sendSms(m.channel, to, text);
      return { ok: true };
    },
    'sms.delete': async ({ index }) => {
      const m = modem.requireReady();
      await m.profile.deleteSms(m.channel, index);
      smsUnread.opened(index);
      return { ok: true };
    },
    'ussd.send': async ({ code }) => {
      const m = modem.requireReady();
      if (!m.profile.ussd) throw new CodedError('ussd_unsupported', 'USSD works on 3G (GSM/UMTS) modems; on CDMA dial the service code instead.');
      return m.profile.ussd(m.channel, code);
    },
    'ussd.cancel': async () => {
      const m = modem.requireReady();
      await m.profile.ussdCancel?.(m.channel);
      return { ok: true };
    },
    'call.serviceCode': async ({ code }) => {
      const m = modem.requireReady();
      return { outcome: await m.profile.dialServiceCode(m.channel, code) };
    },
    'connection.state': () => conn.getState(),
    'connection.connect': () => conn.connect(),
    'connection.disconnect': () => conn.disconnect(),
    'account.status': () => account.getStatus(),
    'account.register': (r) => account.register(r),
    'account.login': (r) => account.login(r),
    'account.logout': () => account.logout(),
    'account.unlock': (r) => account.unlock(r),
    'account.openProtected': () => account.openProtected(),
    'account.recoverPassword': (r) => account.recoverPassword(r),
    'account.unlockVault': async ({ passphrase }) => {
      try {
        await vault.openWithPassphrase(passphrase);
      } catch (e) {
        throw new CodedError('vault_passphrase_wrong', 'That passphrase does not open the saved login.', { field: 'passphrase', cause: e });
      }
      await account.autoLogin();
      return account.getStatus();
    },
    'assa.request': (r) => account.proxy(r),
  };

  return {
    bus,
    traffic,
    modem,
    connection: conn,
    account,
    ready,
    async call<M extends AppMethod>(method: M, request: AppRequest<M>): Promise<AppResponse<M>> {
      const handler = handlers[method] as (req: AppRequest<M>) => Promise<AppResponse<M>> | AppResponse<M>;
      return handler(request);
    },
    subscribe(listener: (e: AppEvent) => void) {
      return bus.subscribe(listener);
    },
    async close() {
      balance.stop();
      await conn.close();
      traffic.end('app_stopped');
      await modem.stop();
      history.close();
    },
  };
}
