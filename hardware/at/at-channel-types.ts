// The AT channel's outward face (M-AT-1). Written first so the modem profiles, the
// prober, the app's modem service and the diagnostics can be built against it while
// the channel itself is written (hardware/at/at-channel.ts implements it).
//
// Errors: `send` resolves for every final result code the modem gives (ERROR is an
// answer, not an exception). It rejects only with a CodedError whose code is one of
// AtFailureCode — the command never got an answer.

export type FinalResult =
  | { kind: 'ok' }
  | { kind: 'error' }
  | { kind: 'cme-error'; code: number | null; text: string }
  | { kind: 'cms-error'; code: number | null; text: string }
  | { kind: 'no-carrier' }
  | { kind: 'busy' }
  | { kind: 'no-answer' }
  | { kind: 'no-dialtone' }
  | { kind: 'connect'; speed: string | null };

export interface AtResponse {
  command: string;
  /** Information lines between the command and its final result, without echo, blank lines or URCs. */
  lines: string[];
  final: FinalResult;
}

export type AtFailureCode =
  | 'at_timeout' //         no final result within the command's time budget
  | 'at_cancelled' //       the caller's AbortSignal fired
  | 'at_unplugged' //       the port vanished while the command was in flight (M-PORT-3)
  | 'at_closed' //          the channel was closed
  | 'at_data_mode' //       the port is in data mode after CONNECT; commands wait for NO CARRIER
  | 'at_unresponsive' //    after a timeout the modem answered not even AT: the command was not sent
  | 'at_budget' //          the caller's overall time budget (assa diag's 20 s) ran out
  | 'at_invalid_command'; // command text the channel refuses to send (CR/LF inside, empty)

export interface AtSendOptions {
  /** The command's own budget; dialling and network scans need long ones. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * Whether an answer may still come after a timeout (default true: the next command first
   * waits it out, see the channel's resync). False for a firmware known to refuse commands
   * by saying nothing: its silence is final, and waiting for a late answer only costs time.
   */
  lateAnswerPossible?: boolean;
  /**
   * For AT+CMGS / AT^HCMGS: what is sent after the `> ` prompt, terminated by Ctrl-Z by the
   * channel. Text goes as UTF-8; bytes (a UCS-2 body) go as they are.
   */
  promptPayload?: string | Uint8Array;
}

export interface UnsolicitedReport {
  /** The prefix as routed, e.g. '^RSSI', '+CMTI', 'RING'. */
  prefix: string;
  /** The whole line as received. */
  line: string;
  /** UTC ISO time it arrived. */
  at: string;
}

export interface TranscriptEntry {
  t: string; // UTC ISO
  dir: 'tx' | 'rx';
  line: string;
}

export type AtChannelMode = 'command' | 'data' | 'closed';

export interface AtChannel {
  readonly path: string;
  readonly mode: AtChannelMode;
  send(command: string, opts?: AtSendOptions): Promise<AtResponse>;
  /** Subscribe to URCs by prefix (e.g. '^DSFLOWRPT'), or '*' for all. Returns unsubscribe. */
  onUnsolicited(prefix: string, listener: (report: UnsolicitedReport) => void): () => void;
  onModeChange(listener: (mode: AtChannelMode) => void): () => void;
  /** The most recent lines both ways, oldest first (bounded). */
  transcript(): readonly TranscriptEntry[];
  /** What the transcript had redacted (RUNA codes, SMS texts to and from 2772; issue 12), oldest first. */
  redactions?(): readonly { t: string; dir: 'tx' | 'rx'; kind: string; line: string }[];
  /** Every transcript line as it happens (the technician's terminal, M-AT-1). */
  onTranscript?(listener: (entry: TranscriptEntry) => void): () => void;
  close(): Promise<void>;
}

/** True when the response ended in OK. */
export function isOk(r: AtResponse): boolean {
  return r.final.kind === 'ok';
}
