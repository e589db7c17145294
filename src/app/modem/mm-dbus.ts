// ModemManager's D-Bus API (org.freedesktop.ModemManager1) through dbus-next: the bus, the
// object manager's view of modems, bearers and messages, properties and method calls. Kept
// small and typed so the platform, the profile and the tests share one way of talking to MM.
import dbus from 'dbus-next';
import { CodedError } from '../../shared/errors';

export const MM_SERVICE = 'org.freedesktop.ModemManager1';
export const MM_PATH = '/org/freedesktop/ModemManager1';
export const IFACE = {
  manager: 'org.freedesktop.ModemManager1',
  modem: 'org.freedesktop.ModemManager1.Modem',
  cdma: 'org.freedesktop.ModemManager1.Modem.ModemCdma',
  gpp: 'org.freedesktop.ModemManager1.Modem.Modem3gpp',
  ussd: 'org.freedesktop.ModemManager1.Modem.Modem3gpp.Ussd',
  messaging: 'org.freedesktop.ModemManager1.Modem.Messaging',
  signal: 'org.freedesktop.ModemManager1.Modem.Signal',
  simple: 'org.freedesktop.ModemManager1.Modem.Simple',
  bearer: 'org.freedesktop.ModemManager1.Bearer',
  sms: 'org.freedesktop.ModemManager1.Sms',
} as const;

export type Props = Record<string, unknown>;

type Methods = Record<string, ((...args: unknown[]) => Promise<unknown>) | undefined>;
function invoke(obj: dbus.ProxyObject, iface: string, method: string, args: unknown[]): Promise<unknown> {
  const f = (obj.getInterface(iface) as unknown as Methods)[method];
  if (!f) throw new CodedError('mm_unsupported', `ModemManager has no ${iface}.${method} here`);
  return f(...args);
}

/** Plain values out of dbus-next Variants (nested dicts and arrays too). */
export function plain(v: unknown): unknown {
  if (v instanceof dbus.Variant) return plain(v.value);
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object' && !Buffer.isBuffer(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

export function mmError(e: unknown, what: string): CodedError {
  const name = (e as { type?: string }).type ?? '';
  const text = (e as { text?: string; message?: string }).text ?? (e as Error).message ?? String(e);
  if (/UnknownObject|ServiceUnknown|NameHasNoOwner/.test(name)) return new CodedError('mm_not_running', `ModemManager is not running (${what}): ${text}`);
  if (/Unauthorized|AccessDenied/.test(name)) return new CodedError('mm_not_authorized', `ModemManager refused ${what}: ${text}`);
  if (/Unsupported/.test(name)) return new CodedError('mm_unsupported', `ModemManager cannot ${what} on this modem: ${text}`);
  return new CodedError('mm_failed', `ModemManager could not ${what}: ${text}`);
}

export interface MmBus {
  /** Every object MM exports: path → interface → properties (plain values). */
  objects(): Promise<Record<string, Record<string, Props>>>;
  props(path: string, iface: string): Promise<Props>;
  call<T = unknown>(path: string, iface: string, method: string, ...args: unknown[]): Promise<T>;
  /** Called when MM adds or removes objects (modems, messages, bearers), or comes and goes. */
  onChange(listener: () => void): () => void;
  /** A D-Bus signal of one object's interface (e.g. Messaging.Added). */
  onSignal(path: string, iface: string, name: string, listener: (...args: unknown[]) => void): Promise<() => void>;
  close(): void;
}

/** Proxy objects of one D-Bus service, made once per path; a path whose object is gone is forgotten. */
export function proxyCache(bus: dbus.MessageBus, service: string) {
  const proxies = new Map<string, Promise<dbus.ProxyObject>>();
  return {
    get(path: string): Promise<dbus.ProxyObject> {
      let p = proxies.get(path);
      if (!p) {
        p = bus.getProxyObject(service, path);
        p.catch(() => proxies.delete(path));
        proxies.set(path, p);
      }
      return p;
    },
    forget: (path: string) => proxies.delete(path),
    clear: () => proxies.clear(),
  };
}

/** `address`: a bus address (tests: the private session bus); default the system bus, as on a desktop. */
export async function connectMm(address?: string): Promise<MmBus> {
  const bus = address ? dbus.sessionBus({ busAddress: address }) : dbus.systemBus();
  bus.on('error', () => undefined); // no bus at all (a container, a minimal system): the calls below fail instead
  const listeners = new Set<() => void>();
  const fire = () => listeners.forEach((l) => l());
  const proxies = proxyCache(bus, MM_SERVICE);
  const proxy = proxies.get;
  // a root object manager that stays subscribed to MM's add/remove signals; a bus that
  // never answers (no daemon behind the socket) must not hold the app's start up
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_r, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('no answer from D-Bus'), { type: 'ServiceUnknown' })), 3000);
  });
  try {
    await Promise.race([proxy(MM_PATH), deadline]);
    const root = await proxy(MM_PATH);
    const om = root.getInterface('org.freedesktop.DBus.ObjectManager');
    // a proxy knows the interfaces its object had when it was made: enabling adds some
    om.on('InterfacesAdded', (path: string) => {
      proxies.forget(path);
      fire();
    });
    om.on('InterfacesRemoved', (path: string) => {
      proxies.forget(path);
      fire();
    });
    const dbusIface = (await bus.getProxyObject('org.freedesktop.DBus', '/org/freedesktop/DBus')).getInterface('org.freedesktop.DBus');
    dbusIface.on('NameOwnerChanged', (name: string) => name === MM_SERVICE && (proxies.clear(), fire()));
  } catch (e) {
    bus.disconnect();
    throw mmError(e, 'connect');
  } finally {
    clearTimeout(timer);
  }
  return {
    async objects() {
      try {
        const root = await proxy(MM_PATH);
        return plain(await invoke(root, 'org.freedesktop.DBus.ObjectManager', 'GetManagedObjects', [])) as Record<string, Record<string, Props>>;
      } catch (e) {
        throw mmError(e, 'list modems');
      }
    },
    async props(path, iface) {
      try {
        return plain(await invoke(await proxy(path), 'org.freedesktop.DBus.Properties', 'GetAll', [iface])) as Props;
      } catch (e) {
        throw mmError(e, `read ${iface.split('.').pop()}`);
      }
    },
    async call(path, iface, method, ...args) {
      try {
        return plain(await invoke(await proxy(path), iface, method, args)) as never;
      } catch (e) {
        if (e instanceof CodedError) throw e;
        throw mmError(e, `${iface.split('.').pop()}.${method}`);
      }
    },
    onChange(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async onSignal(path, iface, name, l) {
      let i: dbus.ClientInterface;
      try {
        i = (await proxy(path)).getInterface(iface);
      } catch {
        return () => undefined; // the modem has no such interface (a CDMA stick: no Messaging in MM)
      }
      const h = (...a: unknown[]) => l(...a.map(plain));
      i.on(name, h);
      return () => void i.off(name, h);
    },
    close: () => bus.disconnect(),
  };
}

export const variant = (signature: string, value: unknown) => new dbus.Variant(signature, value);
