// The virtual modem as a whole (APP.md V-1..V-5): one profile, one subscriber, one radio,
// one message store, at most one data session, and its ports (AT ports, a diagnostics
// port, a silent port). Its network side: an address from 127.10.0.0/16 per session,
// RADIUS accounting to ASSA, 2772 traffic to ASSA over HTTP with replies back as SMS.
import { CodedError } from '../../src/shared/errors';
import type { AnyNetworkEvent, NetworkEvent, NetworkReply } from '../../src/shared/network-contract';
import { every, realClock, type SimClock, type SimTimer } from './clock';
import { AtPort, type PortRole } from './device/at-port';
import type { Reply } from './device/replies';
import { Faults } from './faults';
import { AddressPool } from './network/address-pool';
import { RadiusAccountingClient, type AccountingRecord, type AccountingResult, type RadiusTarget } from './network/radius-accounting';
import { postNetworkEvent, SHORT_NUMBER, type ShortNumberTarget } from './network/short-number';
import { profileById, type DeviceProfile, type ProfileId } from './profiles';
import { Radio } from './radio/radio';
import { makeSubscriber, type Subscriber } from './radio/subscriber';
import { seededRng, type Rng } from './rng';
import { SmsStore, type StoredSms } from './sms/sms-store';

export interface DataRates {
  /** Modem upload, bytes per second. */
  upBytesPerSec: number;
  /** Modem download, bytes per second. */
  downBytesPerSec: number;
}

export interface VirtualModemOptions {
  profile?: ProfileId | DeviceProfile;
  /** Subscriber number (MDN), 9-digit national form; default 441234567. */
  number?: string;
  subscriber?: Partial<Subscriber>;
  clock?: SimClock;
  /** Seed of the radio walk and garbage bytes (ignored when rng is given). */
  seed?: number;
  rng?: Rng;
  /** Radio random-walk period; 0 = still signal. Default 5000. */
  radioStepMs?: number;
  modeChangeChance?: number;
  /** ^BOOT heartbeat period on profiles that have it; 0 = off. Default 0. */
  bootIntervalMs?: number;
  /** ^DSFLOWRPT period during a data session. Default 2000 (every 2 s, transcript 08). */
  flowIntervalMs?: number;
  dataRates?: DataRates;
  /** ASSA's network endpoint for 2772 traffic; null = 2772 gets no reply. */
  assa?: ShortNumberTarget | null;
  /** RADIUS accounting server; null = no accounting. */
  radius?: (RadiusTarget & { timeoutMs?: number; attempts?: number }) | null;
  /** Interim-Update period. Default 60000. */
  interimMs?: number;
  /**
   * How long every answer takes to reach the host (a real stick: a few ms of USB polling and
   * firmware). Default 4 ms on the real clock, 0 on an injected clock (tests that step time).
   */
  replyDelayMs?: number;
}

/** The default answer latency on the real clock (ms). */
export const DEFAULT_REPLY_DELAY_MS = 4;

export interface DataSession {
  id: string;
  ip: string;
  startedAt: number;
  port: AtPort;
  /** Bytes the host wrote into the data port (counted on top of the simulated flow). */
  extraUp: number;
}

export interface SessionCounters {
  seconds: number;
  txBytes: number;
  rxBytes: number;
  txRate: number;
  rxRate: number;
}

export type ModemEvent =
  | { type: 'session-start'; sessionId: string; ip: string }
  | { type: 'session-stop'; sessionId: string; ip: string; cause: AccountingRecord['terminateCause']; counters: SessionCounters }
  | { type: 'radius'; status: AccountingRecord['status']; sessionId: string; result: AccountingResult }
  | { type: 'network-event'; event: AnyNetworkEvent; reply: NetworkReply | null; error?: string }
  | { type: 'sms-received'; sms: StoredSms }
  | { type: 'sms-sent'; to: string; text: string }
  | { type: 'unplug' }
  | { type: 'replug' };

export class VirtualModem {
  readonly profile: DeviceProfile;
  readonly subscriber: Subscriber;
  readonly clock: SimClock;
  readonly rng: Rng;
  readonly radio: Radio;
  readonly sms = new SmsStore();
  readonly faults: Faults;
  readonly ports: AtPort[] = [];
  readonly pool = new AddressPool();
  session: DataSession | null = null;
  /** Totals since the last ^DSFLOWCLR (for ^DSFLOWQRY). */
  totals = { seconds: 0, txBytes: 0, rxBytes: 0 };
  lastSession: SessionCounters | null = null;
  unplugged = false;

  private readonly listeners = new Set<(e: ModemEvent) => void>();
  private readonly timers: SimTimer[] = [];
  private sessionTimers: SimTimer[] = [];
  private readonly radiusClient: RadiusAccountingClient | null;
  private readonly pendingWork = new Set<Promise<unknown>>();
  private sessionSeq = 0;
  private mr = 0;

