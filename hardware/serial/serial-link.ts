// The one port interface of hardware/serial (ARCHITECTURE.md: node-serialport's
// bindings-interface is the model). The AT channel, the prober and the virtual modem's
// in-process end all speak this; implementations: serialport (real tty and pty), the
// in-process virtual modem, and the fault-injecting wrapper used by tests.

export type SerialCloseReason =
  | { kind: 'closed' } // we closed it
  | { kind: 'unplugged'; message: string } // the device vanished (EIO, ENXIO, disconnect)
  | { kind: 'error'; message: string };

export interface SerialLink {
  readonly path: string;
  readonly isOpen: boolean;
  write(data: Uint8Array | string): Promise<void>;
  /** Raw bytes as they arrive; returns an unsubscribe function. */
  onData(listener: (chunk: Buffer) => void): () => void;
  /** Fires once when the link ends for any reason. */
  onClose(listener: (reason: SerialCloseReason) => void): () => void;
  close(): Promise<void>;
}

export interface SerialOpenOptions {
  baudRate?: number;
}

export interface SerialOpener {
  open(path: string, opts?: SerialOpenOptions): Promise<SerialLink>;
}
