// M-AT-1: the AT channel over one SerialLink. One command in flight, each with its own
// time budget and an optional AbortSignal; echo and blank lines dropped; URCs routed by
// prefix even inside an answer; CONNECT puts the port in data mode until NO CARRIER; an
// unplug fails the command in flight with at_unplugged. After a timeout or a cancel the
// modem may still answer late, so the next command first re-synchronises (see resync).
import { CodedError } from '../../src/shared/errors';
import type { SerialCloseReason, SerialLink } from '../serial/serial-link';
import type { AtChannel, AtChannelMode, AtFailureCode, AtResponse, AtSendOptions, FinalResult, TranscriptEntry, UnsolicitedReport } from './at-channel-types';
import { parseFinalResult } from './final-result';
import { TranscriptRedactor, type Redaction } from './transcript-redaction';
import { LineFramer } from './line-framer';
import { TranscriptRing } from './transcript-ring';
import { commandPrefix, urcPrefixOf } from './urc-prefixes';

export interface AtChannelOptions {
  defaultTimeoutMs?: number;
  transcriptLimit?: number;
  now?: () => number;
  /** Commands sent once at open so answers have a known shape (verbose codes, errors as numbers). */
  init?: string[];
}

interface Pending {
  command: string;
  ownPrefix: string | null;
  lines: string[];
  payload: string | Uint8Array | null;
  resolve(r: AtResponse): void;
  reject(e: unknown): void;
}

const fail = (code: AtFailureCode, message: string) => new CodedError(code, message);
const NO_CARRIER = /(?:^|[\r\n])NO CARRIER\r?(?:\n|$)/;
/** Commands after which CONNECT means a data call (V.250 D and O, 27.007 +CGDATA). Anywhere else a CONNECT is stray noise. */
const DIALS = /^AT(D|O\d?$|\+CGDATA)/i;
/** Commands whose answer may be NO CARRIER: dials (D, +CDV), answer, hang-ups, return to data (O), +CGDATA. */
const CALL_COMMANDS = /^AT(D|A$|H\d?$|O\d?$|\+CGDATA|\+CHUP|\+CHV|\+CDV)/i;
/** How long a final result without its line end (a "half final") may wait for the CR LF before it is taken as it is. */
const HALF_FINAL_MS = 40;

export class SerialAtChannel implements AtChannel {
  private currentMode: AtChannelMode = 'command';
  private readonly framer = new LineFramer();
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private needsResync = false;
  /** Abandoned commands whose final result may still arrive (see resync). */
  private orphans = 0;
  private dataTail = '';
  private halfFinalTimer: NodeJS.Timeout | null = null;
  private readonly log: TranscriptRing<TranscriptEntry>;
  /** The last ISO time written and its millisecond: many lines share one (toISOString per line was a tenth of the CPU per command). */
  private isoMs = Number.NaN;
  private isoText = '';
  private readonly redactor = new TranscriptRedactor();
  private readonly urcListeners = new Map<string, Set<(r: UnsolicitedReport) => void>>();
  private readonly modeListeners = new Set<(m: AtChannelMode) => void>();
  private readonly lineListeners = new Set<(e: TranscriptEntry) => void>();
  private closeReason: SerialCloseReason | null = null;
  private readonly offs: Array<() => void>;

  constructor(
    private readonly link: SerialLink,
    private readonly opts: AtChannelOptions = {},
  ) {
    this.log = new TranscriptRing(opts.transcriptLimit ?? 500);
    this.offs = [link.onData((c) => this.onBytes(c)), link.onClose((r) => this.onLinkClosed(r))];
  }

  get path(): string {
    return this.link.path;
  }
  get mode(): AtChannelMode {
    return this.currentMode;
  }

