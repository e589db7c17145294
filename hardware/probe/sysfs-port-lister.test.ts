import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listCdromSticks, listSysfsPorts } from './sysfs-port-lister';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A sysfs tree shaped like Linux's for a 3-port Huawei EC1260 (ttyUSB0..2), a ZTE stick in CD-ROM mode and a UART. */
function fakeSys(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'assa-sysfs-'));
  roots.push(root);
  const usb = path.join(root, 'devices/pci0000:00/0000:00:14.0/usb1/1-2');
  const file = (p: string, v: string) => {
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, `${v}\n`);
  };
  file(path.join(usb, 'idVendor'), '12d1');
  file(path.join(usb, 'idProduct'), '140b');
  file(path.join(usb, 'manufacturer'), 'HUAWEI Technology');
  file(path.join(usb, 'product'), 'HUAWEI Mobile');
  for (const [i, tty] of [[0, 'ttyUSB0'], [1, 'ttyUSB1'], [2, 'ttyUSB2']] as const) {
    const intf = path.join(usb, `1-2:1.${i}`);
    file(path.join(intf, 'bInterfaceNumber'), `0${i}`);
    mkdirSync(path.join(intf, tty), { recursive: true });
    mkdirSync(path.join(root, 'class/tty', tty), { recursive: true });
    symlinkSync(path.join(intf, tty), path.join(root, 'class/tty', tty, 'device'));
  }
  const uart = path.join(root, 'devices/platform/serial8250/tty/ttyS0');
  mkdirSync(uart, { recursive: true });
  mkdirSync(path.join(root, 'class/tty/ttyS0'), { recursive: true });
  symlinkSync(uart, path.join(root, 'class/tty/ttyS0/device'));
  mkdirSync(path.join(root, 'class/tty/tty1'), { recursive: true }); // a console: no device link
  const zte = path.join(root, 'bus/usb/devices/1-3');
  file(path.join(zte, 'idVendor'), '19d2');
  file(path.join(zte, 'idProduct'), 'fff5');
  return root;
}

describe('M-PORT-1 listing ports from sysfs (no udevadm)', () => {
  it('lists the USB serial ports of a stick with ids, interface numbers and its known name', () => {
    const ports = listSysfsPorts(fakeSys(), '/dev');
    expect(ports.map((p) => [p.path, p.interfaceNumber])).toEqual([
      ['/dev/ttyUSB0', 0],
      ['/dev/ttyUSB1', 1],
      ['/dev/ttyUSB2', 2],
    ]);
    expect(ports[0]).toMatchObject({ vendorId: '12d1', productId: '140b', manufacturer: 'HUAWEI Technology', knownAs: 'Huawei EC1260 modem' });
    expect(new Set(ports.map((p) => p.usbDevice)).size).toBe(1);
  });

  it('reports a known stick still in CD-ROM mode with the usb_modeswitch advice', () => {
    const sticks = listCdromSticks(fakeSys());
    expect(sticks).toHaveLength(1);
    expect(sticks[0]).toMatchObject({ vendorId: '19d2', productId: 'fff5' });
    expect(sticks[0]!.advice).toContain('usb_modeswitch');
  });

  it('lists nothing (not an error) where there is no sysfs', () => {
    expect(listSysfsPorts('/nonexistent-sys')).toEqual([]);
    expect(listCdromSticks('/nonexistent-sys')).toEqual([]);
  });

  it('reads this machine\'s real /sys without failing', () => {
    expect(Array.isArray(listSysfsPorts())).toBe(true);
  });
});
