// A device profile (APP.md V-1): the table of command handlers and unsolicited formats
// that makes the virtual modem answer like one real device family.
import type { AtCommand } from '../device/command-line';
import type { AtPort } from '../device/at-port';
import type { Reply } from '../device/replies';
import type { VirtualModem } from '../modem';

export type ProfileId = 'huawei-ec' | 'zte-ac' | 'generic-3gpp';

export interface HandlerContext {
  modem: VirtualModem;
  port: AtPort;
  cmd: AtCommand;
}

export type Handler = (ctx: HandlerContext) => Reply | Promise<Reply>;

export interface UrcFormats {
  /** Lines after a signal change (^RSSILVL/^HRSSILVL, ^RSSI). */
  signal(m: VirtualModem): string[];
  /** Lines after a service mode / roaming change (^MODE). */
  mode(m: VirtualModem): string[];
  /** Periodic heartbeat (^BOOT), when the device has one. */
  boot?(m: VirtualModem): string;
  /** Data-session statistics every 2 s (^DSFLOWRPT), when the device has them. */
  flow?(m: VirtualModem): string | null;
  /** New message stored at index. */
  newSms(m: VirtualModem, index: number): string;
  /** A feature-code call to 2772 ended. */
  callEnd(m: VirtualModem, seconds: number): string[];
}

export interface DeviceProfile {
  id: ProfileId;
  family: 'cdma' | '3gpp';
  /** The model the diagnostics port's version info gives (8 characters at most). */
  diagModel?: string;
  /** What the device answers to a command it does not know (at-commands.md 1.9). */
  unknownCommand: 'COMMAND NOT SUPPORT' | 'ERROR';
  /** "+CME ERROR: 10" (27.007) vs "+CME ERROR:10" (Huawei CDMA spec, MC509 p.47). */
  errorSpace: boolean;
  /** Text after CONNECT, or null for a bare CONNECT. */
  connectSpeed: string | null;
  /** The dial strings that start a packet data call. */
  isDataDial(dial: string): boolean;
  /** SMS storage name in +CMTI / +CPMS. */
  smsStorage: 'ME' | 'SM';
  handlers: Record<string, Handler>;
  urc: UrcFormats;
}