  constructor(readonly opts: VirtualModemOptions = {}) {
    this.profile = typeof opts.profile === 'object' ? opts.profile : profileById(opts.profile ?? 'huawei-ec');
    this.subscriber = makeSubscriber(opts.number, opts.subscriber);
    this.clock = opts.clock ?? realClock;
    this.rng = opts.rng ?? seededRng(opts.seed ?? 1);
    this.faults = new Faults(this.clock, this.rng, opts.replyDelayMs ?? (this.clock === realClock ? DEFAULT_REPLY_DELAY_MS : 0));
    this.radio = new Radio({ clock: this.clock, rng: this.rng, family: this.profile.family, stepMs: opts.radioStepMs ?? 5000, modeChangeChance: opts.modeChangeChance ?? 0 });
    this.radio.onChange((what) => {
      // the call drops first (NO CARRIER), then the port, back in command mode, gets the reports
      if (!this.radio.inService && this.session) this.endSession('Lost-Service');
      const lines = what === 'signal' ? this.profile.urc.signal(this) : this.profile.urc.mode(this);
      for (const l of lines) this.broadcastUrc(l, { periodic: true });
    });
    this.sms.onAdd((m) => {
      if (m.status !== 'unread') return;
      this.broadcastUrc(this.profile.urc.newSms(this, m.index));
      this.emit({ type: 'sms-received', sms: m });
    });
    const boot = opts.bootIntervalMs ?? 0;
    if (boot > 0 && this.profile.urc.boot) this.timers.push(every(this.clock, boot, () => this.broadcastUrc(this.profile.urc.boot!(this), { periodic: true })));
    this.radiusClient = opts.radius ? new RadiusAccountingClient({ target: opts.radius, timeoutMs: opts.radius.timeoutMs, attempts: opts.radius.attempts }) : null;
  }

  addPort(name: string, role: PortRole): AtPort {
    const port = new AtPort(this, name, role);
    this.ports.push(port);
    return port;
  }

