// What this modem supports, learnt while talking to it (ModemManager keeps the same per
// modem: a command once refused is never asked again). Each query command is 'unknown'
// until answered, 'supported' once it ended in OK, 'unsupported' once the firmware said
// it cannot (ERROR, COMMAND NOT SUPPORT, +CME ERROR: 4, Motorola's MODEM ERROR: <n>,
// Samsung's NA) or stayed silent while the modem itself was alive. A silent command is
// only "suspect" until another command gets an answer: a modem that stopped answering
// altogether has not shown that the command is unsupported. The record lives as long as
// the channel (one plug-in session), so the app's 10 s poll and `assa diag` never pay a
// refused or silent command's cost twice.
import type { AtChannel, FinalResult } from './at-channel-types';

export type Support = 'unknown' | 'supported' | 'unsupported';

/** 27.007 §9.2.1 CME 4 "operation not supported"; 100 "unknown" is what some firmwares give for unknown commands. */
const UNSUPPORTED_CME = new Set([4, 100]);

/** True when the final result says the firmware lacks the command (not a passing state such as "SIM busy"). */
export function meansUnsupported(final: FinalResult): boolean {
  if (final.kind === 'error') return true;
  if (final.kind !== 'cme-error') return false;
  if (/^(MODEM ERROR|NA$)/i.test(final.text)) return true;
  if (final.code !== null) return UNSUPPORTED_CME.has(final.code);
  return /not supported|unknown command/i.test(final.text);
}

export class CommandSupport {
  private readonly state = new Map<string, Support>();
  private readonly suspects = new Set<string>();
  private readonly fixed = new Map<string, string[]>();
  /** Recent answers' round trips, in ms (the last 64). */
  private readonly rtts: number[] = [];
  /** Commands that turned out silent: the firmware refuses by saying nothing. */
  private silentRefusals = 0;

  get(command: string): Support {
    return this.state.get(key(command)) ?? 'unknown';
  }

  /** The command got a final result: OK (or any non-refusal) is supported. */
  answered(command: string, final: FinalResult, tookMs = 0): void {
    // Any answer proves the modem alive: the commands that were silent before are unsupported.
    for (const s of this.suspects) this.state.set(s, 'unsupported');
    this.silentRefusals += this.suspects.size;
    this.suspects.clear();
    this.rtts.push(tookMs);
    if (this.rtts.length > 64) this.rtts.shift();
    // A passing state (+CME ERROR: 10 SIM not inserted, 14 SIM busy) leaves the record as it was.
    if (meansUnsupported(final)) this.state.set(key(command), 'unsupported');
    else if (final.kind === 'ok') this.state.set(key(command), 'supported');
  }

  /** The command timed out: unsupported once the modem is seen answering something else. */
  silent(command: string): void {
    this.suspects.add(key(command));
  }

  /** The answer of a command whose answer cannot change while the modem is plugged in (see FIXED_ANSWERS). */
  fixedAnswer(command: string): string[] | undefined {
    return this.fixed.get(key(command));
  }

  rememberAnswer(command: string, lines: string[]): void {
    if (FIXED_ANSWERS.has(key(command))) this.fixed.set(key(command), [...lines]);
  }

  /** The firmware has shown that it refuses commands by staying silent. */
  get refusesBySilence(): boolean {
    return this.silentRefusals > 0;
  }

  /**
   * The timeout to give a query. A firmware that has shown it refuses by silence would
   * otherwise cost the full timeout for every command it lacks (40-50 s for a report): once
   * it has, a query gets four times its usual answer time (the 75th percentile of recent
   * round trips, so one slow start does not set the pace), at least SILENT_FLOOR_MS and
   * never more than the caller asked. Long operations (a message listing, a dial: more than
   * a query's 3 s) keep their own budget.
   */
  timeoutFor(requestedMs: number): number {
    if (this.silentRefusals === 0 || requestedMs > 3000) return requestedMs;
    const sorted = [...this.rtts].sort((a, b) => a - b);
    const p75 = sorted[Math.floor((sorted.length - 1) * 0.75)] ?? 0;
    return Math.min(requestedMs, Math.max(SILENT_FLOOR_MS, Math.round(4 * p75)));
  }

  /** For the diagnostic report and tests. */
  snapshot(): Record<string, Support> {
    return Object.fromEntries([...this.state].sort(([a], [b]) => a.localeCompare(b)));
  }
}

const key = (command: string) => command.trim().toUpperCase();

/** The shortest timeout once a firmware is known to refuse by silence. */
export const SILENT_FLOOR_MS = 500;

/** Identity queries: the same answer for the whole session, so profile choice and identity ask them once. */
const FIXED_ANSWERS = new Set(['ATI', 'AT+GCAP', 'AT+GMI', 'AT+GMM', 'AT+GMR', 'AT+CGMI', 'AT+CGMM', 'AT+CGMR', 'AT+GSN', 'AT+CGSN', 'AT^MEID', 'AT^HWVER']);

const records = new WeakMap<AtChannel, CommandSupport>();

/** The record of one channel (one modem session), made on first use. */
export function supportOf(ch: AtChannel): CommandSupport {
  let r = records.get(ch);
  if (!r) records.set(ch, (r = new CommandSupport()));
  return r;
}
