// M-PORT-2: which of a stick's ports is the AT control port and which the data (PPP)
// port. All candidates are probed at once, each within its own time budget: a port that
// answers AT is "at"; one that answers with binary HDLC frames (0x7E) is the QCDM
// diagnostics port; one that says nothing is "silent"; one that will not open is "error".
// ModemManager's probing (20 × AT, 3 s) is the model, shortened: sticks answer in ms.
// A real diagnostics port is an HDLC receiver that says nothing to AT text; like MM, a port
// still silent after the first AT gets libqcdm's framed version request (7e 00 78 f0 7e),
// which a QCDM port answers with a frame and an AT port never sees as a command.
import { decapsulate, hostFrame, QcdmFramer } from '../qcdm/qcdm-framing';
import { VERSION_REQUEST } from '../qcdm/qcdm-packets';
import type { SerialOpener } from '../serial/serial-link';

const QCDM_VERSION_PROBE = hostFrame(VERSION_REQUEST);

export type PortRole = 'at' | 'qcdm' | 'silent' | 'error';

export interface ProbeResult {
  path: string;
  role: PortRole;
  /** A URC (^RSSI, ^BOOT, ...) came out of this port while probing: Huawei's PCUI does that. */
  urcSeen: boolean;
  ms: number;
  error: { code: string; message: string } | null;
}

export interface ProbeOptions {
  budgetMs?: number;
  attempts?: number;
  now?: () => number;
}

export async function probePort(opener: SerialOpener, path: string, opts: ProbeOptions = {}): Promise<ProbeResult> {
  const now = opts.now ?? (() => performance.now());
  const t0 = now();
  const budget = opts.budgetMs ?? 3000;
  const attempts = opts.attempts ?? 3;
  let link;
  try {
    link = await opener.open(path);
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return { path, role: 'error', urcSeen: false, ms: now() - t0, error: { code: err.code ?? 'port_open_failed', message: err.message ?? String(e) } };
  }
  let text = '';
  let binary = false;
  let urcSeen = false;
  let settle!: (role: PortRole) => void;
  const decided = new Promise<PortRole>((r) => (settle = r));
  const frames = new QcdmFramer();
  const off = link.onData((chunk) => {
    if (chunk.includes(0x7e) && chunk.some((b) => b < 0x09 || (b > 0x0d && b < 0x20) || b > 0x7e)) binary = true;
    if (frames.push(chunk).some((f) => decapsulate(f) !== null)) binary = true; // a whole frame with a good CRC, however the bytes were split
    text += chunk.toString('latin1');
    if (/(^|[\r\n])\^[A-Z]+:/.test(text)) urcSeen = true;
    if (/(^|[\r\n])OK\r?\n/.test(text) || /(^|[\r\n])OK\s*$/.test(text)) settle('at');
    else if (binary) settle('qcdm');
  });
  const offClose = link.onClose(() => settle('error'));
  const timers: NodeJS.Timeout[] = [];
  for (let i = 0; i < attempts; i++) {
    timers.push(setTimeout(() => void link.write('AT\r').catch(() => undefined), (budget / attempts) * i));
  }
  // after the first AT had its share of the budget (and only to a port that said nothing)
  timers.push(setTimeout(() => text === '' && void link.write(QCDM_VERSION_PROBE).catch(() => undefined), budget / attempts / 2));
  timers.push(setTimeout(() => settle(binary ? 'qcdm' : 'silent'), budget));
  const role = await decided;
  timers.forEach(clearTimeout);
  off();
  offClose();
  await link.close().catch(() => undefined);
  return { path, role, urcSeen, ms: now() - t0, error: role === 'error' ? { code: 'port_closed', message: 'The port closed while probing.' } : null };
}

export async function probePorts(opener: SerialOpener, paths: string[], opts: ProbeOptions = {}): Promise<ProbeResult[]> {
  return Promise.all(paths.map((p) => probePort(opener, p, opts)));
}

export interface PortChoice {
  controlPort: string;
  dataPort: string | null;
}

/**
 * One device's ports, in USB interface order → control and data port. Huawei and ZTE put
 * the modem (PPP) function first and the PCUI/control function after it (EC-series:
 * ttyUSB0 modem, ttyUSB1 diagnostics, ttyUSB2 PCUI): the port that sends URCs, else the
 * last AT port, is the control port; the first other AT port carries data.
 */
export function chooseControlAndData(results: ProbeResult[]): PortChoice | null {
  const at = results.filter((r) => r.role === 'at');
  if (at.length === 0) return null;
  const control = at.find((r) => r.urcSeen) ?? at[at.length - 1]!;
  const data = at.find((r) => r !== control) ?? null;
  return { controlPort: control.path, dataPort: data ? data.path : null };
}

/**
 * The choice as soon as the control and the data port are known (issue 15: a silent port
 * must not delay "ready" by its whole budget), from the results in so far (`done`, by path)
 * and the stick's ports in interface order: two AT ports answered (the one that sends
 * URCs, else the later one, is the control port; the other carries data), or every port
 * has finished (chooseControlAndData on all). The ports still being probed finish in the
 * background and only add to the diagnostics list.
 */
export function chooseEarly(order: string[], done: ReadonlyMap<string, ProbeResult>): PortChoice | null {
  const at = order.filter((p) => done.get(p)?.role === 'at').map((p) => done.get(p)!);
  if (at.length >= 2) return chooseControlAndData(at);
  if (order.every((p) => done.has(p))) return chooseControlAndData(order.map((p) => done.get(p)!));
  return null;
}

export interface EarlyProbe {
  /** Resolves with the choice as soon as it is final (null when no port answered AT). */
  choice: Promise<PortChoice | null>;
  /** Resolves when every port has been classified. */
  all: Promise<ProbeResult[]>;
  /** The results in so far. */
  sofar(): ProbeResult[];
}

/** All ports probed at once; the control/data choice reported as soon as it is final (M-PORT-2). */
export function probeUntilChosen(opener: SerialOpener, paths: string[], opts: ProbeOptions = {}): EarlyProbe {
  const done = new Map<string, ProbeResult>();
  let decided = false;
  let resolveChoice!: (c: PortChoice | null) => void;
  const choice = new Promise<PortChoice | null>((r) => (resolveChoice = r));
  const settle = () => {
    if (decided) return;
    const c = chooseEarly(paths, done);
    if (c || done.size === paths.length) {
      decided = true;
      resolveChoice(c);
    }
  };
  const all = Promise.all(
    paths.map(async (p) => {
      const r = await probePort(opener, p, opts);
      done.set(p, r);
      settle();
      return r;
    }),
  );
  if (paths.length === 0) resolveChoice(null);
  return { choice, all, sofar: () => paths.filter((p) => done.has(p)).map((p) => done.get(p)!) };
}
