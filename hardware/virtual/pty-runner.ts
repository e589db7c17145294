// The virtual modem on pseudo-terminals (APP.md V-6, CONTRACTS.md `assa sim`), for any
// serial program (minicom, picocom, ModemManager, this app).
//
// How the pty is made: one `socat -d -d pty,raw,echo=0,link=PATH STDIO` per port. socat
// creates the pty pair, makes PATH a symlink to the slave (the user's side) and copies
// bytes between the master and its stdin/stdout, which are pipes to this process. So no
// native pty module is needed; socat must be installed (Debian package `socat`).
//
// Unplug kills the socat processes: the pty and the symlink disappear and an open client
// gets EIO/hang-up, as with a stick pulled out; replug starts them again at the same
// paths. socat does not tell us when the client closes the slave, so while a data
// session is up we look, four times a second, whether any process other than socat still
// holds the slave open (Linux /proc); when none does, the port was closed and the call
// ends, as DTR dropping ends it on a real stick. A real stick hangs up at once: at one
// look a second, a client that closed and reopened the port (pppd giving it back to
// ModemManager) could find the old call still up and its ATD taken as data. A look is
// cheap while the call is up: the process that held the tty last time is checked first.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import { CodedError } from '../../src/shared/errors';
import { VirtualModemController } from './controller';
import type { AtPort, PortRole } from './device/at-port';
import { VirtualModem, type VirtualModemOptions } from './modem';

/** How often a data session looks whether its client closed the tty. */
export const WATCH_CLOSE_MS = 250;

export interface PtyModemOptions extends VirtualModemOptions {
  /** Symlink to create for the modem (AT + data) port. */
  link: string;
  /** Also PCUI (`<link>-pcui`, URCs), diagnostics (`<link>-diag`, QCDM-like) and silent (`<link>-silent`) ports. */
  multiPort?: boolean;
  socat?: string;
  log?: (line: string) => void;
  /** How often to check, during a data session, whether the client closed the tty; 0 = never. Default WATCH_CLOSE_MS. */
  watchCloseMs?: number;
  /**
   * Sets the modem's starting state before its ttys exist. Reports it makes are dropped, as a
   * real stick's are before anyone opens it. Once the tty exists, whether a report goes out is
   * a look at /proc that can end after a client has opened it, and the report then lands inside
   * the client's first answers.
   */
  beforeOpen?: (c: VirtualModemController) => void;
}

export interface PtyModem {
  /** Symlinks by role; `modem` is the --link path. */
  paths: Partial<Record<PortRole, string>> & { modem: string };
  controller: VirtualModemController;
  modem: VirtualModem;
  close(): Promise<void>;
}

interface PtyPort {
  port: AtPort;
  link: string;
  child: ChildProcess | null;
}

async function removeStaleLink(link: string): Promise<void> {
  const st = await fs.lstat(link).catch(() => null);
  if (!st) return;
  // only ever remove a symlink we may have left behind; never a real file
  if (!st.isSymbolicLink()) throw new CodedError('link_path_taken', `${link} exists and is not a symlink; choose another --link`, { field: 'link' });
  await fs.unlink(link);
}

async function waitForLink(link: string, child: ChildProcess, spawnError: () => Error | null, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const e = spawnError();
    if (e) throw new CodedError('socat_missing', `cannot run socat (install the Debian package "socat"): ${e.message}`, { cause: e });
    if (child.exitCode !== null) throw new CodedError('socat_failed', `socat exited (${child.exitCode}) before creating ${link}`);
    const st = await fs.lstat(link).catch(() => null);
    if (st?.isSymbolicLink()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new CodedError('socat_failed', `socat did not create ${link} within ${timeoutMs} ms`);
}

/**
 * Whether a process other than `exclude` has `device` open, from Linux /proc: true, false,
 * or null when it cannot tell (no /proc, or some process's descriptors are not readable —
 * e.g. a root-owned client while we run as a user). Only a sure `false` ends a session.
 */
async function exitingOrGone(pid: string): Promise<boolean> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  return status === null || /^State:\s*[ZX]/m.test(status);
}

