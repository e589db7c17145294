// Fault and event scenarios (APP.md V-5) as data: from code, from a JSON file
// (`assa sim --scenario FILE`) or from `assa sim` flags. Steps run in order; each waits
// `afterMs` (on the modem's clock) after the previous one.
import { CodedError } from '../../src/shared/errors';
import type { SimTimer } from './clock';
import type { ServiceMode } from './radio/radio';
import type { VirtualModemController } from './controller';

export type ScenarioAction =
  | { action: 'unplug' }
  | { action: 'replug' }
  | { action: 'silence'; on?: boolean }
  | { action: 'slow'; ms: number }
  | { action: 'garbage'; bytes?: number }
  | { action: 'noisy-line'; bytes: number }
  | { action: 'error-replies'; on?: boolean }
  | { action: 'carrier-drop' }
  | { action: 'signal-loss' }
  | { action: 'signal-restore' }
  | { action: 'signal'; dbm: number }
  | { action: 'mode'; mode: ServiceMode }
  | { action: 'roaming'; on?: boolean }
  | { action: 'sms'; from: string; text: string }
  | { action: 'urc-inside-answers'; line: string | null };

export type ScenarioStep = ScenarioAction & { afterMs?: number };

export interface Scenario {
  steps: ScenarioStep[];
}

const MODES: ServiceMode[] = ['none', '1x', 'evdo', 'hybrid', 'gsm', 'wcdma', 'hsdpa'];

function bad(i: number, why: string): never {
  throw new CodedError('invalid_scenario', `scenario step ${i + 1}: ${why}`, { field: `steps[${i}]` });
}

/** Validates untrusted scenario JSON. */
export function parseScenario(json: unknown): Scenario {
  const steps = (json as { steps?: unknown } | null)?.steps;
  if (!Array.isArray(steps)) throw new CodedError('invalid_scenario', 'a scenario is {"steps": [...]}', { field: 'steps' });
  return {
    steps: steps.map((raw, i): ScenarioStep => {
      if (typeof raw !== 'object' || raw === null) bad(i, 'not an object');
      const s = raw as Record<string, unknown>;
      const afterMs = s.afterMs === undefined ? 0 : Number(s.afterMs);
      if (!Number.isFinite(afterMs) || afterMs < 0) bad(i, 'afterMs must be a number >= 0');
      const num = (k: string, min: number, max: number) => {
        const v = Number(s[k]);
        if (!Number.isFinite(v) || v < min || v > max) bad(i, `${k} must be a number in ${min}..${max}`);
        return v;
      };
      const on = s.on === undefined ? true : s.on === true;
      switch (s.action) {
        case 'unplug':
        case 'replug':
        case 'carrier-drop':
        case 'signal-loss':
        case 'signal-restore':
          return { action: s.action, afterMs };
        case 'silence':
        case 'error-replies':
        case 'roaming':
          return { action: s.action, on, afterMs };
        case 'slow':
          return { action: 'slow', ms: num('ms', 0, 600_000), afterMs };
        case 'garbage':
          return { action: 'garbage', bytes: s.bytes === undefined ? 16 : num('bytes', 1, 65536), afterMs };
        case 'noisy-line':
          return { action: 'noisy-line', bytes: num('bytes', 0, 4096), afterMs };
        case 'signal':
          return { action: 'signal', dbm: num('dbm', -120, -40), afterMs };
        case 'mode':
          if (!MODES.includes(s.mode as ServiceMode)) bad(i, `mode must be one of ${MODES.join(', ')}`);
          return { action: 'mode', mode: s.mode as ServiceMode, afterMs };
        case 'sms':
          if (typeof s.from !== 'string' || !/^\+?[0-9]{1,20}$/.test(s.from)) bad(i, 'from must be digits');
          if (typeof s.text !== 'string' || s.text.length > 1000) bad(i, 'text must be a string of at most 1000 characters');
          return { action: 'sms', from: s.from, text: s.text, afterMs };
        case 'urc-inside-answers':
          if (s.line !== null && (typeof s.line !== 'string' || !/^[\x20-\x7e]{1,200}$/.test(s.line))) bad(i, 'line must be printable text (at most 200 characters) or null');
          return { action: 'urc-inside-answers', line: s.line as string | null, afterMs };
        default:
          return bad(i, `unknown action ${JSON.stringify(s.action)}`);
      }
    }),
  };
}

export function applyAction(c: VirtualModemController, a: ScenarioAction): void {
  switch (a.action) {
    case 'unplug':
      return c.unplug();
    case 'replug':
      return c.replug();
    case 'silence':
      return c.silence(a.on ?? true);
    case 'slow':
      return c.slow(a.ms);
    case 'garbage':
      return c.garbage(a.bytes ?? 16);
    case 'noisy-line':
      return c.noisyLine(a.bytes);
    case 'error-replies':
      return c.errorReplies(a.on ?? true);
    case 'carrier-drop':
      return void c.dropCarrier();
    case 'signal-loss':
      return c.loseSignal();
    case 'signal-restore':
      return c.restoreSignal();
    case 'signal':
      return c.setSignal(a.dbm);
    case 'mode':
      return c.setMode(a.mode);
    case 'roaming':
      return c.setRoaming(a.on ?? true);
    case 'sms':
      return void c.deliverSms(a.from, a.text);
    case 'urc-inside-answers':
      return c.urcInsideAnswers(a.line);
  }
}

/**
 * Plays the steps on the modem's clock; returns a handle that stops the rest. The leading
 * steps without a delay are applied before this returns, so `assa sim` plays them before its
 * tty exists (PtyModemOptions.beforeOpen): a client that opens the tty sees their state, never
 * their reports landing inside its first answers (the state a scenario starts in is not a race).
 */
export function playScenario(c: VirtualModemController, scenario: Scenario): { cancel(): void; done: Promise<void> } {
  let timer: SimTimer | null = null;
  let cancelled = false;
  let resolve!: () => void;
  const done = new Promise<void>((r) => (resolve = r));
  const run = (i: number) => {
    if (cancelled || i >= scenario.steps.length) return resolve();
    const step = scenario.steps[i]!;
    timer = c.modem.clock.setTimeout(() => {
      if (cancelled) return resolve();
      applyAction(c, step);
      run(i + 1);
    }, step.afterMs ?? 0);
  };
  let first = 0;
  while (first < scenario.steps.length && !scenario.steps[first]!.afterMs) applyAction(c, scenario.steps[first++]!);
  run(first);
  return {
    cancel() {
      cancelled = true;
      timer?.cancel();
      resolve();
    },
    done,
  };
}
