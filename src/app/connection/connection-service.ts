// D-DIAL-1/2: connect and disconnect, the state always published, auto-reconnect with
// backoff when the link drops (off by default), the traffic meter started and ended with
// the session, and the modem's own flow reports fed to it.
import type { DialProfile } from '../../shared/dial-profile';
import type { ConnectionStateDto } from '../../shared/app-methods-connection';
import { CodedError, toErrorBody } from '../../shared/errors';
import { clockTimeout, type Clock } from '../clock';
import type { EventBus } from '../event-bus';
import type { ModemService, ReadyModem } from '../modem/modem-service';
import type { TrafficService } from '../traffic/traffic-service';
import type { DataSession, Dialler } from './dialler';
import { connectionError } from './pppd-exit';
import { reconnectDelayMs } from './reconnect-backoff';

export interface ConnectionServiceDeps {
  modem: ModemService;
  traffic: TrafficService;
  bus: EventBus;
  clock: Clock;
  /** Picks the dialler for this modem: virtual data mode, pppd, rasdial. */
  diallerFor(modem: ReadyModem): Dialler;
  profile(): DialProfile;
  autoReconnect(): boolean;
  notify(code: string, level: 'info' | 'warning' | 'error', params?: Record<string, string | number>): void;
}

export class ConnectionService {
  private state: ConnectionStateDto;
  private session: DataSession | null = null;
  private attempt = 0;
  private retryTimer: { clear(): void } | null = null;
  private busy: Promise<unknown> = Promise.resolve();
  private readonly sessionListeners = new Set<(s: DataSession | null) => void>();

  constructor(private readonly deps: ConnectionServiceDeps) {
    this.state = this.fresh('idle');
    deps.modem.onReady((m) => {
      if (!m) void this.onModemGone();
    });
  }

  getState(): ConnectionStateDto {
    return this.state;
  }
  currentSession(): DataSession | null {
    return this.session;
  }
  /** Fires with the session when it comes up and null when it ends. */
  onSession(listener: (s: DataSession | null) => void): () => void {
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  connect(): Promise<ConnectionStateDto> {
    this.cancelRetry();
    this.attempt = 0;
    return this.serial(() => this.dialOnce());
  }

  disconnect(): Promise<ConnectionStateDto> {
    this.cancelRetry();
    return this.serial(async () => {
      const s = this.session;
      if (!s) {
        this.set(this.fresh('idle'));
        return this.state;
      }
      this.set({ ...this.state, status: 'disconnecting', phase: null, nextAttemptAt: null });
      this.deps.modem.setLinkStatus('disconnecting');
      await s.hangup();
      await s.ended;
      return this.state;
    });
  }

  async close(): Promise<void> {
    this.cancelRetry();
    await this.session?.hangup().catch(() => undefined);
  }

  // One connect/disconnect at a time: a double click must not start two pppd.
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.busy.then(fn, fn);
    this.busy = run.catch(() => undefined);
    return run;
  }

  private async dialOnce(): Promise<ConnectionStateDto> {
    if (this.session) return this.state;
    const modem = this.deps.modem.current();
    if (!modem) {
      this.fail(new CodedError('no_modem', 'No modem is connected.'));
      return this.state;
    }
    const mode = this.deps.modem.getDetails()?.network?.mode;
    if (mode === 'no-service') {
      this.fail(connectionError('not_registered'));
      return this.state;
    }
    this.set({ ...this.fresh('connecting'), attempt: this.attempt, phase: 'dialling' });
    this.deps.modem.setLinkStatus('connecting');
    try {
      const session = await this.deps.diallerFor(modem).dial({
        modem,
        profile: this.deps.profile(),
        onPhase: (phase) => this.set({ ...this.state, phase }),
      });
      this.up(modem, session);
    } catch (e) {
      this.fail(e);
      this.scheduleRetry();
    }
    return this.state;
  }

  private up(modem: ReadyModem, session: DataSession): void {
    this.session = session;
    this.attempt = 0;
    const ms = this.deps.modem.getState();
    this.deps.traffic.start({ number: ms.number, modem: [ms.manufacturer, ms.model].filter(Boolean).join(' ') || null, virtual: ms.virtual, iface: session.iface, localIp: session.localIp });
    const offFlow = modem.channel.onUnsolicited('*', (r) => {
      const flow = modem.profile.parseFlowReport(r.line);
      if (flow) this.deps.traffic.reportModemFlow({ rxBytes: flow.rxBytes, txBytes: flow.txBytes });
    });
    this.set({ ...this.fresh('connected'), via: session.via, iface: session.iface, localIp: session.localIp });
    this.deps.modem.setLinkStatus('connected');
    for (const l of [...this.sessionListeners]) l(session);
    void session.ended.then(({ code }) => {
      offFlow();
      if (this.session !== session) return;
      this.session = null;
      this.deps.traffic.end(code ?? 'user');
      for (const l of [...this.sessionListeners]) l(null);
      if (this.deps.modem.current()) this.deps.modem.setLinkStatus('ready');
      if (code) {
        this.deps.notify('link_dropped', 'warning', { reason: code });
        this.fail(connectionError(code));
        this.scheduleRetry();
      } else {
        this.set(this.fresh('idle'));
      }
    });
  }

  private async onModemGone(): Promise<void> {
    this.cancelRetry();
    const s = this.session;
    if (!s) {
      if (this.state.status !== 'idle' && this.state.status !== 'failed') this.set(this.fresh('idle'));
      return;
    }
    // M-PORT-3: the stick went with the session; end it now with the totals kept.
    this.session = null;
    this.deps.traffic.end('modem_unplugged');
    for (const l of [...this.sessionListeners]) l(null);
    this.deps.notify('link_dropped', 'warning', { reason: 'modem_unplugged' });
    await s.hangup().catch(() => undefined);
    this.fail(new CodedError('modem_unplugged', 'The modem was unplugged.'));
  }

  private scheduleRetry(): void {
    if (!this.deps.autoReconnect() || !this.deps.modem.current()) return;
    this.attempt += 1;
    const delay = reconnectDelayMs(this.attempt);
    const at = new Date(this.deps.clock.now() + delay).toISOString();
    this.set({ ...this.state, status: 'reconnecting', attempt: this.attempt, nextAttemptAt: at });
    this.retryTimer = clockTimeout(this.deps.clock, () => {
      this.retryTimer = null;
      void this.serial(() => this.dialOnce());
    }, delay);
  }

  private cancelRetry(): void {
    this.retryTimer?.clear();
    this.retryTimer = null;
  }

  private fail(e: unknown): void {
    const body = toErrorBody(e);
    if (this.deps.modem.current()) this.deps.modem.setLinkStatus('ready');
    this.set({ ...this.fresh('failed'), attempt: this.attempt, error: { code: body.code, message: body.message } });
  }

  private fresh(status: ConnectionStateDto['status']): ConnectionStateDto {
    return { status, since: new Date(this.deps.clock.now()).toISOString(), via: null, iface: null, localIp: null, error: null, attempt: 0, nextAttemptAt: null, phase: null };
  }

  private set(s: ConnectionStateDto): void {
    this.state = s;
    this.deps.bus.publish({ type: 'connection.state', state: s });
  }
}
