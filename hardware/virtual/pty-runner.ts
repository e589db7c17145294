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
// paths. Known limit: socat does not tell us when the client closes the slave, so in pty
// mode closing the port does not end a data session (use +++ and ATH, or a carrier drop).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import { CodedError } from '../../src/shared/errors';
import { VirtualModemController } from './controller';
import type { AtPort, PortRole } from './device/at-port';
import { VirtualModem, type VirtualModemOptions } from './modem';

export interface PtyModemOptions extends VirtualModemOptions {
  /** Symlink to create for the modem (AT + data) port. */
  link: string;
  /** Also PCUI (`<link>-pcui`, URCs), diagnostics (`<link>-diag`, QCDM-like) and silent (`<link>-silent`) ports. */
  multiPort?: boolean;
  socat?: string;
  log?: (line: string) => void;
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

  let transition: Promise<void> = Promise.resolve();
  modem.onEvent((e) => {
    if (closing) return;
    if (e.type === 'unplug') transition = transition.then(() => Promise.all(ports.map(stopPort))).then(() => log('unplugged'));
    if (e.type === 'replug') transition = transition.then(() => Promise.all(ports.map(spawnPort))).then(() => log('replugged'));
  });

  try {
    await Promise.all(ports.map(spawnPort));
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
      await transition.catch(() => undefined);
      await Promise.all(ports.map(stopPort));
      await modem.close();
    },
  };
}
