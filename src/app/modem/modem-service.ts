// M-PORT-3, M-ID-1, M-NUM-1, M-SIG-1: the modem's life in the app. A state machine —
// no-modem → probing → ready (→ connecting → connected → disconnecting, driven by the
// connection service) — fed by the platform's watcher; identity, number, signal and
// network kept current from unsolicited reports and a slow poll; every change published.
import { existsSync } from 'node:fs';
import type { AtChannel, AtResponse, TranscriptEntry } from '../../../hardware/at/at-channel-types';
import type { ModemProfile, SignalReport, SmsMessage } from '../../../hardware/modems/modem-types';
import type { ModemState, ModemStatus } from '../../shared/app-contract';
import type { ModemDetailsDto } from '../../shared/app-methods-modem';
import { CodedError, toErrorBody } from '../../shared/errors';
import { normaliseNumber } from '../../shared/phone-number';
import type { Clock } from '../clock';
import type { EventBus } from '../event-bus';
import type { FoundModem, ModemPlatform } from './modem-platform';

export interface ReadyModem {
  found: FoundModem;
  channel: AtChannel;
  profile: ModemProfile;
}

export interface ModemServiceDeps {
  platform: ModemPlatform;
  bus: EventBus;
  clock: Clock;
  /** Signal/network poll when the modem sends no reports (ms). */
  pollMs?: number;
}

const NO_MODEM: ModemState = { status: 'no-modem', virtual: false, port: null, manufacturer: null, model: null, number: null, error: null };
const SMS_URCS = ['+CMTI', '^HCMTI'];
/** How often a wanted but absent port is looked for (M-PORT-3: noticed within about a second, like the watcher). */
const REFIND_MS = 1000;

export class ModemService {
  private state: ModemState = NO_MODEM;
  private details: ModemDetailsDto | null = null;
  private ready: ReadyModem | null = null;
  private generation = 0;
  private stopWatch: (() => void) | null = null;
  private cleanups: Array<() => void> = [];
  private pollTimer: { clear(): void } | null = null;
  private refreshQueued = false;
  /** The generation whose diagnostics port gave no Ec/Io: not asked again (like a refused AT command). */
  private diagEcioRefused = -1;
  private readonly readyListeners = new Set<(m: ReadyModem | null) => void>();
  private readonly smsListeners = new Set<(sms: SmsMessage) => void>();
  private userNumber: string | null = null;
  /** What the platform last decided on; the modem service keeps trying it while it is absent (a pinned port, M-PORT-3). */
  private wanted: FoundModem | null = null;
  private refindTimer: { clear(): void } | null = null;

  constructor(private readonly deps: ModemServiceDeps) {}

  start(): void {
    this.stopWatch = this.deps.platform.watch((found) => {
      this.wanted = found;
      void this.onFound(found);
    });
    // M-PORT-3: a pinned port (Settings → Modem port) stays the platform's decision while the
    // stick is out, so no new decision ever comes when it returns: look for it every second.
    this.refindTimer = this.deps.clock.setInterval(() => this.refind(), REFIND_MS);
  }

  async stop(): Promise<void> {
    this.stopWatch?.();
    this.stopWatch = null;
    this.refindTimer?.clear();
    this.refindTimer = null;
    this.wanted = null;
    await this.release(null);
  }

  getState(): ModemState {
    return this.state;
  }
  getDetails(): ModemDetailsDto | null {
    return this.details;
  }
  current(): ReadyModem | null {
    return this.ready;
  }

  /** Called with the ready modem on each (re)appearance and with null when it goes. */
  onReady(listener: (m: ReadyModem | null) => void): () => void {
    this.readyListeners.add(listener);
    return () => this.readyListeners.delete(listener);
  }
  onSms(listener: (sms: SmsMessage) => void): () => void {
    this.smsListeners.add(listener);
    return () => this.smsListeners.delete(listener);
  }

  /** The connection service moves the state through its own phases. */
  setLinkStatus(status: Extract<ModemStatus, 'ready' | 'connecting' | 'connected' | 'disconnecting'>): void {
    if (!this.ready) return;
    this.update({ status });
  }

