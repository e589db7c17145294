// The virtual modem in-process (APP.md V-6): the app's serial layer gets a SerialLink
// (hardware/serial/serial-link.ts) whose other end is the device. Bytes cross on
// setImmediate, so answers arrive asynchronously as they do from a tty. A multi-port
// device (modem + PCUI + QCDM-like diagnostics + silent port) is served by an opener.
import { CodedError } from '../../src/shared/errors';
import type { SerialCloseReason, SerialLink, SerialOpener } from '../serial/serial-link';
import { VirtualModemController } from './controller';
import type { AtPort, PortRole } from './device/at-port';
import { VirtualModem, type VirtualModemOptions } from './modem';

class InProcessLink implements SerialLink {
  private open = true;
  private readonly dataListeners = new Set<(chunk: Buffer) => void>();
  private readonly closeListeners = new Set<(reason: SerialCloseReason) => void>();
  private readonly offModem: () => void;

  constructor(
    readonly path: string,
    private readonly port: AtPort,
    private readonly onEnd: () => void,
  ) {
    port.attach((bytes) => {
      const copy = Buffer.from(bytes);
      setImmediate(() => {
        if (this.open) for (const l of [...this.dataListeners]) l(copy);
      });
    });
    this.offModem = port.modem.onEvent((e) => {
      if (e.type === 'unplug') this.end({ kind: 'unplugged', message: `${path}: the device was unplugged` });
    });
  }

  get isOpen(): boolean {
    return this.open;
  }

  write(data: Uint8Array | string): Promise<void> {
    if (!this.open) return Promise.reject(new CodedError('port_closed', `${this.path} is not open`));
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data); // as node-serialport encodes strings
    setImmediate(() => {
      if (this.open) this.port.input(buf);
    });
    return Promise.resolve();
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onClose(listener: (reason: SerialCloseReason) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  private end(reason: SerialCloseReason): void {
    if (!this.open) return;
    this.open = false;
    this.offModem();
    if (reason.kind === 'closed') this.port.detach();
    this.onEnd();
    const listeners = [...this.closeListeners];
    setImmediate(() => {
      for (const l of listeners) l(reason);
    });
  }

  close(): Promise<void> {
    this.end({ kind: 'closed' });
    return Promise.resolve();
  }
}

export interface VirtualPortSpec {
  path: string;
  role: PortRole;
}

/** Opens the virtual modem's ports by path, like a SerialOpener over real ttys. One open link per port. */
export class VirtualOpener implements SerialOpener {
  private readonly byPath = new Map<string, AtPort>();
  private readonly busy = new Set<string>();

  constructor(readonly modem: VirtualModem, specs: VirtualPortSpec[]) {
    for (const s of specs) this.byPath.set(s.path, modem.addPort(s.path, s.role));
  }

  get paths(): string[] {
    return [...this.byPath.keys()];
  }

  open(path: string): Promise<SerialLink> {
    const port = this.byPath.get(path);
    if (!port || this.modem.unplugged) return Promise.reject(new CodedError('port_not_found', `${path}: no such port`));
    if (this.busy.has(path)) return Promise.reject(new CodedError('port_busy', `${path} is already open`));
    this.busy.add(path);
    return Promise.resolve(new InProcessLink(path, port, () => this.busy.delete(path)));
  }
}

export interface InProcessModem {
  /** The app's end of the modem port, already open. */
  link: SerialLink;
  /** Re-opens the port (after close or replug) by `path`. */
  opener: VirtualOpener;
  path: string;
  controller: VirtualModemController;
  modem: VirtualModem;
}

/** One AT port (the stick's modem port) for tests: `link` is open and ready for AT. */
export async function createInProcessModem(opts: VirtualModemOptions & { path?: string } = {}): Promise<InProcessModem> {
  const modem = new VirtualModem(opts);
  const path = opts.path ?? '/dev/virtual/ttyUSB0';
  const opener = new VirtualOpener(modem, [{ path, role: 'modem' }]);
  const link = await opener.open(path);
  return { link, opener, path, controller: new VirtualModemController(modem), modem };
}

export interface MultiPortModem {
  opener: VirtualOpener;
  /** ttyUSB0 modem (AT + data), ttyUSB1 QCDM-like diagnostics, ttyUSB2 PCUI (AT + URCs), ttyUSB3 silent. */
  paths: { modem: string; diag: string; pcui: string; silent?: string };
  controller: VirtualModemController;
  modem: VirtualModem;
}

/** The EC-series USB layout (modem, diagnostics, PCUI), plus an optional silent port, for the prober and its bench. */
export function createInProcessMultiPortModem(opts: VirtualModemOptions & { basePath?: string; silentPort?: boolean } = {}): MultiPortModem {
  const modem = new VirtualModem(opts);
  const base = opts.basePath ?? '/dev/virtual/ttyUSB';
  const paths = { modem: `${base}0`, diag: `${base}1`, pcui: `${base}2`, ...(opts.silentPort ? { silent: `${base}3` } : {}) };
  const specs: VirtualPortSpec[] = [
    { path: paths.modem, role: 'modem' },
    { path: paths.diag, role: 'diag' },
    { path: paths.pcui, role: 'pcui' },
  ];
  if (paths.silent) specs.push({ path: paths.silent, role: 'silent' });
  const opener = new VirtualOpener(modem, specs);
  return { opener, paths, controller: new VirtualModemController(modem), modem };
}
