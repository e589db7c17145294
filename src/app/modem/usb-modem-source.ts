// M-PORT-1..3 for real sticks: the hot-plug watch (hardware/probe) as a ModemSource,
// and the port list with probe verdicts and CD-ROM-mode advice for Settings/Diagnostics.
import { watchModems, type ModemWatch } from '../../../hardware/probe/modem-watch';
import { listPorts } from '../../../hardware/probe/port-lister';
import { listCdromSticks, type ListedPort } from '../../../hardware/probe/sysfs-port-lister';
import type { SerialOpener } from '../../../hardware/serial/serial-link';
import type { PortInfoDto } from '../../shared/app-methods-modem';
import type { ModemSource } from './hybrid-platform';

export function usbModemSource(opts: { opener: SerialOpener; list?: () => Promise<ListedPort[]> | ListedPort[]; intervalMs?: number }): ModemSource {
  let watch: ModemWatch | null = null;
  return {
    watch(listener) {
      watch = watchModems({ list: opts.list ?? listPorts, opener: opts.opener, ...(opts.intervalMs ? { intervalMs: opts.intervalMs } : {}) }, (m) =>
        listener(m ? { controlPort: m.controlPort, dataPort: m.dataPort, virtual: false } : null),
      );
      return () => watch?.stop();
    },
    async rescan() {
      await watch?.rescan();
    },
    async ports(): Promise<PortInfoDto[]> {
      const roles = new Map((watch?.lastProbe() ?? []).map((r) => [r.path, r.role as string]));
      const listed: PortInfoDto[] = (watch?.ports() ?? []).map((p) => ({
        path: p.path,
        vendorId: p.vendorId,
        productId: p.productId,
        manufacturer: p.manufacturer,
        product: p.product,
        knownAs: p.knownAs,
        role: roles.get(p.path) ?? null,
        advice: null,
      }));
      const cdrom: PortInfoDto[] = process.platform === 'linux'
        ? listCdromSticks().map((s) => ({ path: `usb:${s.vendorId}:${s.productId}`, vendorId: s.vendorId, productId: s.productId, manufacturer: null, product: null, knownAs: s.name, role: 'cdrom', advice: s.advice }))
        : [];
      return [...listed, ...cdrom];
    },
  };
}