  /** M-NUM-1 fallbacks: ASSA's whoami, then the user. */
  setNumber(number: string, source: 'assa' | 'user'): string {
    const n = normaliseNumber(number);
    if (!n.ok) throw new CodedError('invalid_number', 'That is not a phone number this app can use.', { field: 'number' });
    if (source === 'user') this.userNumber = n.number;
    this.update({ number: n.number });
    if (this.details) this.setDetails({ ...this.details, numberSource: source });
    return n.number;
  }

  async rescan(): Promise<void> {
    await this.deps.platform.rescan();
    // modem.rescan also retries a wanted port the platform still names but that is not open.
    if (!this.ready && this.wanted && this.state.status !== 'probing') await this.onFound(this.wanted);
  }

  /** The wanted modem is not open (unplugged, or it failed while re-appearing): try it again once its port is back. */
  private refind(): void {
    const w = this.wanted;
    if (!w || this.ready || this.opening) return;
    if (w.controlPort.startsWith('/') && !existsSync(w.controlPort)) return; // still out: nothing to try
    void this.onFound(w);
  }

  /** M-AT-1: a technician's command. */
  async sendAt(command: string, timeoutMs?: number): Promise<AtResponse> {
    const m = this.requireReady();
    return m.channel.send(command, timeoutMs === undefined ? {} : { timeoutMs });
  }

  transcript(): readonly TranscriptEntry[] {
    return this.ready?.channel.transcript() ?? [];
  }

  requireReady(): ReadyModem {
    if (!this.ready) throw new CodedError('no_modem', 'No modem is connected.');
    return this.ready;
  }

  private opening = false;

  private async onFound(found: FoundModem | null): Promise<void> {
    const same = found && this.ready && this.ready.found.controlPort === found.controlPort;
    if (same) return;
    const gen = ++this.generation;
    this.opening = found !== null;
    await this.release(null);
    if (!found) return;
    this.state = { ...NO_MODEM, status: 'probing', virtual: found.virtual, port: found.controlPort };
    this.publishState();
    try {
      const channel = await this.openWithRetry(found.controlPort, gen);
      if (gen !== this.generation) return void channel.close();
      const profile = await this.deps.platform.pickProfile(channel);
      const identity = await profile.identity(channel);
      const modemNumber = await profile.number(channel).catch(() => null);
      if (gen !== this.generation) return void channel.close();
      this.ready = { found, channel, profile };
      this.watchChannel(this.ready, gen);
      const number = modemNumber ?? this.userNumber;
      this.setDetails({
        identity,
        profile: profile.id,
        dataPort: found.dataPort,
        signal: null,
        network: null,
        numberSource: modemNumber ? 'modem' : number ? 'user' : null,
        updatedAt: new Date(this.deps.clock.now()).toISOString(),
      });
      // "Ready" is announced with the signal and network already read.
      await this.refreshRadio();
      if (gen !== this.generation || !this.ready) return;
      this.update({ status: 'ready', manufacturer: identity.manufacturer, model: identity.model, number, error: null });
      for (const l of [...this.readyListeners]) l(this.ready);
    } catch (e) {
      if (gen !== this.generation) return;
      await this.release(e);
    } finally {
      if (gen === this.generation) this.opening = false;
    }
  }

  /** A freshly plugged stick's ports settle for a moment (ModemManager waits ~2 s): retry opening briefly. */
  private async openWithRetry(port: string, gen: number, attempts = 4): Promise<AtChannel> {
    for (let i = 1; ; i++) {
      try {
        return await this.deps.platform.openChannel(port);
      } catch (e) {
        const code = (e as { code?: string }).code ?? '';
        if (i >= attempts || gen !== this.generation || !['port_not_found', 'port_busy', 'at_timeout'].includes(code)) throw e;
        await new Promise((r) => setTimeout(r, 700));
      }
    }
  }

