// The ModemManager backend (issue 16 Part 2): where MM runs and owns the modem (every
// mainstream Linux desktop), the app is one more MM client instead of fighting it for
// /dev/ttyUSB*. Modems come from MM's object manager; the "channel" is MM itself
// (mm-channel.ts) and the profile asks MM's interfaces (mm-profile.ts). Data: MM's
// Simple.Connect and the bearer's interface (its counters in /sys/class/net). The AT terminal
// needs MM's debug mode (Modem.Command) or the user taking the port over (InhibitDevice).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AtChannel } from '../../../hardware/at/at-channel-types';
import type { ModemProfile } from '../../../hardware/modems/modem-types';
import type { PortInfoDto } from '../../shared/app-methods-modem';
import { CodedError } from '../../shared/errors';
import { openMmChannel } from './mm-channel';
import { IFACE, MM_PATH, variant, type MmBus } from './mm-dbus';
import { mmProfile } from './mm-profile';
import { MODEM_STATE, portTypeName } from './mm-values';
import type { FoundModem, ModemPlatform } from './modem-platform';

export const MM_PORT_PREFIX = 'mm:';
const CAP_CDMA_EVDO = 1 << 1;

export interface MmBearer {
  path: string;
  /** The data interface: a net device (wwan0) or, with PPP, the tty pppd must run on. */
  iface: string | null;
  /** 'ppp' | 'static' | 'dhcp' (MMBearerIpMethod 1/2/3). */
  ipMethod: 'ppp' | 'static' | 'dhcp' | 'unknown';
  address: string | null;
}

export interface MmPlatform extends ModemPlatform {
  /** The modem MM has now (its D-Bus path), or null. */
  modemPath(): Promise<string | null>;
  /** Simple.Connect (CDMA: #777; 3GPP: the APN): the bearer MM brought up. */
  connect(o?: { apn?: string; number?: string }): Promise<MmBearer>;
  disconnect(): Promise<void>;
  /** The user takes the port over: MM lets go of the device until release (or until this app exits). */
  takeOver(): Promise<{ device: string; release: () => Promise<void> }>;
  /** MM answers on the bus. */
  running(): Promise<boolean>;
  /** MM forwards AT commands (Modem.Command: its debug mode) for the modem it has now. */
  commandAllowed(): Promise<boolean>;
}

/** tx/rx bytes of a network interface (the bearer's), from Linux sysfs. */
export async function interfaceCounters(iface: string, sysRoot = '/sys'): Promise<{ rxBytes: number; txBytes: number }> {
  if (!/^[\w.-]{1,15}$/.test(iface)) throw new CodedError('invalid_interface', `"${iface}" is not a network interface name`);
  const read = async (f: string) => Number((await readFile(path.join(sysRoot, 'class/net', iface, 'statistics', f), 'utf8')).trim());
  try {
    return { rxBytes: await read('rx_bytes'), txBytes: await read('tx_bytes') };
  } catch {
    throw new CodedError('interface_gone', `The data interface ${iface} is not there.`);
  }
}

