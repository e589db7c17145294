// A test double for the AtChannel face (hardware/at/at-channel-types.ts): answers each
// command from a table of real device lines, ERROR for anything else, or throws the
// channel's own failure codes. For unit tests of profiles and the diagnostic report; the
// real channel over a pty is covered by the integration tests.
import type { AtChannel, AtResponse, AtSendOptions, FinalResult, TranscriptEntry } from '../../at/at-channel-types';
import { CodedError } from '../../../src/shared/errors';

/** Lines for an OK answer; 'ERROR'; or a channel failure code to throw (e.g. 'at_timeout'). */
export type ScriptedAnswer = string[] | 'ERROR' | { fail: 'at_timeout' | 'at_unplugged' | 'at_closed' };
export type Script = Record<string, ScriptedAnswer>;

export interface ScriptedAtChannel extends AtChannel {
  sent: string[];
  payloads: string[];
}

export function scriptedAtChannel(script: Script, path = '/dev/scripted'): ScriptedAtChannel {
  const sent: string[] = [];
  const payloads: string[] = [];
  const log: TranscriptEntry[] = [];
  const t = () => new Date(Date.UTC(2026, 10, 24, 10, 0, 0)).toISOString();
  return {
    path,
    mode: 'command',
    sent,
    payloads,
    async send(command: string, opts?: AtSendOptions): Promise<AtResponse> {
      sent.push(command);
      log.push({ t: t(), dir: 'tx', line: command });
      if (opts?.promptPayload !== undefined) payloads.push(String(opts.promptPayload));
      const a = script[command];
      if (a && !Array.isArray(a) && typeof a === 'object') throw new CodedError(a.fail, `scripted ${a.fail} on ${command}`);
      const final: FinalResult = a === undefined || a === 'ERROR' ? { kind: 'error' } : { kind: 'ok' };
      const lines = Array.isArray(a) ? a : [];
      for (const line of [...lines, final.kind === 'ok' ? 'OK' : 'ERROR']) log.push({ t: t(), dir: 'rx', line });
      return { command, lines, final };
    },
    onUnsolicited: () => () => undefined,
    onModeChange: () => () => undefined,
    transcript: () => log,
    close: async () => undefined,
  };
}
