// D-TRAF-1, the OS side: byte counters of a network interface. On Linux they are the
// kernel's own numbers in /sys/class/net/IFACE/statistics, the same ones `ip -s link`
// shows; a missing interface (the link went down) reads as null, not as an error.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface IfaceCounters {
  rxBytes: number;
  txBytes: number;
}

export type IfaceCounterReader = (iface: string) => Promise<IfaceCounters | null>;

const IFACE_NAME = /^[A-Za-z0-9_.:-]{1,15}$/; // IFNAMSIZ-1; no path tricks

export function sysfsCounterReader(sysClassNet = '/sys/class/net'): IfaceCounterReader {
  return async (iface) => {
    if (!IFACE_NAME.test(iface)) return null;
    const dir = path.join(sysClassNet, iface, 'statistics');
    try {
      const [rx, tx] = await Promise.all([readFile(path.join(dir, 'rx_bytes'), 'utf8'), readFile(path.join(dir, 'tx_bytes'), 'utf8')]);
      const rxBytes = Number.parseInt(rx, 10);
      const txBytes = Number.parseInt(tx, 10);
      return Number.isFinite(rxBytes) && Number.isFinite(txBytes) ? { rxBytes, txBytes } : null;
    } catch {
      return null;
    }
  };
}
