// D-TRAF-1/2 on real parts: the OS counters of a real interface (loopback) while real
// bytes go through it, and the session with its per-minute series in a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryDb } from '../../../src/app/history/history-db';
import { sysfsCounterReader } from '../../../src/app/traffic/iface-counters';
import { SessionRecorder } from '../../../src/app/traffic/session-recorder';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const dbFile = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'assa-history-'));
  dirs.push(d);
  return path.join(d, 'history.db');
};

/** Sends `bytes` through the loopback interface over a real TCP connection. */
async function pushThroughLoopback(bytes: number): Promise<void> {
  const server = net.createServer((s) => s.resume());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve, reject) => {
    const c = net.connect(port, '127.0.0.1', () => c.end(Buffer.alloc(bytes, 0x61)));
    c.on('close', () => resolve());
    c.on('error', reject);
  });
  await new Promise((r) => server.close(r));
}

describe('D-TRAF-1 OS interface counters on a real interface', () => {
  it('sees real bytes sent through loopback', async () => {
    const read = sysfsCounterReader();
    const before = await read('lo');
    expect(before).not.toBeNull();
    await pushThroughLoopback(3_000_000);
    const after = await read('lo');
    expect(after!.rxBytes - before!.rxBytes).toBeGreaterThanOrEqual(3_000_000);
    expect(after!.txBytes - before!.txBytes).toBeGreaterThanOrEqual(3_000_000);
  });

  it('reads a missing interface (link gone) as null, and refuses path tricks', async () => {
    const read = sysfsCounterReader();
    expect(await read('ppp97')).toBeNull();
    expect(await read('../../etc')).toBeNull();
  });
});

describe('D-TRAF-2 local history in SQLite', () => {
  it('stores a metered session with its per-minute series and Kyiv daily/monthly totals', async () => {
    const file = dbFile();
    const history = new HistoryDb(file);
    const read = sysfsCounterReader();
    // 23:59:58 Kyiv on 30 Nov (21:59:58 UTC): the session crosses into 1 Dec, Kyiv time.
    const t0 = Date.parse('2026-11-30T21:59:58Z');
    const rec = new SessionRecorder(history, t0, { number: '441234567', modem: 'huawei EC1260', virtual: false, iface: 'lo', localIp: '127.0.0.1' });
    rec.add({ at: t0, os: await read('lo') });
    await pushThroughLoopback(1_000_000);
    rec.add({ at: t0 + 1000, os: await read('lo') });
    await pushThroughLoopback(2_000_000);
    const snap = rec.add({ at: t0 + 3000, os: await read('lo') });
    rec.end(t0 + 3000, 'user');
    history.close();

    const again = new HistoryDb(file);
    const s = again.session(rec.id)!;
    expect(s.endReason).toBe('user');
    expect(s.rxBytes).toBe(snap.rxBytes);
    expect(s.rxBytes).toBeGreaterThanOrEqual(3_000_000);
    const minutes = again.minutes(rec.id);
    expect(minutes.map((m) => m.minute)).toEqual(['2026-11-30T21:59:00.000Z', '2026-11-30T22:00:00.000Z']);
    expect(minutes.reduce((a, m) => a + m.rxBytes, 0)).toBe(s.rxBytes);
    expect(again.dailyTotals('2026-11').map((d) => d.period)).toEqual(['2026-11-30']);
    expect(again.dailyTotals('2026-12').map((d) => d.period)).toEqual(['2026-12-01']);
    expect(again.monthlyTotals('2026').map((m) => m.period)).toEqual(['2026-11', '2026-12']);
    const total = again.totalFor('2026-12');
    expect(total.seconds).toBe(2);
    again.close();
  });

  it('closes a session a crash left open at its last recorded minute', () => {
    const file = dbFile();
    const h = new HistoryDb(file);
    const t0 = Date.parse('2026-11-24T10:00:10Z');
    const rec = new SessionRecorder(h, t0, { number: null, modem: null, virtual: true, iface: null, localIp: null });
    rec.add({ at: t0 + 61_000, modem: { rxBytes: 10, txBytes: 5 } });
    h.close();
    const after = new HistoryDb(file);
    expect(after.closeDangling()).toBe(1);
    expect(after.session(rec.id)).toMatchObject({ endReason: 'app_stopped', endedAt: '2026-11-24T10:01:59.000Z', rxBytes: 10 });
    after.close();
  });
});