  send(command: string, opts: AtSendOptions = {}): Promise<AtResponse> {
    const cmd = command.trim();
    if (!cmd || /[\r\n\x1a]/.test(cmd)) return Promise.reject(fail('at_invalid_command', 'A command is one line of text.'));
    const run = this.queue.then(async () => {
      if (this.needsResync && !(await this.resync())) throw fail('at_unresponsive', `The modem stopped answering (no OK to AT); ${cmd} was not sent.`);
      return this.exchange(cmd, opts);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  onUnsolicited(prefix: string, listener: (r: UnsolicitedReport) => void): () => void {
    const key = prefix === '*' ? '*' : prefix.toUpperCase();
    let set = this.urcListeners.get(key);
    if (!set) this.urcListeners.set(key, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  onModeChange(listener: (m: AtChannelMode) => void): () => void {
    this.modeListeners.add(listener);
    return () => this.modeListeners.delete(listener);
  }

  onTranscript(listener: (e: TranscriptEntry) => void): () => void {
    this.lineListeners.add(listener);
    return () => this.lineListeners.delete(listener);
  }

  transcript(): readonly TranscriptEntry[] {
    return this.log.toArray();
  }

  async close(): Promise<void> {
    if (this.currentMode === 'closed') return;
    this.closeReason = { kind: 'closed' };
    await this.link.close().catch(() => undefined);
    this.onLinkClosed({ kind: 'closed' });
  }

  private exchange(command: string, opts: AtSendOptions): Promise<AtResponse> {
    if (this.currentMode === 'closed') return Promise.reject(this.closedError());
    if (this.currentMode === 'data') return Promise.reject(fail('at_data_mode', 'The modem is in a data call; commands wait until it ends.'));
    if (opts.signal?.aborted) return Promise.reject(fail('at_cancelled', 'The command was cancelled.'));
    return new Promise<AtResponse>((resolve, reject) => {
      const timeoutMs = opts.timeoutMs ?? this.opts.defaultTimeoutMs ?? 10_000;
      const done = () => {
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        this.pending = null;
      };
      const p: Pending = {
        command,
        ownPrefix: commandPrefix(command),
        lines: [],
        payload: opts.promptPayload ?? null,
        resolve: (r) => (done(), resolve(r)),
        reject: (e) => (done(), reject(e)),
      };
      const timer = setTimeout(() => {
        // The modem may still answer; that late answer must not become the next one's.
        this.needsResync = true;
        if (opts.lateAnswerPossible !== false) this.orphans++;
        p.reject(fail('at_timeout', `No answer to ${command} within ${timeoutMs} ms.`));
      }, timeoutMs);
      const onAbort = () => {
        this.needsResync = true;
        this.orphans++;
        p.reject(fail('at_cancelled', `${command} was cancelled.`));
      };
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      this.pending = p;
      this.write(`${command}\r`, command).catch((e: unknown) => p.reject(this.currentMode === 'closed' ? this.closedError() : new CodedError('at_unplugged', `Writing to the modem failed: ${String(e)}`)));
    });
  }

  /**
   * Re-synchronise after a timeout or cancel. A modem answers commands in order, so the
   * abandoned command's final result (if it ever comes) arrives before the answer to
   * anything sent later: finals are first credited to such orphans (see onLine). A plain
   * AT then proves the line is in step; if its OK was mistaken for an orphan's (the
   * abandoned command never answered), the AT times out, the count is dropped and the
   * AT is tried again. False when the modem answers neither: the caller's command is then
   * not sent (at_unresponsive) and the next command tries again.
   */
  private async resync(): Promise<boolean> {
    this.needsResync = false;
    for (let attempt = 0; attempt < 2; attempt++) {
      const r = await this.exchange('AT', { timeoutMs: 1000 }).catch(() => null);
      if (r?.final.kind === 'ok') return true;
      this.orphans = 0;
      if (this.currentMode !== 'command') break;
    }
    this.needsResync = this.currentMode === 'command';
    return false;
  }

  private onBytes(chunk: Buffer): void {
    if (this.currentMode === 'data') return this.onDataBytes(chunk);
    for (const t of this.framer.push(chunk, this.pending?.payload != null)) {
      if (t.kind === 'prompt') this.onPrompt();
      else this.onLine(t.text);
      if ((this.currentMode as AtChannelMode) === 'data') return; // the rest of the chunk is PPP (transcript 17)
    }
    this.watchHalfFinal();
  }

  /**
   * Some firmwares (and a line cut by a reset) leave the final result without its CR LF:
   * "…\r\nOK" and then nothing. ModemManager's parsers would wait for ever; here a
   * final result that sits unterminated for HALF_FINAL_MS ends the command as it is.
   */
  private watchHalfFinal(): void {
    if (this.halfFinalTimer) clearTimeout(this.halfFinalTimer);
    this.halfFinalTimer = null;
    if (!this.pending) return;
    const tail = this.framer.pendingText();
    if (!tail || !parseFinalResult(tail)) return;
    this.halfFinalTimer = setTimeout(() => {
      this.halfFinalTimer = null;
      if (this.framer.pendingText() !== tail || this.currentMode !== 'command') return;
      this.framer.reset();
      this.onLine(tail);
    }, HALF_FINAL_MS);
  }

  private onLine(line: string): void {
    this.record('rx', line);
    const p = this.pending;
    const urc = urcPrefixOf(line, p?.ownPrefix ?? null);
    if (urc) return this.emitUrc(urc, line);
    const final = parseFinalResult(line);
    if (final?.kind === 'no-carrier' && !(p && CALL_COMMANDS.test(p.command))) {
      // V.250: NO CARRIER ends a dial, an answer or a hang-up; with none in flight it is
      // the network ending a call (a 2772 announcement on a 3GPP or ZTE stick), not the
      // answer of the command in flight, which is still to come. Subscribers get it as a report.
      this.setMode('command');
      return this.emitUrc('NO CARRIER', line);
    }
    if (final && this.orphans > 0 && final.kind !== 'connect') {
      // The late end of an abandoned command: it and the lines before it are not ours.
      this.orphans--;
      if (p) p.lines = [];
      return;
    }
    if (!p) {
      if (final?.kind === 'no-carrier') this.setMode('command');
      return; // stray line (late reply) with nobody waiting
    }
    if (line.toUpperCase() === p.command.toUpperCase()) return; // echo (ATE1)
    if (!final) {
      p.lines.push(line);
      return;
    }
    if (final.kind === 'connect') {
      // A CONNECT to anything but a dial (a confused firmware, line noise) is not a data call.
      if (!DIALS.test(p.command)) return;
      this.framer.reset();
      this.setMode('data');
    }
    p.resolve({ command: p.command, lines: p.lines, final });
  }

  private onPrompt(): void {
    this.record('rx', '> ');
    const p = this.pending;
    if (!p || p.payload === null) return;
    const body = p.payload;
    p.payload = null;
    if (typeof body === 'string') void this.write(`${body}\x1a`, body);
    else {
      this.record('tx', `<${body.length} bytes>`);
      void this.link.write(Buffer.concat([Buffer.from(body), Buffer.from([0x1a])])).catch(() => undefined);
    }
  }

  // Data mode: PPP bytes, not lines. Only "NO CARRIER" (after the link drops) matters.
  private onDataBytes(chunk: Buffer): void {
    this.dataTail = (this.dataTail + chunk.toString('latin1')).slice(-64);
    if (NO_CARRIER.test(this.dataTail)) {
      this.dataTail = '';
      this.framer.reset();
      this.record('rx', 'NO CARRIER');
      this.setMode('command');
    }
  }

  private emitUrc(prefix: string, line: string): void {
    const r: UnsolicitedReport = { prefix, line, at: this.iso() };
    for (const key of [prefix, '*']) for (const l of [...(this.urcListeners.get(key) ?? [])]) l(r);
  }

  private async write(data: string, shown: string): Promise<void> {
    this.record('tx', shown);
    await this.link.write(data);
  }

  private onLinkClosed(reason: SerialCloseReason): void {
    if (this.currentMode === 'closed') return;
    this.closeReason ??= reason;
    for (const off of this.offs) off();
    if (this.halfFinalTimer) clearTimeout(this.halfFinalTimer);
    this.pending?.reject(this.closedError());
    this.setMode('closed');
  }

  private closedError(): CodedError {
    const r = this.closeReason;
    if (r?.kind === 'unplugged') return new CodedError('at_unplugged', `The modem went away (${r.message}).`);
    if (r?.kind === 'error') return new CodedError('at_unplugged', `The port failed: ${r.message}`);
    return fail('at_closed', 'The AT channel is closed.');
  }

  private setMode(m: AtChannelMode): void {
    if (m === this.currentMode) return;
    this.currentMode = m;
    if (m !== 'data') this.dataTail = '';
    for (const l of [...this.modeListeners]) l(m);
  }

  /** What the transcript had taken out (RUNA codes, SMS texts to and from 2772), issue 12. */
  redactions(): readonly Redaction[] {
    return this.redactor.redactions();
  }

  private record(dir: 'tx' | 'rx', line: string): void {
    // Redacted as it is recorded: no listener, log or report ever sees the secret.
    const e: TranscriptEntry = this.redactor.apply({ t: this.iso(), dir, line });
    this.log.push(e);
    if (this.lineListeners.size) for (const l of [...this.lineListeners]) l(e);
  }

  private iso(): string {
    const ms = this.opts.now?.() ?? Date.now();
    if (ms !== this.isoMs) {
      this.isoMs = ms;
      this.isoText = new Date(ms).toISOString();
    }
    return this.isoText;
  }
}

/** Opens the channel and makes the answers' shape known: verbose result codes, numeric CME errors. */
export async function openAtChannel(link: SerialLink, opts: AtChannelOptions = {}): Promise<SerialAtChannel> {
  const ch = new SerialAtChannel(link, opts);
  for (const cmd of opts.init ?? ['ATV1', 'AT+CMEE=1']) {
    // A modem that refuses one of these still works; one that never answers is not a modem.
    await ch.send(cmd, { timeoutMs: 3000 });
  }
  return ch;
}

export type { FinalResult };
