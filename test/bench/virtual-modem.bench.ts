// Virtual modem speed (APP.md V-6): AT round trips ("AT" -> "OK") per second, in-process
// and through `assa sim`'s socat pty opened with node-serialport, echo off. Figures:
// virtual.inprocess_round_trips_per_s, virtual.pty_round_trips_per_s.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { createInProcessModem } from '../../hardware/virtual/in-process';
import { startPtyModem } from '../../hardware/virtual/pty-runner';
import { RawAtClient } from '../../hardware/virtual/raw-client';
import type { Figures } from './run';

async function inProcess(n: number): Promise<number> {
  const m = await createInProcessModem({ radioStepMs: 0 });
  const at = new RawAtClient(m.link);
  await at.cmd('ATE0');
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await at.cmd('AT');
  const s = (performance.now() - t0) / 1000;
  await m.controller.close();
  return n / s;
}

async function overPty(n: number): Promise<number> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'assa-bench-sim-'));
  const sim = await startPtyModem({ link: path.join(dir, 'tty'), radioStepMs: 0 });
  const port = new SerialPort({ path: sim.paths.modem, baudRate: 115200, autoOpen: false });
  await new Promise<void>((res, rej) => port.open((e) => (e ? rej(e) : res())));
  let buf = '';
  let wake: (() => void) | null = null;
  port.on('data', (c: Buffer) => {
    buf += c.toString('latin1');
    if (buf.endsWith('OK\r\n')) wake?.();
  });
  const roundTrip = (cmd: string) =>
    new Promise<void>((res) => {
      buf = '';
      wake = res;
      port.write(`${cmd}\r`);
    });
  await roundTrip('ATE0');
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await roundTrip('AT');
  const s = (performance.now() - t0) / 1000;
  await new Promise<void>((res) => port.close(() => res()));
  await sim.close();
  await fs.rm(dir, { recursive: true, force: true });
  return n / s;
}

export async function run(): Promise<Figures> {
  const n = Number(process.env.ASSA_BENCH_VIRTUAL_N ?? 2000);
  return {
    'virtual.inprocess_round_trips_per_s': { value: await inProcess(n), unit: 'round trips/s' },
    'virtual.pty_round_trips_per_s': { value: await overPty(n), unit: 'round trips/s' },
  };
}
