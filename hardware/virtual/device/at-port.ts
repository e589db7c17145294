// One serial port of the virtual modem, device side (APP.md V-1, V-3, V-5): assembles
// command lines from bytes, echoes (ATE), runs the commands through the profile's
// handlers, frames results (ATV, ATQ, +CMEE), runs the SMS "> " prompt, and in data mode
// swallows bytes until the +++ escape (guard time) or a hang-up. We cannot run real PPP
// here: after CONNECT the port carries bytes but answers none of them (documented gap).
import { parseCommandLine, type AtCommand } from './command-line';
import { QcdmFramer } from './qcdm';
import { CME_TEXT, frameFinal, frameInfo, frameUrc, type Reply } from './replies';
import type { SimTimer } from '../clock';
import type { VirtualModem } from '../modem';

export type PortRole = 'modem' | 'pcui' | 'diag' | 'silent';
export type PortMode = 'command' | 'prompt' | 'data' | 'online-command';

const CR = 0x0d;
const LF = 0x0a;
const BS = 0x08;
const CTRL_Z = 0x1a;
const ESC = 0x1b;
const MAX_LINE = 2048;
const MAX_QUEUED_LINES = 64;

export class AtPort {
  echo = true;
  verbose = true;
  quiet = false;
  cmee = 0;
  /** +CMGF: 0 PDU, 1 text. */
  cmgf = 1;
  /** +CSCS: 'IRA' / 'GSM' / 'UCS2' (3GPP text-mode SMS). */
  cscs = 'IRA';
  mode: PortMode = 'command';
  /** Huawei ^CURC: 1 = periodic reports (signal, mode, ^BOOT, ^DSFLOWRPT) on this port, 0 = off. */
  curc = 1;
  /**
   * Whether a host holds the port open right now (the pty runner asks Linux); null = always.
   * A report for a closed port is dropped, as a real stick's are: nothing piles up for the next open.
   */
  hostOpen: (() => Promise<boolean>) | null = null;
  /** Frame splitter when this is the diagnostics port. */
  readonly qcdm = new QcdmFramer();

  private line = '';
  private lastLine: string | null = null;
  private lastWasCr = false;
  private promptText: number[] = [];
  private promptSubmit: ((text: string) => Reply | Promise<Reply>) | null = null;
  private promptUnicode = false;
  private readonly queue: string[] = [];
  private busy = false;
  private sink: ((bytes: Buffer) => void) | null = null;
  // +++ escape detection (V.250 S2/S12: 1 s guard time before and after)
  private lastDataByteAt = 0;
  private plusCount = 0;
  private escapeTimer: SimTimer | null = null;

  constructor(
    readonly modem: VirtualModem,
    readonly name: string,
    readonly role: PortRole,
  ) {
    this.reset();
  }

  /** ATZ / AT&F: the stored profile (echo on, verbose, results on, CMEE 0). */
  reset(): void {
    this.echo = true;
    this.verbose = true;
    this.quiet = false;
    this.cmee = 0;
    this.cmgf = this.modem.profile.family === 'cdma' ? 1 : 0;
    this.cscs = 'IRA';
  }

  /** The host side opened the port: bytes now flow to `sink`. */
  attach(sink: (bytes: Buffer) => void): void {
    this.sink = sink;
  }

  /** The host side closed the port: a data call on it ends, as on a real stick (DTR drop). */
  detach(): void {
    this.sink = null;
    this.hostClosed();
  }

  /** The host closed its end (DTR drop): a call on this port ends silently, half-typed input is dropped. */
  hostClosed(): void {
    this.line = '';
    this.qcdm.reset();
    this.queue.length = 0;
    if (this.mode === 'data' || this.mode === 'online-command') this.modem.endSession('User-Request', { notify: false });
    this.mode = 'command';
  }

  get attached(): boolean {
    return this.sink !== null;
  }

  /** Raw bytes to the host, through the modem's fault filter. */
  send(text: string | Buffer): void {
    if (!this.sink || text.length === 0) return;
    const bytes = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
    this.modem.faults.deliver(this, bytes, (b) => this.sink?.(b));
  }

