// M-PORT-1: one way to list ports on every OS. Linux reads sysfs (no udevadm needed);
// Windows and macOS ask node-serialport, which uses the OS's own device APIs there.
import { SerialPort } from 'serialport';
import { knownDevice } from './known-devices';
import { listSysfsPorts, type ListedPort } from './sysfs-port-lister';

export async function listPorts(): Promise<ListedPort[]> {
  if (process.platform === 'linux') return listSysfsPorts();
  const found = await SerialPort.list().catch(() => []);
  return found.map((p) => {
    const vendorId = p.vendorId?.toLowerCase() ?? null;
    const productId = p.productId?.toLowerCase() ?? null;
    return {
      path: p.path,
      vendorId,
      productId,
      manufacturer: p.manufacturer ?? null,
      product: null,
      serialNumber: p.serialNumber ?? null,
      interfaceNumber: null,
      usbDevice: p.serialNumber ? `${vendorId}:${productId}:${p.serialNumber}` : p.locationId ?? null,
      knownAs: knownDevice(vendorId, productId)?.name ?? null,
    };
  });
}
