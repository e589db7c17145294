// D-TRAF-1/2 on a real interface the test makes: the traffic service meters a session
// on a veth pair (its far end in a network namespace) from the kernel's counters while
// real UDP datagrams cross it, and the local history keeps the session's totals.
import dgram from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/app/clock';
import { EventBus } from '../../../src/app/event-bus';
import { HistoryDb } from '../../../src/app/history/history-db';
import { sysfsCounterReader } from '../../../src/app/traffic/iface-counters';
import { TrafficService } from '../../../src/app/traffic/traffic-service';
import type { AppEvent } from '../../../src/shared/app-contract';
import { createVethPair, vethAvailable, type VethPair } from '../../support/veth-pair';

async function sendUdp(to: string, datagrams: number, size: number): Promise<void> {
  const s = dgram.createSocket('udp4');
  const payload = Buffer.alloc(size, 0x5a);
  for (let i = 0; i < datagrams; i++) await new Promise<void>((r, j) => s.send(payload, 9, to, (e) => (e ? j(e) : r())));
  s.close();
}

describe.skipIf(!vethAvailable)('D-TRAF-1 traffic service on a veth interface (needs root + iproute2)', () => {
  let veth: VethPair;
  let dir: string;
  beforeAll(() => {
    veth = createVethPair();
    dir = mkdtempSync(path.join(os.tmpdir(), 'assa-veth-'));
  });
  afterAll(() => {
    veth?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts real bytes sent through the interface into the live meter and the stored session', async () => {
    const history = new HistoryDb(path.join(dir, 'history.db'));
    const bus = new EventBus();
    const samples: AppEvent[] = [];
    bus.subscribe((e) => e.type === 'traffic.sample' && samples.push(e));
    const traffic = new TrafficService({ history, bus, clock: systemClock, readCounters: sysfsCounterReader(), limits: () => [] });
    traffic.start({ number: '441234567', modem: 'test', virtual: false, iface: veth.hostIface, localIp: veth.hostIp });
    // The first reading (made by start) is the baseline; make sure it has been taken.
    await new Promise((r) => setTimeout(r, 50));
    await traffic.sample();
    await sendUdp(veth.peerIp, 200, 1000);
    const snap = await traffic.sample();
    // 200 datagrams of 1000 bytes payload leave through the veth (plus UDP/IP/Ethernet headers).
    expect(snap!.os!.txBytes).toBeGreaterThanOrEqual(200 * 1000);
    expect(snap!.primary).toBe('os');
    const ended = traffic.end('user');
    expect(ended!.txBytes).toBeGreaterThanOrEqual(200_000);
    const stored = history.sessions(new Date(Date.now() - 60_000), new Date(Date.now() + 60_000));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ iface: veth.hostIface, number: '441234567', endReason: 'user' });
    expect(stored[0]!.txBytes).toBeGreaterThanOrEqual(200_000);
    expect(samples.length).toBeGreaterThan(0);
    history.close();
  });
});