  /** An unsolicited line: only when the port is in command mode, never inside data; periodic ones only with ^CURC=1. */
  urc(line: string, periodic = false): void {
    if (this.mode === 'data' || this.mode === 'prompt') return;
    if (periodic && this.curc === 0) return;
    if (!this.hostOpen) return this.send(frameUrc(line, this));
    void this.hostOpen().then(
      (open) => {
        // the answer can come late: look again at what the host set meanwhile
        if (open && this.mode !== 'data' && this.mode !== 'prompt' && !(periodic && this.curc === 0)) this.send(frameUrc(line, this));
      },
      () => undefined,
    );
  }

  /** Bytes from the host. */
  input(chunk: Buffer): void {
    if (this.role === 'silent' || this.modem.faults.isSilent(this)) return;
    if (this.role === 'diag') {
      this.modem.faults.diagAnswer(this, chunk);
      return;
    }
    for (const byte of chunk) this.inputByte(byte);
  }

  private inputByte(byte: number): void {
    if (this.mode === 'data') return this.dataByte(byte);
    if (this.mode === 'prompt') return this.promptByte(byte);
    if (byte === LF && this.lastWasCr) {
      this.lastWasCr = false;
      return;
    }
    this.lastWasCr = byte === CR;
    if (this.echo && byte !== LF) this.send(Buffer.from([byte]));
    if (byte === 0x2f /* / */ && /^a$/i.test(this.line)) {
      // "A/" repeats the last command line at once, without CR (V.250 5.2.4)
      this.line = '';
      if (this.lastLine !== null) this.enqueue(this.lastLine);
      return;
    }
    if (byte === CR || byte === LF) {
      const line = this.line;
      this.line = '';
      if (line.trim() !== '') this.enqueue(line);
      return;
    }
    if (byte === BS) {
      this.line = this.line.slice(0, -1);
      return;
    }
    if (this.line.length < MAX_LINE) this.line += String.fromCharCode(byte);
  }

  private enqueue(line: string): void {
    if (this.queue.length >= MAX_QUEUED_LINES) return; // a flooding host loses lines, as a real UART buffer would
    this.queue.push(line);
    if (!this.busy) void this.drain();
  }

  private async drain(): Promise<void> {
    this.busy = true;
    try {
      while (this.queue.length > 0 && this.mode !== 'data' && this.mode !== 'prompt') {
        const line = this.queue.shift()!;
        await this.runLine(line);
      }
    } finally {
      this.busy = false;
    }
  }

  private async runLine(raw: string): Promise<void> {
    // V.250 5.2.1: a line is taken only when it starts with "AT" (either case); "A/" repeats
    const text = raw.replace(/^[^Aa]*/, '');
    if (!/^at/i.test(text)) return;
    this.lastLine = text;
    const inside = this.modem.faults.state.urcInsideAnswers;
    if (inside) this.send(frameUrc(inside, this));
    if (this.modem.faults.state.errorReplies) {
      this.final({ kind: 'error' });
      return;
    }
    const parsed = parseCommandLine(text.slice(2));
    if (!parsed.ok) {
      this.final({ kind: 'error' });
      return;
    }
    for (const cmd of parsed.commands) {
      const reply = await this.run(cmd);
      if (reply.kind === 'prompt') {
        this.send('\r\n> ');
        this.mode = 'prompt';
        this.promptText = [];
        this.promptSubmit = reply.submit;
        this.promptUnicode = reply.unicode === true;
        return;
      }
      if (reply.kind === 'ok') {
        if (reply.lines?.length) this.send(frameInfo(reply.lines, this));
        continue;
      }
      this.final(reply);
      return;
    }
    this.final({ kind: 'ok' });
  }

  private async run(cmd: AtCommand): Promise<Reply> {
    const handler = this.modem.profile.handlers[cmd.name];
    if (!handler) return { kind: 'unknown' };
    try {
      return await handler({ modem: this.modem, port: this, cmd });
    } catch {
      return { kind: 'error' };
    }
  }

