// What the modem service needs from the hardware, as one interface passed in (VS Code's
// services-behind-interfaces): finding modems, opening their AT channel, picking the
// vendor profile. The composition root builds it from hardware/probe + hardware/at +
// hardware/modems (real sticks) or from the virtual modem; tests build it the same way.
import type { AtChannel } from '../../../hardware/at/at-channel-types';
import type { ModemProfile } from '../../../hardware/modems/modem-types';
import type { BackendStatusDto } from '../../shared/app-methods-backend';
import type { PortInfoDto } from '../../shared/app-methods-modem';

export interface FoundModem {
  /** The AT control port (PCUI on Huawei). */
  controlPort: string;
  /** The port pppd dials on; null when the control port is the only one. */
  dataPort: string | null;
  virtual: boolean;
}

export interface ModemPlatform {
  /** Reports the modem to use now (or null) whenever that changes; returns a stop function. */
  watch(listener: (found: FoundModem | null) => void): () => void;
  /** Look again at once (after a usb_modeswitch, a settings change). */
  rescan(): Promise<void>;
  ports(): Promise<PortInfoDto[]>;
  openChannel(path: string): Promise<AtChannel>;
  pickProfile(ch: AtChannel): Promise<ModemProfile>;
  /**
   * M-SIG-1, "QCDM where present": the 1x Ec/Io from the pilot sets on the stick's
   * diagnostics port, for sticks whose AT side gives none; null when there is no such port
   * or it does not answer (the modem service then stops asking that modem).
   */
  readDiagEcio?(found: FoundModem): Promise<number | null>;
  /** V-6: allow (or stop) the virtual modem while no physical modem is attached. */
  setVirtualEnabled?(enabled: boolean): void;
  /** Issue 16: serial or ModemManager, and taking the port over from MM (modem-backend.ts). */
  backend?: BackendControl;
}

export interface BackendControl {
  status(): Promise<BackendStatusDto>;
  /** on: MM lets go of its modem (InhibitDevice); off: MM takes it back. */
  takeOver(on: boolean): Promise<BackendStatusDto>;
}
