// The test's and the demo's handle on a running virtual modem (APP.md V-2..V-5): faults,
// radio state, incoming SMS, and a way to wait for what the modem did.
import type { ModemEvent, VirtualModem } from './modem';
import type { ServiceMode } from './radio/radio';
import { playScenario, type Scenario } from './scenario';
import type { StoredSms } from './sms/sms-store';

export class VirtualModemController {
  private readonly events: ModemEvent[] = [];

  constructor(readonly modem: VirtualModem) {
    modem.onEvent((e) => {
      this.events.push(e);
      if (this.events.length > 1000) this.events.shift();
    });
  }

  // ---- faults (V-5) ----
  /** The device vanishes: every open link closes with {kind:'unplugged'}; in pty mode the pty and its link go away. */
  unplug(): void {
    this.modem.unplug();
  }
  replug(): void {
    this.modem.replug();
  }
  silence(on = true): void {
    this.modem.faults.state.silent = on;
  }
  /** Holds every answer back ms milliseconds (0 = off). */
  slow(ms: number): void {
    this.modem.faults.state.slowMs = Math.max(0, ms);
  }
  errorReplies(on = true): void {
    this.modem.faults.state.errorReplies = on;
  }
  /** Sends n random non-AT bytes now on every open AT port. */
  garbage(n = 16): void {
    for (const p of this.modem.ports) if (p.role !== 'silent' && p.attached) p.send(this.modem.faults.garbage(n));
  }
  /** n random bytes before every answer from now on (0 = off). */
  noisyLine(n: number): void {
    this.modem.faults.state.garbagePerReply = Math.max(0, n);
  }
  /** Sends `line` (e.g. a ^DSFLOWRPT) between the echo and every answer, as transcript 09 shows; null = off. */
  urcInsideAnswers(line: string | null): void {
    this.modem.faults.state.urcInsideAnswers = line;
  }
  /** The network drops the data call: NO CARRIER, RADIUS Stop (Lost-Carrier). */
  dropCarrier(): boolean {
    return this.modem.dropCarrier();
  }
  loseSignal(): void {
    this.modem.radio.loseSignal();
  }
  restoreSignal(): void {
    this.modem.radio.restoreSignal();
  }

  // ---- radio and subscriber (V-2) ----
  setMode(mode: ServiceMode): void {
    this.modem.radio.setMode(mode);
  }
  setRoaming(on: boolean): void {
    this.modem.radio.setRoaming(on);
  }
  setSignal(dbm: number, hdrDbm = dbm): void {
    this.modem.radio.setSignal(dbm, hdrDbm);
  }

  // ---- SMS (V-4) ----
  deliverSms(from: string, text: string): StoredSms | null {
    return this.modem.deliverSms(from, text);
  }

  play(scenario: Scenario): { cancel(): void; done: Promise<void> } {
    return playScenario(this, scenario);
  }

  // ---- observing ----
  onEvent(fn: (e: ModemEvent) => void): () => void {
    return this.modem.onEvent(fn);
  }
  /** Events seen so far (bounded). */
  history(): readonly ModemEvent[] {
    return this.events;
  }
  /** Resolves with the first event (past or future) that matches; rejects after timeoutMs of real time. */
  waitFor<T extends ModemEvent['type']>(type: T, match: (e: Extract<ModemEvent, { type: T }>) => boolean = () => true, timeoutMs = 5000): Promise<Extract<ModemEvent, { type: T }>> {
    const hit = (e: ModemEvent): e is Extract<ModemEvent, { type: T }> => e.type === type && match(e as Extract<ModemEvent, { type: T }>);
    const seen = this.events.find(hit);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no ${type} event within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.modem.onEvent((e) => {
        if (!hit(e)) return;
        clearTimeout(timer);
        off();
        resolve(e);
      });
    });
  }
  /** Waits for the modem's own network work (RADIUS, HTTP to ASSA) to finish. */
  settle(): Promise<void> {
    return this.modem.settle();
  }
  close(): Promise<void> {
    return this.modem.close();
  }
}