  onEvent(fn: (e: ModemEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  emit(e: ModemEvent): void {
    for (const fn of [...this.listeners]) fn(e);
  }

  /**
   * URCs go to the port that carries them (PCUI when there is one, else the modem port).
   * Periodic status reports (signal, mode, ^BOOT, ^DSFLOWRPT) are the ones Huawei's ^CURC=0
   * switches off on a port; event reports (new SMS, call end) always come.
   */
  broadcastUrc(line: string, o: { periodic?: boolean } = {}): void {
    const pcui = this.ports.filter((p) => p.role === 'pcui');
    const targets = pcui.length ? pcui : this.ports.filter((p) => p.role === 'modem');
    for (const p of targets) p.urc(line, o.periodic === true);
  }

  /** Work the modem started on its own (RADIUS, HTTP); tests await it with settle(). */
  track<T>(p: Promise<T>): Promise<T> {
    this.pendingWork.add(p);
    void p.finally(() => this.pendingWork.delete(p)).catch(() => undefined);
    return p;
  }

  async settle(): Promise<void> {
    while (this.pendingWork.size) await Promise.allSettled([...this.pendingWork]);
  }

  // ---- data sessions (V-3, A-NET-1) ----

  /** ATD#777 / ATD*99#: CONNECT when in service, else NO CARRIER. */
  dialData(port: AtPort): Reply {
    if (this.session) return { kind: 'final', text: 'BUSY' };
    if (!this.radio.inService) return { kind: 'final', text: 'NO CARRIER' };
    const id = `${this.subscriber.number}-${this.clock.now().toString(16)}-${++this.sessionSeq}`;
    const ip = this.pool.allocate();
    this.session = { id, ip, startedAt: this.clock.now(), port, extraUp: 0 };
    this.emit({ type: 'session-start', sessionId: id, ip });
    this.account('Start');
    const flowMs = this.opts.flowIntervalMs ?? 2000;
    if (flowMs > 0) {
      this.sessionTimers.push(
        every(this.clock, flowMs, () => {
          const line = this.profile.urc.flow?.(this);
          if (line) this.broadcastUrc(line, { periodic: true });
        }),
      );
    }
    const interim = this.opts.interimMs ?? 60_000;
    if (interim > 0) this.sessionTimers.push(every(this.clock, interim, () => this.account('Interim-Update')));
    return { kind: 'connect', speed: this.profile.connectSpeed };
  }

  countDataBytes(_byte: number): void {
    if (this.session) this.session.extraUp++;
  }

  counters(): SessionCounters {
    const s = this.session;
    const rates = this.opts.dataRates ?? { upBytesPerSec: 1500, downBytesPerSec: 12000 };
    if (!s) return { seconds: 0, txBytes: 0, rxBytes: 0, txRate: 0, rxRate: 0 };
    const ms = this.clock.now() - s.startedAt;
    return {
      seconds: Math.floor(ms / 1000),
      txBytes: Math.floor((rates.upBytesPerSec * ms) / 1000) + s.extraUp,
      rxBytes: Math.floor((rates.downBytesPerSec * ms) / 1000),
      txRate: rates.upBytesPerSec,
      rxRate: rates.downBytesPerSec,
    };
  }

  /** Ends the data session: RADIUS Stop, address back to the pool, NO CARRIER on the port unless the host closed it. */
  endSession(cause: NonNullable<AccountingRecord['terminateCause']>, o: { notify?: boolean } = {}): boolean {
    const s = this.session;
    if (!s) return false;
    const counters = this.counters();
    this.account('Stop', cause);
    for (const t of this.sessionTimers) t.cancel();
    this.sessionTimers = [];
    this.session = null;
    this.pool.release(s.ip);
    this.lastSession = counters;
    this.totals = { seconds: this.totals.seconds + counters.seconds, txBytes: this.totals.txBytes + counters.txBytes, rxBytes: this.totals.rxBytes + counters.rxBytes };
    this.emit({ type: 'session-stop', sessionId: s.id, ip: s.ip, cause, counters });
    if (o.notify !== false) s.port.carrierLost();
    return true;
  }

  private account(status: AccountingRecord['status'], cause?: AccountingRecord['terminateCause']): void {
    const s = this.session;
    if (!s || !this.radiusClient) return;
    const c = this.counters();
    const record: AccountingRecord = {
      status,
      sessionId: s.id,
      number: this.subscriber.number,
      ip: s.ip,
      sessionTime: c.seconds,
      inputOctets: c.txBytes,
      outputOctets: c.rxBytes,
      eventTime: new Date(this.clock.now()),
      ...(cause ? { terminateCause: cause } : {}),
    };
    const sessionId = s.id;
    void this.track(this.radiusClient.send(record).then((result) => this.emit({ type: 'radius', status, sessionId, result })));
  }

  // ---- SMS and 2772 (V-4, A-NET-2) ----

  /** An incoming SMS: stored unread, +CMTI raised. Null when memory is full. */
  deliverSms(from: string, text: string): StoredSms | null {
    return this.sms.add({ status: 'unread', peer: from, text, at: this.clock.now() });
  }

  /** A subscriber's SMS leaves the modem; returns the message reference. */
  submitSms(to: string, text: string): number {
    const mr = (this.mr = (this.mr + 1) % 256);
    this.emit({ type: 'sms-sent', to, text });
    const digits = to.replace(/^\+/, '');
    if (digits === SHORT_NUMBER) this.toShortNumber({ type: 'sms', number: this.subscriber.number, to: '2772', text, at: new Date(this.clock.now()).toISOString() });
    else if (digits === this.subscriber.number || digits.endsWith(this.subscriber.number)) this.clock.setTimeout(() => this.deliverSms(this.subscriber.number, text), 100); // to self: back through the network
    return mr;
  }

  /** A dialled code to 2772 (A-RUNA-1): the outcome comes back as an SMS from 2772. */
  dialShortNumber(digits: string): Promise<NetworkReply | null> {
    return this.toShortNumber({ type: 'dial', number: this.subscriber.number, digits, at: new Date(this.clock.now()).toISOString() });
  }

  private toShortNumber(event: NetworkEvent): Promise<NetworkReply | null> {
    const target = this.opts.assa;
    if (!target) {
      this.emit({ type: 'network-event', event, reply: null, error: 'no ASSA endpoint configured' });
      return Promise.resolve(null);
    }
    return this.track(
      postNetworkEvent(target, event).then(
        (reply) => {
          this.emit({ type: 'network-event', event, reply });
          if (!this.unplugged) this.deliverSms(SHORT_NUMBER, reply.text);
          return reply;
        },
        (e: unknown) => {
          this.emit({ type: 'network-event', event, reply: null, error: e instanceof CodedError ? e.code : String(e) });
          return null;
        },
      ),
    );
  }

  // ---- faults that act on the whole device (V-5) ----

  /** The network drops the call (NO CARRIER on the data port). */
  dropCarrier(): boolean {
    return this.endSession('Lost-Carrier');
  }

  unplug(): void {
    if (this.unplugged) return;
    this.unplugged = true;
    if (this.session) this.endSession('Port-Error', { notify: false });
    for (const p of this.ports) p.detach();
    this.emit({ type: 'unplug' });
  }

  replug(): void {
    if (!this.unplugged) return;
    this.unplugged = false;
    for (const p of this.ports) {
      p.reset();
      p.mode = 'command';
    }
    this.emit({ type: 'replug' });
  }

  nextMessageReference(): number {
    this.mr = (this.mr + 1) % 256;
    return this.mr;
  }

  async close(): Promise<void> {
    if (this.session) this.endSession('User-Request', { notify: false });
    for (const t of this.timers) t.cancel();
    this.radio.stop();
    await this.settle();
    this.radiusClient?.close();
  }
}
