// M-PORT-3: hot-plug. The port list is read every second (sysfs is cheap; no udev
// needed); when it changes, the new stick's ports are probed and its control and data
// ports chosen (M-PORT-2); when the chosen control port leaves the list the modem is
// gone. So appearing and disappearing are both noticed within about one interval.
import type { SerialOpener } from '../serial/serial-link';
import { MODEM_VENDORS } from './known-devices';
import { probeUntilChosen, type ProbeResult } from './port-prober';
import type { ListedPort } from './sysfs-port-lister';

export interface WatchedModem {
  controlPort: string;
  dataPort: string | null;
  ports: ListedPort[];
  probe: ProbeResult[];
}

export interface ModemWatchOptions {
  list: () => ListedPort[] | Promise<ListedPort[]>;
  opener: SerialOpener;
  intervalMs?: number;
  budgetMs?: number;
}

export interface ModemWatch {
  stop(): void;
  /** Probe again now even if the list did not change (after usb_modeswitch, a failed probe). */
  rescan(): Promise<void>;
  ports(): ListedPort[];
  lastProbe(): ProbeResult[];
}

/** Ports of one USB device together, candidate modems first (known vendors). */
function candidateGroups(ports: ListedPort[]): ListedPort[][] {
  const groups = new Map<string, ListedPort[]>();
  for (const p of ports) {
    const key = p.usbDevice ?? p.path;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const byInterface = (a: ListedPort, b: ListedPort) => (a.interfaceNumber ?? 0) - (b.interfaceNumber ?? 0) || a.path.localeCompare(b.path, 'en', { numeric: true });
  const known = (g: ListedPort[]) => g.some((p) => p.knownAs !== null || (p.vendorId !== null && MODEM_VENDORS.has(p.vendorId)));
  return [...groups.values()].map((g) => g.sort(byInterface)).sort((a, b) => Number(known(b)) - Number(known(a)));
}

export function watchModems(opts: ModemWatchOptions, listener: (m: WatchedModem | null) => void): ModemWatch {
  let current: WatchedModem | null = null;
  let listed: ListedPort[] = [];
  let lastKey: string | null = null;
  let probe: ProbeResult[] = [];
  let busy: Promise<void> | null = null;
  let stopped = false;

  const tick = async (force: boolean): Promise<void> => {
    const ports = await opts.list();
    if (stopped) return;
    listed = ports;
    const key = ports.map((p) => p.path).sort().join('|');
    if (current && !ports.some((p) => p.path === current!.controlPort)) {
      current = null;
      listener(null);
    }
    if (key === lastKey && !force) return;
    lastKey = key;
    if (current) return;
    for (const group of candidateGroups(ports)) {
      // All of the stick's ports at once; ready as soon as control and data are known, the
      // rest (a silent port's whole budget) classified in the background for the port list.
      const early = probeUntilChosen(opts.opener, group.map((p) => p.path), { budgetMs: opts.budgetMs ?? 3000 });
      const choice = await early.choice;
      if (stopped) return;
      probe = early.sofar();
      void early.all.then((all) => {
        if (!stopped) probe = all;
      });
      if (choice) {
        current = { ...choice, ports: group, probe };
        listener(current);
        return;
      }
      await early.all; // nothing here answered AT: its ports are closed before the next group is tried
    }
  };
  const run = (force: boolean) => {
    busy ??= tick(force)
      .catch(() => undefined)
      .finally(() => (busy = null));
    return busy;
  };
  const timer = setInterval(() => void run(false), opts.intervalMs ?? 1000);
  timer.unref?.();
  void run(true);
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
    async rescan() {
      await busy;
      current = null;
      await run(true);
    },
    ports: () => listed,
    lastProbe: () => probe,
  };
}
