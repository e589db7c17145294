// The real ModemManager as a test peer (issue 16). Without udev, MM finds a tty's USB parent
// through /sys/class/tty/<name>, and a pty has none; so each sandbox is a private mount
// namespace (root, `unshare -m`) with a tmpfs /sys describing one USB stick (vendor/product,
// interfaces 1.0..1.n of class ff with driver `option`, a port with driver `option1` and a
// tty node in each) and a tmpfs /dev whose ttyUSBn are symlinks to the ptys of
// `assa sim --multi-port`. ModemManager runs inside it (`nsenter -m`) in --test-session mode on
// a private session D-Bus, with the ports given as initial kernel events (reporting them later
// needs PolicyKit). `assa diag` run with `inNamespace` sees the same tree.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface UsbStick {
  vendorId: string;
  productId: string;
  manufacturer: string;
  product: string;
}

export const HUAWEI_EC_STICK: UsbStick = { vendorId: '12d1', productId: '1411', manufacturer: 'HUAWEI Technology', product: 'HUAWEI Mobile' };
export const ZTE_AC_STICK: UsbStick = { vendorId: '19d2', productId: 'fff1', manufacturer: 'ZTE,Incorporated', product: 'ZTE CDMA Technologies MSM' };

const POLKITD = '/usr/lib/polkit-1/polkitd';
const TOOLS = ['/usr/sbin/ModemManager', '/usr/bin/mmcli', '/usr/bin/dbus-daemon', '/usr/bin/unshare', '/usr/bin/nsenter', '/usr/bin/socat'];

/** Why ModemManager cannot run here, or null when it can. */
export function modemManagerUnavailable(): string | null {
  if (process.platform !== 'linux') return 'ModemManager runs on Linux only';
  if (process.getuid?.() !== 0) return 'needs root (a private mount namespace with its own /sys and /dev)';
  const missing = TOOLS.filter((t) => !existsSync(t));
  if (missing.length) return `missing ${missing.join(', ')} (Debian packages modemmanager, dbus, util-linux, socat)`;
  return null;
}

/** Why MM's InhibitDevice (the one call that asks PolicyKit even in --test-session) cannot be tested here, or null. */
export function polkitUnavailable(): string | null {
  return existsSync(POLKITD) ? null : `no polkitd at ${POLKITD} (Debian package polkitd): ModemManager refuses InhibitDevice without PolicyKit`;
}

