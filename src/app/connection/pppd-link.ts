// D-DIAL-1 on Linux: one pppd run. Writes the options file and chat script (0600, in a
// private temp folder), starts pppd, turns its output into phases and its exit into a
// coded reason, and hands the interface name and local IP to whoever waits for the link.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { DialProfile } from '../../shared/dial-profile';
import { dialProfileProblems } from '../../shared/dial-profile';
import { CodedError } from '../../shared/errors';
import { chatScript, pppdOptions } from './pppd-config';
import { connectionError, explainPppdExit } from './pppd-exit';
import { parsePppdLine, type PppdFailure, type PppdLogEvent } from './pppd-log';

export interface PppdLinkOptions {
  dataPort: string;
  profile: DialProfile;
  pppdPath?: string; // default: `pppd` from PATH
  chatPath?: string;
  unit?: number;
  onEvent?: (e: PppdLogEvent) => void;
  onLine?: (line: string) => void;
}

export interface PppdLinkUp {
  iface: string;
  localIp: string;
  remoteIp: string | null;
  dns: string[];
}

export interface PppdLink {
  /** Resolves when IP is up; rejects with a CodedError naming why it never came up. */
  readonly up: Promise<PppdLinkUp>;
  /** Resolves with the coded reason when pppd exits (null reason after our own stop). */
  readonly ended: Promise<{ code: string | null; exitCode: number | null }>;
  stop(): Promise<void>;
}

export function startPppd(opts: PppdLinkOptions): PppdLink {
  const problems = dialProfileProblems(opts.profile);
  if (problems.length) {
    const err = new CodedError('invalid_dial_profile', `The dial profile has invalid fields: ${problems.join(', ')}`, { field: problems[0] });
    return { up: Promise.reject(err), ended: Promise.resolve({ code: err.code, exitCode: null }), stop: async () => undefined };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-ppp-'));
  const chatFile = path.join(dir, 'chat');
  const optionsFile = path.join(dir, 'options');
  writeFileSync(chatFile, chatScript(opts.profile), { mode: 0o600 });
  writeFileSync(optionsFile, pppdOptions({ dataPort: opts.dataPort, profile: opts.profile, chatScriptPath: chatFile, chatBinary: opts.chatPath, unit: opts.unit }), { mode: 0o600 });

  const seen = { failures: [] as PppdFailure[], chatStatus: null as number | null };
  const state: Partial<PppdLinkUp> & { dns: string[] } = { dns: [] };
  let stopping = false;
  let resolveUp!: (v: PppdLinkUp) => void;
  let rejectUp!: (e: unknown) => void;
  const up = new Promise<PppdLinkUp>((res, rej) => {
    resolveUp = res;
    rejectUp = rej;
  });
  up.catch(() => undefined); // callers may only await `ended`

  let announced = false;
  const announceUp = () => {
    if (announced || !state.localIp) return;
    announced = true;
    resolveUp({ iface: state.iface ?? `ppp${opts.unit ?? 0}`, localIp: state.localIp, remoteIp: state.remoteIp ?? null, dns: state.dns });
  };

  let child: ChildProcess;
  const ended = new Promise<{ code: string | null; exitCode: number | null }>((resolveEnded) => {
    child = spawn(opts.pppdPath ?? 'pppd', ['file', optionsFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    const onLine = (line: string) => {
      opts.onLine?.(line);
      const ev = parsePppdLine(line);
      // pppd prints the local address, then the remote one and up to two DNS servers, then
      // runs ip-up: the first other line after the local address closes that block.
      const addressLine = ev?.kind === 'local-ip' || ev?.kind === 'remote-ip' || ev?.kind === 'dns';
      if (state.localIp && !addressLine) announceUp();
      if (!ev) return;
      opts.onEvent?.(ev);
      if (ev.kind === 'failure') seen.failures.push(ev.code);
      else if (ev.kind === 'chat-status') seen.chatStatus = ev.status;
      else if (ev.kind === 'interface') state.iface = ev.name;
      else if (ev.kind === 'remote-ip') state.remoteIp = ev.ip;
      else if (ev.kind === 'dns') {
        state.dns.push(ev.ip);
        if (state.dns.length === 2) announceUp(); // pppd knows at most a primary and a secondary
      } else if (ev.kind === 'local-ip') {
        state.localIp = ev.ip;
        // Without DNS lines and without an ip-up script nothing more comes: a quiet moment ends
        // the block. Line events, not this timer, decide on a loaded machine.
        setTimeout(announceUp, 500);
      }
    };
    for (const stream of [child.stdout, child.stderr]) if (stream) createInterface({ input: stream }).on('line', onLine);
    child.once('error', (e: NodeJS.ErrnoException) => {
      const code = e.code === 'ENOENT' ? 'pppd_missing' : e.code === 'EACCES' ? 'port_permission' : 'link_failed';
      rejectUp(connectionError(code, { cause: e.message }));
      rmSync(dir, { recursive: true, force: true });
      resolveEnded({ code, exitCode: null });
    });
    child.once('close', (exitCode) => {
      rmSync(dir, { recursive: true, force: true });
      announceUp(); // a link that got its address was up, however briefly
      const code = stopping && exitCode === 5 ? null : stopping ? null : explainPppdExit(exitCode, seen);
      rejectUp(connectionError(code ?? 'link_failed', { exitCode }));
      resolveEnded({ code, exitCode });
    });
  });

  return {
    up,
    ended,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      stopping = true;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await ended;
      clearTimeout(t);
    },
  };
}
