// D-DIAL-1: the OS's own dialler for a physical stick — pppd on Linux (and macOS),
// rasdial on Windows. The composition root picks it; the core only calls it.
import type { Dialler } from './dialler';
import { pppdDialler } from './pppd-dialler';
import { rasDialler } from './ras-dialler';

export function defaultDialler(): Dialler {
  if (process.platform !== 'win32') return pppdDialler();
  // rasdial addresses the modem by its TAPI name; the stick installs it under its model.
  return rasDialler({ deviceName: ({ modem }) => modem.found.controlPort });
}
