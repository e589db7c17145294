// V-6 / M-PORT-3: which modem the app uses. A physical stick always wins; the port the
// user pinned in Settings wins over discovery; with nothing attached, the virtual modem
// (when allowed) stands in and is labelled virtual. Sources report on their own; this
// only decides and tells the modem service when the decision changes.
import type { AtChannel } from '../../../hardware/at/at-channel-types';
import type { ModemProfile } from '../../../hardware/modems/modem-types';
import type { PortInfoDto } from '../../shared/app-methods-modem';
import type { FoundModem, ModemPlatform } from './modem-platform';

export interface ModemSource {
  watch(listener: (found: FoundModem | null) => void): () => void;
  rescan(): Promise<void>;
  ports?(): Promise<PortInfoDto[]>;
}

export interface HybridPlatformOptions {
  physical: ModemSource;
  virtual: ModemSource | null;
  virtualEnabled: boolean;
  /** Settings' port override: used as the control port as is (M-PORT). */
  portOverride: () => string | null;
  openChannel(path: string): Promise<AtChannel>;
  pickProfile(ch: AtChannel): Promise<ModemProfile>;
}

export function hybridPlatform(opts: HybridPlatformOptions): ModemPlatform & { decide(): FoundModem | null } {
  let physical: FoundModem | null = null;
  let virtual: FoundModem | null = null;
  let virtualEnabled = opts.virtualEnabled;
  let listener: ((f: FoundModem | null) => void) | null = null;
  let last: string | null | undefined;
  const stops: Array<() => void> = [];

  const decide = (): FoundModem | null => {
    const pinned = opts.portOverride();
    if (pinned) return { controlPort: pinned, dataPort: null, virtual: false };
    if (physical) return physical;
    return virtualEnabled ? virtual : null;
  };
  let starting = false;
  const emit = () => {
    if (starting) return;
    const d = decide();
    const key = d ? `${d.controlPort}|${d.dataPort ?? ''}|${d.virtual}` : null;
    if (key === last) return;
    last = key;
    listener?.(d);
  };

  return {
    decide,
    watch(l) {
      listener = l;
      last = undefined;
      // Sources answer at once on watch; decide once all of them have.
      starting = true;
      stops.push(opts.physical.watch((f) => ((physical = f), emit())));
      if (opts.virtual) stops.push(opts.virtual.watch((f) => ((virtual = f), emit())));
      starting = false;
      emit();
      return () => {
        listener = null;
        for (const s of stops.splice(0)) s();
      };
    },
    async rescan() {
      await opts.physical.rescan();
      emit();
    },
    async ports() {
      const lists = await Promise.all([opts.physical.ports?.() ?? [], (virtualEnabled && opts.virtual?.ports?.()) || []]);
      return lists.flat();
    },
    openChannel: (p) => opts.openChannel(p),
    pickProfile: (ch) => opts.pickProfile(ch),
    setVirtualEnabled(on) {
      virtualEnabled = on;
      emit();
    },
  };
}
