// One data session, however it is made: pppd on Linux, rasdial on Windows, the virtual
// modem's data mode. The connection service only sees this interface (D-DIAL-1).
import type { DialProfile } from '../../shared/dial-profile';
import type { ReadyModem } from '../modem/modem-service';

export interface DataSession {
  via: 'pppd' | 'virtual' | 'ras' | 'modemmanager' | 'networkmanager';
  iface: string | null;
  localIp: string | null;
  /** Settles once, when the session ends: code null after our own hang-up. */
  readonly ended: Promise<{ code: string | null }>;
  hangup(): Promise<void>;
}

export interface DialRequest {
  modem: ReadyModem;
  profile: DialProfile;
  onPhase(phase: string): void;
}

export interface Dialler {
  /** Resolves when IP traffic can flow; rejects with a CodedError naming why not. */
  dial(req: DialRequest): Promise<DataSession>;
}
