// A SerialLink wrapper that misbehaves on command, for tests of everything above the
// port: pull the stick now, drop bytes, hold them back, or mix in garbage — the faults
// real sticks and cheap USB hubs produce (ARCHITECTURE.md: hardware/serial).
import type { SerialCloseReason, SerialLink } from './serial-link';

export class FaultInjectingLink implements SerialLink {
  private readonly dataListeners = new Set<(c: Buffer) => void>();
  private readonly closeListeners = new Set<(r: SerialCloseReason) => void>();
  private ended: SerialCloseReason | null = null;
  private dropNext = 0;
  private delayMs = 0;
  private readonly offs: Array<() => void>;

  constructor(private readonly inner: SerialLink) {
    this.offs = [
      inner.onData((chunk) => this.deliver(chunk)),
      inner.onClose((r) => this.end(r)),
    ];
  }

  get path(): string {
    return this.inner.path;
  }
  get isOpen(): boolean {
    return this.ended === null && this.inner.isOpen;
  }

  /** The device vanishes: the link closes as "unplugged", writes fail from now on. */
  unplugNow(message = 'the device was pulled out (fault injection)'): void {
    this.end({ kind: 'unplugged', message });
    void this.inner.close().catch(() => undefined);
  }
  /** Lose the next n bytes coming from the device. */
  dropBytes(n: number): void {
    this.dropNext += n;
  }
  /** Stop losing bytes. */
  stopDropping(): void {
    this.dropNext = 0;
  }
  /** Hold every chunk from the device back this long. */
  delay(ms: number): void {
    this.delayMs = ms;
  }
  /** Bytes that never came from the device, delivered now. */
  injectGarbage(bytes: Uint8Array | string): void {
    this.emit(Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes));
  }

  write(data: Uint8Array | string): Promise<void> {
    if (this.ended) return Promise.reject(Object.assign(new Error('EIO: the port is gone'), { code: 'EIO' }));
    return this.inner.write(data);
  }
  onData(listener: (chunk: Buffer) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }
  onClose(listener: (reason: SerialCloseReason) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }
  async close(): Promise<void> {
    if (this.ended) return;
    await this.inner.close();
    this.end({ kind: 'closed' });
  }

  private deliver(chunk: Buffer): void {
    let c = chunk;
    if (this.dropNext > 0) {
      const n = Math.min(this.dropNext, c.length);
      this.dropNext -= n;
      c = c.subarray(n);
      if (c.length === 0) return;
    }
    if (this.delayMs > 0) setTimeout(() => this.emit(c), this.delayMs);
    else this.emit(c);
  }
  private emit(c: Buffer): void {
    if (this.ended) return;
    for (const l of [...this.dataListeners]) l(c);
  }
  private end(r: SerialCloseReason): void {
    if (this.ended) return;
    this.ended = r;
    for (const off of this.offs) off();
    for (const l of [...this.closeListeners]) l(r);
  }
}
