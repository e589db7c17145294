// What the AT terminal shows (U-DIAG-1). The app polls the modem every few seconds
// (+CSQ, ^SYSINFO, ...), so a technician's own commands drown in the app's traffic. The
// terminal knows which commands the user typed: a command line and the answer lines
// after it belong together, so hiding the app's polling hides whole exchanges, never half
// of one. Lines before any command (boot reports) and unsolicited reports that arrive
// while nothing is pending stay visible: they are the modem talking, not the app.
import type { TranscriptLineDto } from '../../../../src/shared/app-methods-modem';

export interface TerminalView {
  /** Hide the exchanges of commands this terminal did not send. */
  hidePolling: boolean;
  /** Case-insensitive text every shown line must contain ('' = all). */
  filter: string;
}

/** The lines to show, in order, with their index in the full list (a stable React key). */
export function visibleLines(lines: readonly TranscriptLineDto[], mine: ReadonlySet<string>, view: TerminalView): Array<{ line: TranscriptLineDto; index: number }> {
  const needle = view.filter.trim().toLowerCase();
  const out: Array<{ line: TranscriptLineDto; index: number }> = [];
  // Whether the exchange we are in was started by the user (true before any command).
  let ownExchange = true;
  lines.forEach((line, index) => {
    if (line.dir === 'tx') ownExchange = mine.has(normaliseCommand(line.line));
    if (view.hidePolling && !ownExchange) return;
    if (needle && !line.line.toLowerCase().includes(needle)) return;
    out.push({ line, index });
  });
  return out;
}

/** `at+csq ` and `AT+CSQ` are the same command to the modem. */
export function normaliseCommand(command: string): string {
  return command.trim().toUpperCase();
}