  private watchChannel(m: ReadyModem, gen: number): void {
    const { channel, profile } = m;
    for (const prefix of profile.signalUrcPrefixes) {
      this.cleanups.push(channel.onUnsolicited(prefix, () => this.queueRefresh()));
    }
    for (const prefix of SMS_URCS) this.cleanups.push(channel.onUnsolicited(prefix, () => void this.readNewSms()));
    // M-AT-1: the technician's terminal sees every line both ways as it happens.
    if (channel.onTranscript) this.cleanups.push(channel.onTranscript((line) => this.deps.bus.publish({ type: 'at.line', line })));
    this.cleanups.push(
      channel.onModeChange((mode) => {
        if (mode === 'closed' && gen === this.generation) {
          // M-PORT-3: the stick went away under us; back to "no modem" until it returns.
          void this.release(new CodedError('modem_unplugged', 'The modem was unplugged.'), gen);
        }
      }),
    );
    this.pollTimer = this.deps.clock.setInterval(() => this.queueRefresh(), this.deps.pollMs ?? 10_000);
  }

  private queueRefresh(): void {
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    void this.refreshRadio().finally(() => {
      this.refreshQueued = false;
    });
  }

  private async refreshRadio(): Promise<void> {
    const m = this.ready;
    if (!m || m.channel.mode !== 'command' || !this.details) return;
    try {
      const signal = await this.withDiagEcio(m, await m.profile.signal(m.channel));
      const network = await m.profile.network(m.channel);
      if (this.ready !== m || !this.details) return;
      this.setDetails({ ...this.details, signal, network, updatedAt: new Date(this.deps.clock.now()).toISOString() });
    } catch {
      // A poll that fails (a command in data mode, a slow modem) is retried at the next tick.
    }
  }

  /** A 1x signal without Ec/Io from AT: ask the diagnostics port, once per modem if it has none. */
  private async withDiagEcio(m: ReadyModem, signal: SignalReport): Promise<SignalReport> {
    const oneX = signal.cdma1x;
    const read = this.deps.platform.readDiagEcio;
    // Not before "ready": a silent diagnostics port must not delay it (M-PORT-2); the first poll asks.
    if (!oneX || oneX.ecioDb !== null || !read || this.state.status !== 'ready' || this.diagEcioRefused === this.generation) return signal;
    const gen = this.generation;
    const ecioDb = await read.call(this.deps.platform, m.found).catch(() => null);
    if (ecioDb === null) {
      this.diagEcioRefused = gen;
      return signal;
    }
    return { ...signal, cdma1x: { ...oneX, ecioDb } };
  }

  private async readNewSms(): Promise<void> {
    const m = this.ready;
    if (!m) return;
    try {
      const all = await m.profile.readSms(m.channel);
      for (const sms of all.filter((s) => !s.read)) {
        for (const l of [...this.smsListeners]) l(sms);
        this.deps.bus.publish({ type: 'sms.received', sms });
      }
    } catch {
      // The inbox is read again on the next report or by the user.
    }
  }

  private async release(error: unknown, onlyGen?: number): Promise<void> {
    if (onlyGen !== undefined && onlyGen !== this.generation) return;
    const had = this.ready;
    this.ready = null;
    this.pollTimer?.clear();
    this.pollTimer = null;
    for (const c of this.cleanups.splice(0)) c();
    if (had) {
      for (const l of [...this.readyListeners]) l(null);
      await had.channel.close().catch(() => undefined);
    }
    this.details = null;
    this.deps.bus.publish({ type: 'modem.details', details: null });
    const err = error ? toErrorBody(error) : null;
    this.state = err && err.code !== 'modem_unplugged' ? { ...NO_MODEM, status: 'error', port: this.state.port, virtual: this.state.virtual, error: { code: err.code, message: err.message } } : NO_MODEM;
    this.publishState();
  }

  private update(patch: Partial<ModemState>): void {
    this.state = { ...this.state, ...patch };
    this.publishState();
  }

  private setDetails(d: ModemDetailsDto): void {
    this.details = d;
    this.deps.bus.publish({ type: 'modem.details', details: d });
  }

  private publishState(): void {
    this.deps.bus.publish({ type: 'modem.state', state: this.state });
  }
}