  /** Frames and sends a final result; CONNECT switches to data mode. */
  final(reply: Reply): void {
    const p = this.modem.profile;
    switch (reply.kind) {
      case 'ok':
        if (reply.lines?.length) this.send(frameInfo(reply.lines, this));
        this.send(frameFinal('OK', this));
        return;
      case 'error':
        this.send(frameFinal('ERROR', this));
        return;
      case 'unknown':
        this.send(frameFinal(p.unknownCommand, this));
        return;
      case 'cme': {
        if (this.cmee === 0) return this.send(frameFinal('ERROR', this));
        const sep = p.errorSpace ? ' ' : '';
        const body = this.cmee === 1 ? String(reply.code) : (CME_TEXT[reply.code] ?? 'unknown');
        this.send(frameFinal(`+CME ERROR:${sep}${body}`, this));
        return;
      }
      case 'cms':
        this.send(frameFinal(`+CMS ERROR:${p.errorSpace ? ' ' : ''}${reply.code}`, this));
        return;
      case 'final':
        if (reply.lines?.length) this.send(frameInfo(reply.lines, this));
        this.send(frameFinal(reply.text, this));
        return;
      case 'connect':
        this.send(frameFinal(reply.speed ? `CONNECT ${reply.speed}` : 'CONNECT', this));
        this.mode = 'data';
        this.lastDataByteAt = this.modem.clock.now();
        this.plusCount = 0;
        return;
      case 'prompt':
        return;
    }
  }

  private promptByte(byte: number): void {
    if (this.promptUnicode) return this.promptUnicodeByte(byte);
    if (byte === ESC) {
      this.mode = 'command';
      this.promptSubmit = null;
      this.send(frameFinal('OK', this));
      return;
    }
    if (byte === CTRL_Z) this.submitPrompt(Buffer.from(this.promptText).toString('utf8'));
    else {
      if (this.echo) this.send(Buffer.from([byte]));
      if (byte === BS) this.promptText.pop();
      else if (this.promptText.length < 4096) this.promptText.push(byte);
    }
  }

  /** Unicode entry (^HSMSSS format 6): UCS-2 big-endian pairs, ended by 0x001A, cancelled by 0x001B. */
  private promptUnicodeByte(byte: number): void {
    this.promptText.push(byte);
    if (this.promptText.length % 2 !== 0) return;
    const hi = this.promptText[this.promptText.length - 2];
    const lo = this.promptText[this.promptText.length - 1];
    if (hi === 0 && (lo === CTRL_Z || lo === ESC)) {
      const body = Buffer.from(this.promptText.slice(0, -2));
      if (lo === ESC) {
        this.mode = 'command';
        this.promptSubmit = null;
        this.send(frameFinal('OK', this));
        return;
      }
      this.submitPrompt(body.swap16().toString('utf16le'));
    }
  }

  private submitPrompt(text: string): void {
    const submit = this.promptSubmit;
    this.mode = 'command';
    this.promptSubmit = null;
    if (!submit) return;
    this.busy = true;
    void Promise.resolve()
      .then(() => submit(text))
      .catch((): Reply => ({ kind: 'cms', code: 500 }))
      .then((reply) => {
        this.final(reply);
        this.busy = false;
        if (this.queue.length) void this.drain();
      });
  }

  private dataByte(byte: number): void {
    const now = this.modem.clock.now();
    const guard = 1000;
    if (byte === 0x2b /* + */ && (this.plusCount > 0 || now - this.lastDataByteAt >= guard)) {
      this.plusCount++;
      this.lastDataByteAt = now;
      this.escapeTimer?.cancel();
      if (this.plusCount === 3) {
        this.escapeTimer = this.modem.clock.setTimeout(() => {
          this.plusCount = 0;
          if (this.mode !== 'data') return;
          this.mode = 'online-command';
          this.send(frameFinal('OK', this));
        }, guard);
      }
      return;
    }
    this.plusCount = 0;
    this.escapeTimer?.cancel();
    this.escapeTimer = null;
    this.lastDataByteAt = now;
    this.modem.countDataBytes(byte);
  }

  /** The network ended the call (carrier drop): NO CARRIER, back to command mode. */
  carrierLost(): void {
    const wasData = this.mode === 'data' || this.mode === 'online-command';
    this.mode = 'command';
    this.escapeTimer?.cancel();
    if (wasData) this.send(frameFinal('NO CARRIER', this));
    if (this.queue.length && !this.busy) void this.drain();
  }

  /** ATO: back into data mode from online-command mode. */
  resumeData(): Reply {
    if (this.mode !== 'online-command') return { kind: 'final', text: 'NO CARRIER' };
    return { kind: 'connect', speed: null };
  }
}
