// How a test learns that a child process it started is ready: `assa server` prints
// "listening on URL" once its port is bound, a claim holder prints a JSON line once it holds
// its claim. Waits for that text on stdout; an exit first (or the budget running out) is an
// error that carries what the child wrote on stderr, since that says why.
import type { ChildProcess } from 'node:child_process';

export interface ChildOutput {
  /** The first match of the pattern in stdout. */
  match: RegExpExecArray;
  stdout(): string;
  stderr(): string;
}

/** Collects the child's output from now on and resolves once stdout matches `pattern`. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, opts: { name?: string; timeoutMs?: number } = {}): Promise<ChildOutput> {
  const name = opts.name ?? 'the child process';
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = opts.timeoutMs ? setTimeout(() => reject(new Error(`${name} printed nothing matching ${pattern} in ${opts.timeoutMs} ms; stderr:\n${err}`)), opts.timeoutMs) : null;
    let done = false;
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = done ? null : pattern.exec(out);
      if (!match) return;
      done = true;
      if (timer) clearTimeout(timer);
      resolve({ match, stdout: () => out, stderr: () => err });
    });
    child.once('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (!done) reject(new Error(`${name} exited (${code ?? signal}) first; stderr:\n${err}`));
    });
  });
}

/** `assa server` prints this once it listens. */
export const LISTENING = /listening on (https?:\/\/\S+)/;

/** The RADIUS accounting port `assa server` printed on stderr (0 when it printed none). */
export const radiusPortOf = (stderr: string): number => Number(/RADIUS accounting on udp \S+:(\d+)/.exec(stderr)?.[1] ?? 0);
