// D-TRAF-1 cost: the traffic service sampling at 1 Hz for ASSA_BENCH_TRAFFIC_S seconds
// (default 600, the 10 minutes) on the loopback interface with modem flow reports
// arriving, in real time. Figures: CPU used by the process over the run as a percentage
// of one core, and how much the resident set grew from after warm-up to the end.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../../src/app/clock';
import { EventBus } from '../../src/app/event-bus';
import { HistoryDb } from '../../src/app/history/history-db';
import { sysfsCounterReader } from '../../src/app/traffic/iface-counters';
import { TrafficService } from '../../src/app/traffic/traffic-service';
import type { Figures } from './run';

export async function run(): Promise<Figures> {
  const seconds = Number(process.env.ASSA_BENCH_TRAFFIC_S ?? 600);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-bench-traffic-'));
  const history = new HistoryDb(path.join(dir, 'history.db'));
  const bus = new EventBus();
  let samples = 0;
  bus.subscribe((e) => e.type === 'traffic.sample' && samples++);
  const traffic = new TrafficService({ history, bus, clock: systemClock, readCounters: sysfsCounterReader(), limits: () => [] });
  traffic.start({ number: '441234567', modem: 'bench', virtual: true, iface: 'lo', localIp: '127.0.0.1' });
  let rx = 0;
  const flow = setInterval(() => traffic.reportModemFlow({ rxBytes: (rx += 40_000), txBytes: rx / 10 }), 2000);
  await new Promise((r) => setTimeout(r, 5000)); // warm-up: JIT, first minute row
  const rss0 = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const cpu = process.cpuUsage(cpu0);
  const wallMs = performance.now() - t0;
  const rss1 = process.memoryUsage().rss;
  clearInterval(flow);
  traffic.end('bench');
  history.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`  ${samples} samples in ${(wallMs / 1000).toFixed(0)} s; rss ${(rss0 / 2 ** 20).toFixed(1)} → ${(rss1 / 2 ** 20).toFixed(1)} MiB`);
  return {
    'traffic.sampling_cpu_pct': { value: ((cpu.user + cpu.system) / 1000 / wallMs) * 100, unit: `% of one core at 1 Hz over ${seconds} s` },
    'traffic.rss_drift_pct': { value: ((rss1 - rss0) / rss0) * 100, unit: `% RSS change over ${seconds} s` },
  };
}