/** The sysfs tree and /dev of one stick, built inside the namespace by /bin/sh (paths are ours, never user input). */
function setupScript(work: string, stick: UsbStick, links: string[]): string {
  const usb = '/sys/devices/pci0000:00/0000:00:14.0/usb1/1-2';
  const lines = [
    'set -e',
    `mkdir -p ${work}/hostdev`,
    `mount --rbind /dev ${work}/hostdev`,
    'mount -t tmpfs tmpfs /sys',
    `mkdir -p /sys/bus/usb/drivers/option /sys/bus/usb/drivers/usb /sys/bus/usb-serial/drivers/option1 /sys/class/tty ${usb}`,
    `echo ${stick.vendorId} > ${usb}/idVendor`,
    `echo ${stick.productId} > ${usb}/idProduct`,
    `echo 0000 > ${usb}/bcdDevice`,
    `echo '${stick.manufacturer}' > ${usb}/manufacturer`,
    `echo '${stick.product}' > ${usb}/product`,
    `ln -s /sys/bus/usb ${usb}/subsystem`,
    `ln -s /sys/bus/usb/drivers/usb ${usb}/driver`,
  ];
  links.forEach((_l, i) => {
    const intf = `${usb}/1-2:1.${i}`;
    const port = `${intf}/ttyUSB${i}`;
    const tty = `${port}/tty/ttyUSB${i}`;
    lines.push(
      `mkdir -p ${tty}`,
      `echo ff > ${intf}/bInterfaceClass`,
      `echo ff > ${intf}/bInterfaceSubClass`,
      `echo ff > ${intf}/bInterfaceProtocol`,
      `echo 0${i} > ${intf}/bInterfaceNumber`,
      `ln -s /sys/bus/usb ${intf}/subsystem`,
      `ln -s /sys/bus/usb/drivers/option ${intf}/driver`,
      `ln -s /sys/bus/usb-serial ${port}/subsystem`,
      `ln -s /sys/bus/usb-serial/drivers/option1 ${port}/driver`,
      `ln -s /sys/class/tty ${tty}/subsystem`,
      `ln -s ${port} ${tty}/device`,
      `echo 188:${i} > ${tty}/dev`,
      `ln -s ${tty} /sys/class/tty/ttyUSB${i}`,
    );
  });
  // PolicyKit as on a desktop, for MM's Manager.InhibitDevice (the one call that asks it even
  // in --test-session): polkitd with its own rules directory, where root may control MM
  if (existsSync(POLKITD)) {
    lines.push(
      'mkdir -p /etc/polkit-1/rules.d',
      'mount -t tmpfs tmpfs /etc/polkit-1/rules.d',
      `printf '%s\\n' 'polkit.addRule(function (action, subject) {' '  if (action.id.indexOf("org.freedesktop.ModemManager1.") === 0 && subject.user === "root") return polkit.Result.YES;' '});' > /etc/polkit-1/rules.d/50-assa-test-modemmanager.rules`,
      'chmod 755 /etc/polkit-1/rules.d',
    );
  }
  lines.push('mount -t tmpfs tmpfs /dev');
  for (const n of ['null', 'zero', 'full', 'random', 'urandom', 'tty']) lines.push(`touch /dev/${n}`, `mount --bind ${work}/hostdev/${n} /dev/${n}`);
  lines.push('mkdir /dev/pts /dev/shm', `mount --bind ${work}/hostdev/pts /dev/pts`, 'ln -s pts/ptmx /dev/ptmx');
  links.forEach((l, i) => lines.push(`ln -s ${l} /dev/ttyUSB${i}`));
  return lines.join('\n');
}

