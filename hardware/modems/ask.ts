// The two helpers every profile reads the modem with. `ask` sends one query and gives
// its information lines when it ended in OK, or null when the firmware does not support
// it: ERROR, COMMAND NOT SUPPORT, +CME ERROR: 4, MODEM ERROR: <n>, NA, or silence
// (reference §1.9). What the modem refused or ignored is remembered for the session
// (hardware/at/command-support.ts) and never asked again; identity answers, which cannot
// change while the stick is plugged in, are asked once. A vanished, stalled or busy
// port is not "unsupported": those failures are thrown for the caller's step to record.
import type { AtChannel, AtResponse } from '../at/at-channel-types';
import { supportOf } from '../at/command-support';

/** Failures that say nothing about the command: the port, the modem or the caller's budget. */
const THROWN = new Set(['at_unplugged', 'at_closed', 'at_data_mode', 'at_unresponsive', 'at_budget']);

/** The answer's lines when it ended in OK; null when the modem does not support it. */
export async function ask(ch: AtChannel, command: string, timeoutMs = 3000): Promise<string[] | null> {
  const support = supportOf(ch);
  if (support.get(command) === 'unsupported') return null;
  const fixed = support.fixedAnswer(command);
  if (fixed) return [...fixed];
  let r: AtResponse;
  const t0 = performance.now();
  try {
    r = await ch.send(command, { timeoutMs: support.timeoutFor(timeoutMs), lateAnswerPossible: !support.refusesBySilence });
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (THROWN.has(code)) throw e;
    if (code === 'at_timeout') {
      const known = support.refusesBySilence;
      support.silent(command);
      if (known) return null; // this firmware's way: the next answer confirms it
      // Was it the command or the modem? A bare AT tells at once (the channel resyncs
      // first), so the next query already knows this firmware refuses by silence.
      const alive = await ch.send('AT', { timeoutMs: 1000 }).catch(() => null);
      if (alive) support.answered('AT', alive.final);
    }
    return null;
  }
  // Some Huawei firmwares print COMMAND NOT SUPPORT as a line and then OK.
  const refused = r.lines.some((l) => /^COMMAND NOT SUPPORT/i.test(l));
  support.answered(command, refused ? { kind: 'error' } : r.final, performance.now() - t0);
  if (r.final.kind !== 'ok' || refused) return null;
  support.rememberAnswer(command, r.lines);
  return r.lines;
}

/** The first of the tries that gives a value (ModemManager's "try the next command" sequences). */
export async function first<T>(...tries: Array<() => Promise<T | null>>): Promise<T | null> {
  for (const t of tries) {
    const v = await t();
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

/** The first line of an answer that the parser reads, or null. */
export async function read<T>(ch: AtChannel, command: string, parse: (line: string) => T | null, timeoutMs?: number): Promise<T | null> {
  for (const l of (await ask(ch, command, timeoutMs)) ?? []) {
    const v = parse(l);
    if (v !== null) return v;
  }
  return null;
}
