// The real NetworkManager as a test peer (issue 16 Part 2), beside the real ModemManager of a
// sandbox (modemmanager.ts). NM talks to the system bus only: the sandbox's private bus is
// given as DBUS_SYSTEM_BUS_ADDRESS, where MM (in --test-session mode) already is, so NM finds
// the modem through MM as on a desktop. NM runs in the sandbox's mount namespace and its own
// network namespace (`unshare -n`), so it never touches this machine's interfaces, with its
// config, state and keyfile connections in the sandbox's work dir and PolicyKit off (root).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { MmSandbox } from './modemmanager';

const run = promisify(execFile);
const NM = '/usr/sbin/NetworkManager';
const TOOLS = [NM, '/usr/bin/nmcli', '/usr/sbin/pppd'];

/** Why NetworkManager cannot run here, or null when it can (on top of modemManagerUnavailable()). */
export function networkManagerUnavailable(): string | null {
  const missing = TOOLS.filter((t) => !existsSync(t));
  return missing.length ? `missing ${missing.join(', ')} (Debian packages network-manager, ppp)` : null;
}

export interface NmPeer {
  /** `nmcli ARGS` against this NM (output; rejects on a non-zero exit). */
  nmcli(args: string[], timeoutMs?: number): Promise<string>;
  /** What NM logged (--debug: to stderr). */
  log(): string;
  stop(): Promise<void>;
}

export async function startNetworkManager(box: MmSandbox): Promise<NmPeer> {
  const dir = path.join(box.work, 'nm');
  await fs.mkdir(path.join(dir, 'connections'), { recursive: true });
  await fs.mkdir(path.join(dir, 'conf.d'), { recursive: true });
  const conf = path.join(dir, 'NetworkManager.conf');
  // keyfile only (no distro plugins), no DNS or resolv.conf changes, PolicyKit off: the callers are root
  await fs.writeFile(conf, ['[main]', 'plugins=keyfile', 'auth-polkit=false', 'dns=none', 'rc-manager=unmanaged', '[keyfile]', `path=${path.join(dir, 'connections')}`, '[logging]', 'level=DEBUG', 'domains=DEFAULT,MB:DEBUG,PPP:DEBUG,DEVICE:DEBUG', ''].join('\n'));
  const env = { ...process.env, DBUS_SYSTEM_BUS_ADDRESS: box.busAddress };
  const script = [
    'set -e',
    // NM keeps run-time state in /run/NetworkManager: a private tmpfs in this namespace
    'mkdir -p /run/NetworkManager',
    'mount -t tmpfs tmpfs /run/NetworkManager',
    `exec ${NM} --debug --config=${conf} --config-dir=${path.join(dir, 'conf.d')} --system-config-dir=${path.join(dir, 'conf.d')} --intern-config=${path.join(dir, 'intern.conf')} --state-file=${path.join(dir, 'state')} --pid-file=/run/NetworkManager/NetworkManager.pid`,
  ].join('\n');
  const child: ChildProcess = spawn('/usr/bin/nsenter', ['-t', String(box.nsPid), '-m', '--', '/usr/bin/unshare', '-n', '/bin/sh', '-c', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (d: Buffer) => (log = (log + d.toString()).slice(-200_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const nmcli = async (args: string[], timeoutMs = 30_000) => (await run('/usr/bin/nmcli', args, { env, timeout: timeoutMs })).stdout;
  // up once it answers on the bus
  const end = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`NetworkManager exited ${child.exitCode}: ${log.slice(-2000)}`);
    if (await nmcli(['-t', 'general', 'status'], 3000).then(() => true, () => false)) break;
    if (Date.now() > end) throw new Error(`NetworkManager did not answer in 20 s: ${log.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    nmcli,
    log: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => (clearTimeout(t), resolve()));
        child.kill('SIGTERM');
      });
    },
  };
}
