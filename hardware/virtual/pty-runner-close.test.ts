// The tty-close watch must not mistake this very process for "nobody": the app runs the
// pty modem inside its own process and opens the tty there with serialport.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { describe, expect, it } from 'vitest';
import { startPtyModem } from './pty-runner';
import { RawAtClient } from './raw-client';
import type { SerialLink } from '../serial/serial-link';

function serialLink(port: SerialPort): SerialLink {
  return {
    path: port.path,
    get isOpen() {
      return port.isOpen;
    },
    write: (d) => new Promise((res, rej) => port.write(Buffer.from(d), (e) => (e ? rej(e) : res()))),
    onData: (l) => (port.on('data', l), () => port.off('data', l)),
    onClose: () => () => undefined,
    close: () => new Promise((res) => port.close(() => res())),
  };
}

describe('V-6 pty runner: tty close watch', () => {
  it('keeps the data session while this process holds the tty, ends it when the tty is closed', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'assa-pty-'));
    const sim = await startPtyModem({ link: path.join(dir, 'tty'), radioStepMs: 0, watchCloseMs: 50 });
    try {
      const port = new SerialPort({ path: sim.paths.modem, baudRate: 115200, autoOpen: false });
      await new Promise<void>((res, rej) => port.open((e) => (e ? rej(e) : res())));
      const link = serialLink(port);
      const at = new RawAtClient(link);
      await at.cmd('ATE0');
      expect(await at.cmd('ATD#777')).toBe('\r\nCONNECT\r\n');
      await new Promise((r) => setTimeout(r, 400)); // several watch rounds
      expect(sim.modem.session).not.toBeNull();
      await link.close();
      const stop = await sim.controller.waitFor('session-stop', () => true, 5000);
      expect(stop.cause).toBe('User-Request');
    } finally {
      await sim.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
