// NetworkManager's D-Bus API (org.freedesktop.NetworkManager) through dbus-next: just what the
// data call needs on a desktop where NM runs (issue 16 Part 2). NM owns the connection there:
// it asks ModemManager for the bearer and runs pppd itself, so the app asks NM instead of
// calling Simple.Connect behind its back (NM would otherwise see an unknown bearer on its
// modem and tear it down, or fight the app for it).
import dbus from 'dbus-next';
import { CodedError } from '../../shared/errors';
import { plain, proxyCache, type Props } from './mm-dbus';

export const NM_SERVICE = 'org.freedesktop.NetworkManager';
export const NM_PATH = '/org/freedesktop/NetworkManager';
export const NM_IFACE = {
  manager: 'org.freedesktop.NetworkManager',
  device: 'org.freedesktop.NetworkManager.Device',
  statistics: 'org.freedesktop.NetworkManager.Device.Statistics',
  active: 'org.freedesktop.NetworkManager.Connection.Active',
  ip4: 'org.freedesktop.NetworkManager.IP4Config',
  properties: 'org.freedesktop.DBus.Properties',
} as const;

/** NMDeviceType of a modem (NM_DEVICE_TYPE_MODEM). */
export const NM_DEVICE_TYPE_MODEM = 8;

/** NMActiveConnectionState. */
export const NM_ACTIVE = { unknown: 0, activating: 1, activated: 2, deactivating: 3, deactivated: 4 } as const;

/** A connection's settings as NM takes them: setting name → key → D-Bus variant. */
export type NmSettings = Record<string, Record<string, dbus.Variant>>;

export interface NmBus {
  /** NM owns its name on this bus now. */
  running(): Promise<boolean>;
  /** The NM device that stands for a ModemManager modem (its Udi is MM's object path), or null. */
  deviceForModem(mmModemPath: string): Promise<string | null>;
  props(path: string, iface: string): Promise<Props>;
  /** AddAndActivateConnection2 with a volatile profile: NM forgets it once it is down. */
  activate(device: string, settings: NmSettings): Promise<{ connection: string; active: string }>;
  deactivate(active: string): Promise<void>;
  /** Asks NM to refresh the device's byte counters this often (Device.Statistics.RefreshRateMs). */
  refreshStatistics(device: string, everyMs: number): Promise<void>;
  /** The device's StateChanged(new, old, reason) signals. */
  onDeviceState(device: string, listener: (state: number, old: number, reason: number) => void): Promise<() => void>;
  close(): void;
}

export function nmError(e: unknown, what: string): CodedError {
  if (e instanceof CodedError) return e;
  const name = (e as { type?: string }).type ?? '';
  const text = (e as { text?: string; message?: string }).text ?? (e as Error).message ?? String(e);
  if (/UnknownObject|ServiceUnknown|NameHasNoOwner/.test(name)) return new CodedError('nm_not_running', `NetworkManager is not running (${what}): ${text}`);
  if (/PermissionDenied|AccessDenied|NotAuthorized/.test(name)) return new CodedError('nm_not_authorized', `NetworkManager refused ${what}: ${text}`);
  return new CodedError('nm_failed', `NetworkManager could not ${what}: ${text}`);
}

type Methods = Record<string, ((...args: unknown[]) => Promise<unknown>) | undefined>;

/** `address`: a bus address (tests: the sandbox's private bus); default the system bus, where NM lives on a desktop. */
export async function connectNm(address?: string): Promise<NmBus> {
  const bus = address ? dbus.sessionBus({ busAddress: address }) : dbus.systemBus();
  bus.on('error', () => undefined); // no bus: every call below fails with a coded error instead
  const proxy = proxyCache(bus, NM_SERVICE).get;
  const call = async (path: string, iface: string, method: string, ...args: unknown[]) => {
    try {
      const f = ((await proxy(path)).getInterface(iface) as unknown as Methods)[method];
      if (!f) throw new CodedError('nm_unsupported', `NetworkManager has no ${iface}.${method} here`);
      return plain(await f(...args));
    } catch (e) {
      throw nmError(e, `${iface.split('.').pop()}.${method}`);
    }
  };
  const props = async (path: string, iface: string) => (await call(path, NM_IFACE.properties, 'GetAll', iface)) as Props;
  const dbusIface = async () => (await bus.getProxyObject('org.freedesktop.DBus', '/org/freedesktop/DBus')).getInterface('org.freedesktop.DBus') as unknown as Methods;

  return {
    async running() {
      try {
        return Boolean(await (await dbusIface()).NameHasOwner!(NM_SERVICE));
      } catch {
        return false;
      }
    },
    async deviceForModem(mmModemPath) {
      const devices = (await call(NM_PATH, NM_IFACE.manager, 'GetDevices')) as string[];
      for (const d of devices) {
        const p = await props(d, NM_IFACE.device).catch(() => null);
        if (p && Number(p.DeviceType) === NM_DEVICE_TYPE_MODEM && p.Udi === mmModemPath) return d;
      }
      return null;
    },
    props,
    async activate(device, settings) {
      const [connection, active] = (await call(NM_PATH, NM_IFACE.manager, 'AddAndActivateConnection2', settings, device, '/', { persist: new dbus.Variant('s', 'volatile') })) as [string, string, unknown];
      return { connection, active };
    },
    async deactivate(active) {
      await call(NM_PATH, NM_IFACE.manager, 'DeactivateConnection', active);
    },
    async refreshStatistics(device, everyMs) {
      await call(device, NM_IFACE.properties, 'Set', NM_IFACE.statistics, 'RefreshRateMs', new dbus.Variant('u', everyMs));
    },
    async onDeviceState(device, listener) {
      const i = (await proxy(device)).getInterface(NM_IFACE.device);
      const h = (state: number, old: number, reason: number) => listener(state, old, reason);
      i.on('StateChanged', h);
      return () => void i.off('StateChanged', h);
    },
    close: () => bus.disconnect(),
  };
}
