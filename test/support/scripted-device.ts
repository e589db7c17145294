// A scripted modem on the far end of a real pty pair: reads command lines and answers
// with the bytes a test gives (real device strings), after a delay if asked. It opens its
// end with node-serialport too, so both sides use the real binding.
import { SerialPort } from 'serialport';
import { createPtyPair, type PtyPair } from '../../hardware/serial/pty-pair';

export type Script = (command: string) => { reply: string; delayMs?: number } | null;

export interface ScriptedDevice {
  /** The path the app opens. */
  path: string;
  pair: PtyPair;
  received: string[];
  /** Write raw bytes now (a URC, garbage). */
  emit(bytes: string): void;
  close(): Promise<void>;
}

export async function startScriptedDevice(script: Script): Promise<ScriptedDevice> {
  const pair = await createPtyPair();
  const port = new SerialPort({ path: pair.b, baudRate: 115200, lock: false, autoOpen: false });
  await new Promise<void>((r, j) => port.open((e) => (e ? j(e) : r())));
  port.on('error', () => undefined); // the pair's unplug kills this end too
  const received: string[] = [];
  let buf = '';
  let queue: Promise<void> = Promise.resolve();
  port.on('data', (d: Buffer) => {
    buf += d.toString('latin1');
    let i: number;
    while ((i = buf.indexOf('\r')) >= 0) {
      const cmd = buf.slice(0, i).trim();
      buf = buf.slice(i + 1);
      if (!cmd) continue;
      received.push(cmd);
      // Like a real modem, one command at a time, answered in the order received.
      queue = queue.then(async () => {
        const ans = script(cmd);
        if (!ans) return;
        if (ans.delayMs) await new Promise((r) => setTimeout(r, ans.delayMs));
        if (port.isOpen) port.write(Buffer.from(ans.reply, 'latin1'));
      });
    }
  });
  return {
    path: pair.a,
    pair,
    received,
    emit: (bytes) => void port.write(Buffer.from(bytes, 'latin1')),
    async close() {
      if (port.isOpen) await new Promise((r) => port.close(r));
      await pair.close();
    },
  };
}
