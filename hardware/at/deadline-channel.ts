// An overall time budget over an AtChannel (`assa diag` ends within 20 s whatever the
// modem does, CONTRACTS.md). Each command's own timeout is cut to what is left of the
// budget; once it is spent, commands fail at once with at_budget instead of being sent.
// A command whose timeout was cut and that then timed out also fails with at_budget: its
// silence says nothing about whether the firmware supports it. Counts the answers, so the
// caller can tell "nothing answered" (exit 2) from a partial report.
import { CodedError } from '../../src/shared/errors';
import type { AtChannel, AtResponse, AtSendOptions } from './at-channel-types';

export interface DeadlineChannel extends AtChannel {
  /** Commands that got a final result. */
  readonly answered: number;
  /** Milliseconds left of the budget (never below 0). */
  remainingMs(): number;
  /** Raise every command's timeout to at least this (a modem that answers slowly is given its pace). */
  setMinTimeout(ms: number): void;
}

export function withDeadline(ch: AtChannel, deadlineMs: number, opts: { defaultTimeoutMs?: number; now?: () => number } = {}): DeadlineChannel {
  const now = opts.now ?? (() => performance.now());
  const fallback = opts.defaultTimeoutMs ?? 10_000;
  let answered = 0;
  let minTimeout = 0;
  const remainingMs = () => Math.max(0, deadlineMs - now());
  const wrapper: DeadlineChannel = {
    get path() {
      return ch.path;
    },
    get mode() {
      return ch.mode;
    },
    get answered() {
      return answered;
    },
    remainingMs,
    setMinTimeout: (ms) => void (minTimeout = Math.max(0, ms)),
    async send(command: string, o: AtSendOptions = {}): Promise<AtResponse> {
      const left = remainingMs();
      // Below 100 ms no modem round trip (and its resync) fits: do not start one.
      if (left < 100) throw new CodedError('at_budget', `The time budget ran out before ${command}.`);
      const want = Math.max(o.timeoutMs ?? fallback, minTimeout);
      const cut = want > left;
      try {
        const r = await ch.send(command, { ...o, timeoutMs: cut ? left : want });
        answered++;
        return r;
      } catch (e) {
        if (cut && (e as { code?: string }).code === 'at_timeout') throw new CodedError('at_budget', `The time budget ran out during ${command}.`);
        throw e;
      }
    },
    onUnsolicited: (prefix, l) => ch.onUnsolicited(prefix, l),
    onModeChange: (l) => ch.onModeChange(l),
    transcript: () => ch.transcript(),
    close: () => ch.close(),
  };
  if (ch.onTranscript) wrapper.onTranscript = (l) => ch.onTranscript!(l);
  if (ch.redactions) wrapper.redactions = () => ch.redactions!();
  return wrapper;
}