export interface MmSandbox {
  work: string;
  /** PID of the process that holds the namespace open. */
  nsPid: number;
  /** The private session bus (DBUS_SESSION_BUS_ADDRESS). */
  busAddress: string;
  /** ttyUSBn names in the namespace, in the order of the links given. */
  ports: string[];
  /** Starts ModemManager with the ports as initial kernel events; resolves once it owns its bus name. */
  startModemManager(): Promise<void>;
  /** The time ModemManager was started (performance.now()), or null. */
  startedAt: number | null;
  stopModemManager(): Promise<void>;
  /** `mmcli --test-session ARGS` (output; rejects on a non-zero exit). */
  mmcli(args: string[], timeoutMs?: number): Promise<string>;
  /** `mmcli -m any -K` as key → value ("--" values left out). */
  modem(): Promise<Record<string, string>>;
  /** Polls `modem()` until `test` holds; rejects with the last state after timeoutMs. */
  waitForModem(test: (m: Record<string, string>) => boolean, timeoutMs?: number): Promise<Record<string, string>>;
  /** Runs a command in the namespace (same /sys and /dev as ModemManager). */
  inNamespace(cmd: string, args: string[], o?: { env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<{ stdout: string; stderr: string; code: number }>;
  /** ModemManager's log so far. */
  log(): Promise<string>;
  /** What polkitd printed (empty where it is not installed). */
  polkitLog(): string;
  close(): Promise<void>;
}

async function waitFor<T>(what: string, f: () => Promise<T | null>, timeoutMs: number, stepMs = 200): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await f().catch(() => null);
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

function stopChild(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export function parseMmcliKeyed(out: string): Record<string, string> {
  const res: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^(\S+)\s*:\s?(.*)$/.exec(line);
    if (m && m[2]!.trim() !== '--') res[m[1]!] = m[2]!.trim();
  }
  return res;
}

/** A namespace describing `stick` whose ports are `links` (host paths of pty symlinks, ttyUSB0 first). */
export async function startMmSandbox(stick: UsbStick, links: string[]): Promise<MmSandbox> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'assa-mm-'));
  const holder = spawn('/usr/bin/unshare', ['-m', '--propagation', 'private', '/bin/sh', '-c', `${setupScript(work, stick, links)}\necho ready\nexec sleep 86400`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let setupErr = '';
  holder.stderr!.on('data', (d: Buffer) => (setupErr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    holder.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    holder.once('exit', (code) => reject(new Error(`namespace setup failed (${code}): ${setupErr}`)));
  });
  const busPath = path.join(work, 'bus');
  const busAddress = `unix:path=${busPath}`;
  // a session-type bus that other users may join too: polkitd drops to its own user
  const busConf = path.join(work, 'bus.conf');
  await fs.writeFile(
    busConf,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>${busAddress}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`,
  );
  await fs.chmod(work, 0o755);
  const bus = spawn('/usr/bin/dbus-daemon', [`--config-file=${busConf}`, '--nofork'], { stdio: ['ignore', 'ignore', 'ignore'] });
  await waitFor('the session bus', async () => (existsSync(busPath) ? true : null), 5000, 20);
  // the private bus is the system bus too for MM and polkitd (polkit resolves callers on it)
  const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: busAddress, DBUS_SYSTEM_BUS_ADDRESS: busAddress };
  const polkit = existsSync(POLKITD) ? spawn('/usr/bin/nsenter', ['-t', String(holder.pid), '-m', '--', POLKITD, '--no-debug'], { env, stdio: ['ignore', 'ignore', 'pipe'] }) : null;
  let polkitErr = '';
  polkit?.stderr!.on('data', (d: Buffer) => (polkitErr = (polkitErr + d.toString()).slice(-4000)));
  const ports = links.map((_l, i) => `ttyUSB${i}`);
  const logFile = path.join(work, 'mm.log');
  let mm: ChildProcess | null = null;

  const mmcli = async (args: string[], timeoutMs = 30_000) => (await run('/usr/bin/mmcli', ['--test-session', ...args], { env, timeout: timeoutMs })).stdout;
  const modem = async () => parseMmcliKeyed(await mmcli(['-m', 'any', '-K']));
  const sandbox: MmSandbox = {
    work,
    nsPid: holder.pid!,
    busAddress,
    ports,
    startedAt: null,
    async startModemManager() {
      const events = path.join(work, 'events');
      await fs.writeFile(events, ports.map((p) => `action=add,subsystem=tty,name=${p}\n`).join(''));
      sandbox.startedAt = performance.now();
      mm = spawn(
        '/usr/bin/nsenter',
        ['-t', String(holder.pid), '-m', '--', '/usr/sbin/ModemManager', '--test-session', '--test-no-udev', '--test-no-suspend-resume', '--debug', '--no-auto-scan', `--initial-kernel-events=${events}`, '--log-level=DEBUG', `--log-file=${logFile}`],
        { env, stdio: ['ignore', 'ignore', 'ignore'] },
      );
      await waitFor('ModemManager on the bus', async () => ((await mmcli(['-L'], 5000)).length ? true : null), 15_000);
    },
    async stopModemManager() {
      await stopChild(mm);
      mm = null;
    },
    mmcli,
    modem,
    async waitForModem(test, timeoutMs = 90_000) {
      let last: Record<string, string> = {};
      try {
        return await waitFor(
          'the modem state',
          async () => {
            last = await modem();
            return test(last) ? last : null;
          },
          timeoutMs,
          500,
        );
      } catch {
        throw new Error(`ModemManager's modem never reached the expected state; last: ${JSON.stringify(last)}`);
      }
    },
    async inNamespace(cmd, args, o = {}) {
      return new Promise((resolve) => {
        const child = spawn('/usr/bin/nsenter', ['-t', String(holder.pid), '-m', '--', cmd, ...args], { env: o.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 60_000);
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve({ stdout, stderr, code: code ?? -1 });
        });
      });
    },
    log: () => fs.readFile(logFile, 'utf8').catch(() => ''),
    polkitLog: () => polkitErr,
    async close() {
      await stopChild(mm);
      await stopChild(polkit);
      await stopChild(bus);
      await stopChild(holder);
      await fs.rm(work, { recursive: true, force: true }).catch(() => undefined);
    },
  };
  return sandbox;
}
