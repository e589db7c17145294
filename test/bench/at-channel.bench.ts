// Issue 3 benches. at.*: AT round trips through our channel against a responder on a
// socat pty, and raw serialport round trips on the same pty in the same run (the ratio is
// the channel's overhead). probe.three_ports_ms: probing the virtual EC-series stick's
// modem, diagnostics and PCUI ports to "control and data port chosen" (median of 10).
// at.framer_fuzz_cases_per_s: random byte streams with random splits through the framer.
import fc from 'fast-check';
import { SerialPort } from 'serialport';
import { openAtChannel } from '../../hardware/at/at-channel';
import { LineFramer } from '../../hardware/at/line-framer';
import { probeUntilChosen } from '../../hardware/probe/port-prober';
import { createPtyPair } from '../../hardware/serial/pty-pair';
import { serialportOpener } from '../../hardware/serial/serialport-link';
import { createInProcessMultiPortModem } from '../../hardware/virtual/in-process';
import type { Figures } from './run';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function ptyRates(n: number): Promise<{ channel: number; raw: number }> {
  const pair = await createPtyPair();
  const device = new SerialPort({ path: pair.b, baudRate: 115200, autoOpen: false, lock: false });
  await new Promise<void>((r, j) => device.open((e) => (e ? j(e) : r())));
  let pending = '';
  device.on('data', (d: Buffer) => {
    pending += d.toString('latin1');
    let i: number;
    while ((i = pending.indexOf('\r')) >= 0) {
      pending = pending.slice(i + 1);
      device.write('\r\nOK\r\n');
    }
  });
  // Raw serialport and the channel take turns on the same pty, in rounds, so that the
  // machine's load drifting during the run (a shared 2-core box) falls on both alike.
  const rounds = 4;
  let rawMs = 0;
  let chMs = 0;
  for (let round = 0; round < rounds; round++) {
    // Raw: serialport alone, write "AT\r", wait for "OK\r\n".
    const raw = new SerialPort({ path: pair.a, baudRate: 115200, autoOpen: false, lock: false });
    await new Promise<void>((r, j) => raw.open((e) => (e ? j(e) : r())));
    let buf = '';
    let wake: (() => void) | null = null;
    raw.on('data', (c: Buffer) => {
      buf += c.toString('latin1');
      if (buf.endsWith('OK\r\n')) wake?.();
    });
    const t0 = performance.now();
    for (let i = 0; i < n / rounds; i++) {
      await new Promise<void>((res) => {
        buf = '';
        wake = res;
        raw.write('AT\r');
      });
    }
    rawMs += performance.now() - t0;
    await new Promise((r) => raw.close(r));
    // Channel: the same pty through serialport-link and the AT channel (framer, URC routing, transcript with redaction).
    const ch = await openAtChannel(await serialportOpener.open(pair.a), { init: [] });
    const t1 = performance.now();
    for (let i = 0; i < n / rounds; i++) await ch.send('AT');
    chMs += performance.now() - t1;
    await ch.close();
  }
  const rawRate = n / (rawMs / 1000);
  const chRate = n / (chMs / 1000);
  await new Promise((r) => device.close(r));
  await pair.close();
  return { channel: chRate, raw: rawRate };
}

async function probeMs(runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dev = createInProcessMultiPortModem({ radioStepMs: 0 });
    const t0 = performance.now();
    // The app's path (modem-watch): ready once control and data are known; the diagnostics
    // port, silent to AT, is still classified in the background.
    const early = probeUntilChosen(dev.opener, [dev.paths.modem, dev.paths.diag, dev.paths.pcui], { budgetMs: 3000 });
    if (!(await early.choice)) throw new Error('no control port chosen');
    times.push(performance.now() - t0);
    await early.all;
    await dev.controller.close();
  }
  return median(times);
}

function fuzzRate(cases: number): number {
  const t0 = performance.now();
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), fc.array(fc.nat(200), { maxLength: 8 }), (bytes, cuts) => {
      const f = new LineFramer();
      let prev = 0;
      for (const c of [...cuts.map((x) => x % (bytes.length + 1))].sort((a, b) => a - b)) {
        f.push(bytes.subarray(prev, c));
        prev = c;
      }
      f.push(bytes.subarray(prev));
    }),
    { numRuns: cases },
  );
  return cases / ((performance.now() - t0) / 1000);
}

export async function run(): Promise<Figures> {
  const n = Number(process.env.ASSA_BENCH_AT_N ?? 2000);
  const { channel, raw } = await ptyRates(n);
  const fuzzCases = Number(process.env.ASSA_BENCH_FUZZ ?? 1_000_000);
  return {
    'at.cmds_per_s': { value: channel, unit: 'AT commands/s through the channel on a pty' },
    'at.raw_pty_round_trips_per_s': { value: raw, unit: 'raw serialport round trips/s, same pty' },
    'at.ratio_to_raw': { value: channel / raw, unit: 'channel rate / raw rate' },
    'probe.three_ports_ms': { value: await probeMs(10), unit: 'ms to control+data port chosen (median of 10, 3 ports)' },
    'at.framer_fuzz_cases_per_s': { value: fuzzRate(fuzzCases), unit: `random stream+split cases/s (${fuzzCases} cases, no exception)` },
  };
}