export async function deviceHeldOpen(device: string, exclude: Set<number>, hint?: { pid: number | null }): Promise<boolean | null> {
  const holds = async (pid: string) => {
    const fds = await fs.readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds) if ((await fs.readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')) === device) return true;
    return false;
  };
  // the holder seen last time usually still holds it: one process to look at, not all
  if (hint?.pid != null && (await holds(String(hint.pid)))) return true;
  let pids: string[];
  try {
    pids = await fs.readdir('/proc');
  } catch {
    return null;
  }
  let blind = false;
  for (const pid of pids) {
    if (!/^\d+$/.test(pid) || exclude.has(Number(pid))) continue;
    let fds: string[];
    try {
      fds = await fs.readdir(`/proc/${pid}/fd`);
    } catch (e) {
      // ENOENT: it just exited; a zombie or an exiting process has no descriptors to see (EACCES
      // on a busy machine); only a live process we may not look into leaves us unsure
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && !(await exitingOrGone(pid))) blind = true;
      continue;
    }
    for (const fd of fds) {
      if ((await fs.readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')) === device) {
        if (hint) hint.pid = Number(pid);
        return true;
      }
    }
  }
  return blind ? null : false;
}

export async function startPtyModem(opts: PtyModemOptions): Promise<PtyModem> {
  const log = opts.log ?? (() => undefined);
  const modem = new VirtualModem(opts);
  const controller = new VirtualModemController(modem);
  const roles: PortRole[] = opts.multiPort ? ['modem', 'pcui', 'diag', 'silent'] : ['modem'];
  const ports: PtyPort[] = roles.map((role) => ({
    port: modem.addPort(role, role),
    link: role === 'modem' ? opts.link : `${opts.link}-${role}`,
    child: null,
  }));
  let closing = false;

  const spawnPort = async (p: PtyPort) => {
    await removeStaleLink(p.link);
    const child = spawn(opts.socat ?? 'socat', ['-d', '-d', `pty,raw,echo=0,link=${p.link}`, 'STDIO'], { stdio: ['pipe', 'pipe', 'pipe'] });
    p.child = child;
    let spawnError: Error | null = null;
    child.on('error', (e) => {
      spawnError = e;
      log(`socat for ${p.link}: ${e.message}`);
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', () => undefined); // socat's notices; drained so it never blocks
    child.stdin?.on('error', () => undefined); // EPIPE after unplug
    child.stdout?.on('data', (chunk: Buffer) => p.port.input(chunk));
    p.port.attach((bytes) => {
      if (p.child === child && child.stdin?.writable) child.stdin.write(bytes);
    });
    child.on('exit', () => {
      if (p.child === child) p.child = null;
    });
    // reports go out only while someone holds the tty open: a real stick's reports are not
    // kept for the next open (socat keeps the pty buffer, so we must not write into it)
    // (one look at /proc serves all the reports of the next 100 ms)
    const hint = { pid: null as number | null };
    let last: { at: number; open: Promise<boolean> } | null = null;
    const look = async () => {
      if (opts.watchCloseMs === 0 || !child.pid) return true;
      const device = await fs.realpath(p.link).catch(() => null);
      return device !== null && (await deviceHeldOpen(device, new Set([child.pid]), hint)) !== false;
    };
    p.port.hostOpen = () => {
      if (!last || Date.now() - last.at > 100) last = { at: Date.now(), open: look() };
      return last.open;
    };
    await waitForLink(p.link, child, () => spawnError);
  };

  const stopPort = async (p: PtyPort) => {
    const child = p.child;
    p.child = null;
    p.port.detach();
    if (child && child.exitCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    // socat removes its link on exit; remove it if it is left, but never anything that is not a symlink
    const st = await fs.lstat(p.link).catch(() => null);
    if (st?.isSymbolicLink()) await fs.unlink(p.link).catch(() => undefined);
  };

  // a data session ends when its client closes the tty (see the header comment)
  let watch: NodeJS.Timeout | null = null;
  const holder = { pid: null as number | null };
  // one look at a time: on a busy machine a full /proc scan can outlast the period, and
  // overlapping scans would only slow each other down
  let looking = false;
  const watchSession = () => {
    const s = modem.session;
    const p = ports.find((x) => x.port === s?.port);
    if (!s || !p?.child?.pid || looking) return;
    // only socat is left out: this process may itself hold the tty (the app runs the pty modem in-process and opens it with serialport)
    const pid = p.child.pid;
    looking = true;
    void fs
      .realpath(p.link)
      .then(
        async (device) => {
          if (modem.session === s && (await deviceHeldOpen(device, new Set([pid]), holder)) === false) {
            log(`${p.link} closed by its client: ending the data session`);
            p.port.hostClosed();
          }
        },
        () => undefined,
      )
      .finally(() => (looking = false));
  };

  let transition: Promise<void> = Promise.resolve();
  modem.onEvent((e) => {
    if (e.type === 'session-start' && opts.watchCloseMs !== 0) {
      watch = setInterval(watchSession, opts.watchCloseMs ?? WATCH_CLOSE_MS);
      watch.unref();
    }
    if (e.type === 'session-stop' && watch) {
      clearInterval(watch);
      watch = null;
    }
    if (closing) return;
    if (e.type === 'unplug') transition = transition.then(() => Promise.all(ports.map(stopPort))).then(() => log('unplugged'));
    if (e.type === 'replug') transition = transition.then(() => Promise.all(ports.map(spawnPort))).then(() => log('replugged'));
  });

  opts.beforeOpen?.(controller);
  try {
    // a starting state of "unplugged" has no ttys until it is replugged
    if (!modem.unplugged) await Promise.all(ports.map(spawnPort));
  } catch (e) {
    await Promise.all(ports.map(stopPort));
    await modem.close();
    throw e;
  }

  const paths = Object.fromEntries(ports.map((p) => [p.port.role, p.link])) as PtyModem['paths'];
  return {
    paths,
    controller,
    modem,
    async close() {
      closing = true;
      if (watch) clearInterval(watch);
      await transition.catch(() => undefined);
      await Promise.all(ports.map(stopPort));
      await modem.close();
    },
  };
}
