// A minimal raw AT client for tests and benches of the virtual modem: writes a line and
// collects the exact bytes until a final result code, so answers can be compared byte
// for byte. Deliberately not the app's AT channel (hardware/at), which it must not use.
import type { SerialLink } from '../serial/serial-link';

const FINAL = /(\r\n(OK|ERROR|COMMAND NOT SUPPORT|NO CARRIER|BUSY|NO ANSWER|NO DIALTONE|CONNECT[^\r\n]*|\+CM[ES] ERROR:[^\r\n]*)\r\n|\r\n> |(^|[\r\n])[0-9]\r|(^|\r)\+CM[ES] ERROR:[^\r\n]*\r\n)$/;

export class RawAtClient {
  private buf = '';
  private waiters: { test: (s: string) => boolean; resolve: (s: string) => void }[] = [];

  constructor(
    private readonly link: SerialLink,
    /** Budget of cmd/raw/until when the caller gives none (raise it for separate processes on a busy machine). */
    private readonly defaultTimeoutMs = 3000,
  ) {
    link.onData((chunk) => {
      this.buf += chunk.toString('latin1');
      this.check();
    });
  }

  private check(): void {
    for (const w of [...this.waiters]) {
      if (w.test(this.buf)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        const out = this.buf;
        this.buf = '';
        w.resolve(out);
      }
    }
  }

  /** Lets bytes already on their way arrive (the in-process link delivers on setImmediate), then takes them. */
  async flush(): Promise<string> {
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
    return this.take();
  }

  /** Everything received and not yet taken. */
  take(): string {
    const s = this.buf;
    this.buf = '';
    return s;
  }

  /** Resolves with all bytes received (from the last take) once `test` holds; rejects after timeoutMs. */
  until(test: (s: string) => boolean, timeoutMs = this.defaultTimeoutMs): Promise<string> {
    return new Promise((resolve, reject) => {
      const w = { test, resolve: (s: string) => (clearTimeout(timer), resolve(s)) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        reject(new Error(`timed out; got ${JSON.stringify(this.buf)}`));
      }, timeoutMs);
      this.waiters.push(w);
      this.check();
    });
  }

  /** Sends `line` + CR and returns the bytes up to and including the final result. */
  async cmd(line: string, timeoutMs = this.defaultTimeoutMs): Promise<string> {
    this.take();
    await this.link.write(`${line}\r`);
    return this.until((s) => FINAL.test(s), timeoutMs);
  }

  /** Sends raw bytes (SMS text + Ctrl-Z, +++) and waits for a final result. */
  async raw(bytes: string | Uint8Array, timeoutMs = this.defaultTimeoutMs): Promise<string> {
    this.take();
    await this.link.write(bytes);
    return this.until((s) => FINAL.test(s), timeoutMs);
  }
}
