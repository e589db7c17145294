// hardware/serial over node-serialport: real ttys (/dev/ttyUSB*, COMn) and pseudo-
// terminals. Opening errors are classified (open-error.ts); a device that vanishes
// (EIO/ENXIO on read, serialport's disconnect) closes the link as "unplugged".
import { SerialPort } from 'serialport';
import type { SerialCloseReason, SerialLink, SerialOpener, SerialOpenOptions } from './serial-link';
import { classifyOpenError } from './open-error';

class SerialportLink implements SerialLink {
  private readonly dataListeners = new Set<(c: Buffer) => void>();
  private readonly closeListeners = new Set<(r: SerialCloseReason) => void>();
  private ended: SerialCloseReason | null = null;
  private closing = false;

  constructor(private readonly port: SerialPort) {
    port.on('data', (c: Buffer) => {
      for (const l of [...this.dataListeners]) l(c);
    });
    port.on('close', (err?: Error & { disconnected?: boolean }) => {
      this.end(this.closing ? { kind: 'closed' } : { kind: 'unplugged', message: err?.message ?? 'the port closed' });
    });
    port.on('error', (err: Error) => {
      // Read errors after a USB unplug (EIO/ENXIO/EBADF): the device is gone.
      const gone = /EIO|ENXIO|EBADF|ENODEV|disconnected|Input\/output/i.test(`${(err as { code?: string }).code ?? ''} ${err.message}`);
      this.end(gone ? { kind: 'unplugged', message: err.message } : { kind: 'error', message: err.message });
      if (port.isOpen) port.close(() => undefined);
    });
  }

  get path(): string {
    return this.port.path;
  }
  get isOpen(): boolean {
    return this.ended === null && this.port.isOpen;
  }

  write(data: Uint8Array | string): Promise<void> {
    if (!this.isOpen) return Promise.reject(classifyOpenError(this.path, new Error('ENODEV port is not open')));
    // Resolves once the bytes are handed to the OS (the write callback). No drain (tcdrain):
    // waiting until the UART has shifted them out costs a thread-pool round trip per command
    // and tells the AT channel nothing — the answer is what it waits for.
    return new Promise((resolve, reject) => {
      this.port.write(typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data), (err) => (err ? reject(err) : resolve()));
    });
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onClose(listener: (reason: SerialCloseReason) => void): () => void {
    if (this.ended) {
      const r = this.ended;
      queueMicrotask(() => listener(r));
      return () => undefined;
    }
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.ended) return;
    this.closing = true;
    await new Promise<void>((resolve) => (this.port.isOpen ? this.port.close(() => resolve()) : resolve()));
    this.end({ kind: 'closed' });
  }

  private end(reason: SerialCloseReason): void {
    if (this.ended) return;
    this.ended = reason;
    for (const l of [...this.closeListeners]) l(reason);
    this.closeListeners.clear();
  }
}

export const serialportOpener: SerialOpener = {
  async open(path: string, opts: SerialOpenOptions = {}): Promise<SerialLink> {
    const port = new SerialPort({ path, baudRate: opts.baudRate ?? 115200, autoOpen: false, lock: true });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(classifyOpenError(path, err)) : resolve())));
    return new SerialportLink(port);
  },
};

/** The link over a port already open (the at.* bench times raw writes and the channel on one port). */
export function linkOverPort(port: SerialPort): SerialLink {
  return new SerialportLink(port);
}
