// M-PORT-1: serial ports with their USB ids, read straight from sysfs. node-serialport's
// list() asks udevadm, which containers and minimal systems lack; /sys is always there
// on Linux. The root is a parameter so tests build a fake tree. Also finds known sticks
// still in CD-ROM mode (they have no tty yet) from /sys/bus/usb/devices.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { cdromAdvice, knownDevice } from './known-devices';

export interface ListedPort {
  path: string; // /dev/ttyUSB0
  vendorId: string | null;
  productId: string | null;
  manufacturer: string | null;
  product: string | null;
  serialNumber: string | null;
  /** USB interface number (bInterfaceNumber), the order vendors map functions in. */
  interfaceNumber: number | null;
  /** The USB device's sysfs path: ports of one stick share it. */
  usbDevice: string | null;
  knownAs: string | null;
}

export interface CdromStick {
  vendorId: string;
  productId: string;
  name: string;
  advice: string;
}

const read = (f: string): string | null => {
  try {
    return readFileSync(f, 'utf8').trim() || null;
  } catch {
    return null;
  }
};

/** Walk up from a tty's device to the USB device directory (the one with idVendor). */
function usbAncestor(dir: string, stop: string): string | null {
  let d = dir;
  while (d.startsWith(stop) && d !== stop) {
    if (existsSync(path.join(d, 'idVendor'))) return d;
    d = path.dirname(d);
  }
  return null;
}

function interfaceOf(dir: string, usb: string | null): number | null {
  let d = dir;
  while (usb && d.startsWith(usb) && d !== usb) {
    const n = read(path.join(d, 'bInterfaceNumber'));
    if (n !== null) return Number.parseInt(n, 16);
    d = path.dirname(d);
  }
  return null;
}

export function listSysfsPorts(sysRoot = '/sys', devRoot = '/dev'): ListedPort[] {
  const ttyDir = path.join(sysRoot, 'class/tty');
  let names: string[];
  try {
    names = readdirSync(ttyDir);
  } catch {
    return [];
  }
  const out: ListedPort[] = [];
  for (const name of names) {
    if (!/^tty(USB|ACM|HS|GS)\d+$/.test(name)) continue; // USB serial functions only; ttyS* are UARTs
    let dev: string;
    try {
      dev = realpathSync(path.join(ttyDir, name, 'device'));
    } catch {
      continue;
    }
    const usb = usbAncestor(dev, path.join(sysRoot, 'devices'));
    const vendorId = usb ? read(path.join(usb, 'idVendor')) : null;
    const productId = usb ? read(path.join(usb, 'idProduct')) : null;
    out.push({
      path: path.join(devRoot, name),
      vendorId,
      productId,
      manufacturer: usb ? read(path.join(usb, 'manufacturer')) : null,
      product: usb ? read(path.join(usb, 'product')) : null,
      serialNumber: usb ? read(path.join(usb, 'serial')) : null,
      interfaceNumber: interfaceOf(dev, usb),
      usbDevice: usb,
      knownAs: knownDevice(vendorId, productId)?.name ?? null,
    });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
}

export function listCdromSticks(sysRoot = '/sys'): CdromStick[] {
  const dir = path.join(sysRoot, 'bus/usb/devices');
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const out: CdromStick[] = [];
  for (const e of entries) {
    const d = knownDevice(read(path.join(dir, e, 'idVendor')), read(path.join(dir, e, 'idProduct')));
    if (d?.mode === 'cdrom') out.push({ vendorId: d.vendorId, productId: d.productId, name: d.name, advice: cdromAdvice(d) });
  }
  return out;
}
