// Faults on demand (APP.md V-5): unplug, silence, garbage bytes, slow answers, ERROR
// replies, carrier drop, signal loss. Set from code (the controller), from a JSON
// scenario file, or from `assa sim` flags. Byte-level faults live here; unplug, carrier
// drop and signal loss act on the modem, the radio and the transports.
import type { SimClock } from './clock';
import type { AtPort } from './device/at-port';
import { qcdmAnswer } from './device/qcdm';
import { randInt, type Rng } from './rng';

export interface FaultState {
  /** The device stops answering on every port (it still takes bytes). */
  silent: boolean;
  /** Every answer is held back this long. */
  slowMs: number;
  /** Every command line is answered ERROR. */
  errorReplies: boolean;
  /** This many random bytes precede every answer (a noisy line). */
  garbagePerReply: number;
  /** An unsolicited line sent after the echo and before every answer, as in transcript 09. */
  urcInsideAnswers: string | null;
}

export class Faults {
  readonly state: FaultState = { silent: false, slowMs: 0, errorReplies: false, garbagePerReply: 0, urcInsideAnswers: null };

  constructor(
    private readonly clock: SimClock,
    private readonly rng: Rng,
    /** The device's own answer latency (USB polling, firmware): every byte to the host waits this long. */
    readonly latencyMs = 0,
  ) {}

  isSilent(_port: AtPort): boolean {
    return this.state.silent;
  }

  /** Random bytes that are not AT text (never CR/LF, so a parser sees them inside a line). */
  garbage(n: number): Buffer {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) {
      let b = randInt(this.rng, 0x80, 0xff);
      if (i % 3 === 0) b = randInt(this.rng, 0x01, 0x1f);
      if (b === 0x0d || b === 0x0a) b = 0x7f;
      out[i] = b;
    }
    return out;
  }

  /** Sends bytes to the host, applying silence, garbage and slowness. */
  deliver(_port: AtPort, bytes: Buffer, write: (b: Buffer) => void): void {
    if (this.state.silent) return;
    const payload = this.state.garbagePerReply > 0 ? Buffer.concat([this.garbage(this.state.garbagePerReply), bytes]) : bytes;
    const wait = this.state.slowMs + this.latencyMs;
    if (wait > 0) this.clock.setTimeout(() => write(payload), wait);
    else write(payload);
  }

  /** The diagnostics port: QCDM frames (device/qcdm.ts), never AT. */
  diagAnswer(port: AtPort, chunk: Buffer): void {
    if (this.state.silent || chunk.length === 0) return;
    const m = port.modem;
    for (const frame of port.qcdm.push(chunk)) {
      const s = m.radio.state;
      const answer = qcdmAnswer(frame, { subscriber: m.subscriber, model: m.profile.diagModel ?? 'EC121', mode: m.radio.inService ? s.mode : 'none', roaming: s.roaming, rssiDbm: s.rssiDbm, inCall: m.session !== null });
      if (answer) port.send(answer);
    }
  }
}