export function mmPlatform(bus: MmBus): MmPlatform {
  const modemPath = async (): Promise<string | null> => {
    const all = await bus.objects().catch(() => ({}) as Record<string, Record<string, unknown>>);
    return Object.keys(all).filter((p) => all[p]![IFACE.modem]).sort()[0] ?? null;
  };
  const props = async (p: string) => (await bus.objects())[p]?.[IFACE.modem] ?? {};
  const requireModem = async () => {
    const p = await modemPath();
    if (!p) throw new CodedError('no_modem', 'ModemManager has no modem.');
    return p;
  };
  let currentBearer: string | null = null;
  let commandCache: { path: string | null; allowed: boolean | null } = { path: null, allowed: null };

  return {
    modemPath,
    watch(listener) {
      let last: string | null | undefined;
      const look = () =>
        void modemPath().then((p) => {
          if (p === last) return;
          last = p;
          listener(p ? ({ controlPort: `${MM_PORT_PREFIX}${p}`, dataPort: null, virtual: false } satisfies FoundModem) : null);
        });
      const off = bus.onChange(look);
      look();
      return off;
    },
    async rescan() {
      // needs authorisation on some systems, and MM answers only once it has looked: do not wait long
      const scan = bus.call(MM_PATH, IFACE.manager, 'ScanDevices').catch(() => undefined);
      await Promise.race([scan, new Promise((r) => setTimeout(r, 3000).unref())]);
    },
    async ports(): Promise<PortInfoDto[]> {
      const p = await modemPath();
      if (!p) return [];
      const mo = await props(p);
      return ((mo.Ports as Array<[string, number]>) ?? []).map(([name, type]) => ({ path: `/dev/${name}`, vendorId: null, productId: null, manufacturer: (mo.Manufacturer as string) ?? null, product: (mo.Model as string) ?? null, knownAs: 'ModemManager', role: portTypeName(type), advice: null }));
    },
    async openChannel(port: string): Promise<AtChannel> {
      if (!port.startsWith(MM_PORT_PREFIX)) throw new CodedError('port_not_found', `${port} is not a ModemManager modem.`);
      const p = port.slice(MM_PORT_PREFIX.length);
      const mo = await props(p);
      if (!Object.keys(mo).length) throw new CodedError('port_not_found', 'ModemManager no longer has that modem.');
      // NetworkManager enables modems on a desktop; where nothing does, the app does
      if (Number(mo.State) === MODEM_STATE.disabled) await bus.call(p, IFACE.modem, 'Enable', true);
      // Modem.Command works only in MM's debug mode: one harmless command tells
      const commandAllowed = await bus.call(p, IFACE.modem, 'Command', '+GMI', 3).then(
        () => true,
        () => false,
      );
      return openMmChannel({ bus, modemPath: p, commandAllowed });
    },
    async pickProfile(ch: AtChannel): Promise<ModemProfile> {
      const p = ch.path.slice(MM_PORT_PREFIX.length);
      const caps = Number((await props(p)).CurrentCapabilities ?? 0);
      return mmProfile({ bus, path: p }, caps & CAP_CDMA_EVDO ? 'cdma' : '3gpp');
    },
    async connect(o = {}) {
      const p = await requireModem();
      const caps = Number((await props(p)).CurrentCapabilities ?? 0);
      const cdma = (caps & CAP_CDMA_EVDO) !== 0;
      const settings: Record<string, unknown> = cdma ? { number: variant('s', o.number ?? '#777') } : { apn: variant('s', o.apn ?? 'internet') };
      const bearer = await bus.call<string>(p, IFACE.simple, 'Connect', settings);
      currentBearer = bearer;
      const b = (await bus.objects())[bearer]?.[IFACE.bearer] ?? (await bus.props(bearer, IFACE.bearer));
      const ip4 = (b.Ip4Config as Record<string, unknown>) ?? {};
      const method = ({ 1: 'ppp', 2: 'static', 3: 'dhcp' } as const)[Number(ip4.method) as 1 | 2 | 3] ?? 'unknown';
      return { path: bearer, iface: (b.Interface as string) || null, ipMethod: method, address: (ip4.address as string) || null };
    },
    async disconnect() {
      const p = await requireModem();
      await bus.call(p, IFACE.simple, 'Disconnect', currentBearer ?? '/');
      currentBearer = null;
    },
    async takeOver() {
      const p = await requireModem();
      // the device's uid (its sysfs path); MM ends the inhibition itself if this app's bus connection goes
      const uid = String((await props(p)).Device ?? '');
      await bus.call(MM_PATH, IFACE.manager, 'InhibitDevice', uid, true);
      return {
        device: uid,
        release: async () => {
          await bus.call(MM_PATH, IFACE.manager, 'InhibitDevice', uid, false);
        },
      };
    },
    async running() {
      return bus.objects().then(
        () => true,
        () => false,
      );
    },
    async commandAllowed() {
      const p = await modemPath();
      if (!p) return false;
      if (commandCache.path === p && commandCache.allowed !== null) return commandCache.allowed;
      const allowed = await bus.call(p, IFACE.modem, 'Command', '+GMI', 3).then(
        () => true,
        () => false,
      );
      commandCache = { path: p, allowed };
      return allowed;
    },
  };
}
