// V-6: the built-in virtual modem as a ModemSource, started when first wanted. It is an
// EC-series layout (modem port for data, PCUI for control and reports, diagnostics) on
// pseudo-terminals when socat is there — so the app reaches it through the same
// serialport binding as a real stick — else in-process. Its network side reports to the
// ASSA server the app talks to (RADIUS accounting, 2772 events).
import { existsSync } from 'node:fs';
import { createInProcessMultiPortModem } from '../../../hardware/virtual/in-process';
import type { VirtualModemController } from '../../../hardware/virtual/controller';
import type { VirtualModemOptions } from '../../../hardware/virtual/modem';
import type { ProfileId } from '../../../hardware/virtual/profiles';
import { startPtyModem, type PtyModem } from '../../../hardware/virtual/pty-runner';
import type { SerialOpener } from '../../../hardware/serial/serial-link';
import type { PortInfoDto } from '../../shared/app-methods-modem';
import type { FoundModem } from './modem-platform';
import type { ModemSource } from './hybrid-platform';

export interface VirtualModemSourceOptions {
  modem: VirtualModemOptions;
  /** 'pty' needs socat; 'auto' tries it and falls back to in-process. */
  transport: 'pty' | 'in-process' | 'auto';
  /** Folder for the pty symlinks. */
  runDir: string;
  /** The opener for pty paths (serialport); the in-process device brings its own. */
  ptyOpener: SerialOpener;
  log?: (line: string) => void;
}

export interface VirtualModemSource extends ModemSource {
  /** The opener for the virtual ports (in-process or pty). */
  opener(): SerialOpener;
  owns(path: string): boolean;
  /** The address its network side gave the running data session. */
  sessionAddress(): string | null;
  controller(): VirtualModemController | null;
  close(): Promise<void>;
}

/** What the ports list says the virtual stick is, by its device profile. */
const LAYOUT: Record<ProfileId, string> = { 'huawei-ec': 'Huawei EC-series layout', 'zte-ac': 'ZTE AC-series layout', 'generic-3gpp': 'Huawei E1550 3G layout' };
const profileId = (p: VirtualModemOptions['profile']): ProfileId => (typeof p === 'object' ? p.id : (p ?? 'huawei-ec'));

export function virtualModemSource(opts: VirtualModemSourceOptions): VirtualModemSource {
  let found: FoundModem | null = null;
  let opener: SerialOpener | null = null;
  let ctl: VirtualModemController | null = null;
  let pty: PtyModem | null = null;
  let address: string | null = null;
  let starting: Promise<void> | null = null;
  let paths: string[] = [];

  const start = async () => {
    let modem;
    if (opts.transport !== 'in-process') {
      try {
        pty = await startPtyModem({ ...opts.modem, link: `${opts.runDir}/ttyASSA0`, multiPort: true, ...(opts.log ? { log: opts.log } : {}) });
        ctl = pty.controller;
        modem = pty.modem;
        opener = opts.ptyOpener;
        found = { controlPort: pty.paths.pcui!, dataPort: pty.paths.modem, virtual: true };
        paths = Object.values(pty.paths).filter((p): p is string => typeof p === 'string');
      } catch (e) {
        if (opts.transport === 'pty') throw e;
        opts.log?.(`virtual modem: no pseudo-terminals (${(e as Error).message}); running it in-process`);
      }
    }
    if (!found) {
      const dev = createInProcessMultiPortModem(opts.modem);
      ctl = dev.controller;
      modem = dev.modem;
      opener = dev.opener;
      found = { controlPort: dev.paths.pcui, dataPort: dev.paths.modem, virtual: true };
      paths = [dev.paths.modem, dev.paths.diag, dev.paths.pcui];
    }
    modem!.onEvent((e) => {
      if (e.type === 'session-start') address = e.ip;
      if (e.type === 'session-stop') address = null;
    });
  };

  const portsBack = async (timeoutMs = 5000) => {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end && !(found && existsSync(found.controlPort))) await new Promise((r) => setTimeout(r, 50));
  };

  return {
    watch(listener) {
      let live = true;
      starting ??= start();
      void starting.then(
        () => {
          if (!live || !ctl) return;
          listener(found);
          // The stick "unplugged" from the controller (tests, scenarios) is gone for the app too.
          ctl.onEvent((e) => {
            if (!live) return;
            if (e.type === 'unplug') listener(null);
            // On ptys the ports come back a moment after the event: report when they are there.
            if (e.type === 'replug') void portsBack().then(() => live && listener(found));
          });
        },
        (e: unknown) => opts.log?.(`virtual modem failed to start: ${(e as Error).message}`),
      );
      return () => {
        live = false;
      };
    },
    rescan: async () => undefined,
    async ports(): Promise<PortInfoDto[]> {
      const roleOf = (p: string) => (p === found?.controlPort ? 'at' : p === found?.dataPort ? 'data' : p.endsWith('diag') || p.endsWith('1') ? 'qcdm' : null);
      return paths.map((p) => ({ path: p, vendorId: null, productId: null, manufacturer: 'ASSA', product: 'virtual modem', knownAs: `Virtual modem (${LAYOUT[profileId(opts.modem.profile)]})`, role: roleOf(p), advice: null }));
    },
    opener: () => {
      if (!opener) throw new Error('the virtual modem has not started');
      return opener;
    },
    owns: (p) => paths.includes(p),
    sessionAddress: () => address,
    controller: () => ctl,
    async close() {
      await starting?.catch(() => undefined);
      await ctl?.close().catch(() => undefined);
      await pty?.close().catch(() => undefined);
    },
  };
}
