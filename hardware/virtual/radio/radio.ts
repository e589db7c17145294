// The simulated radio (APP.md V-2): a seeded random walk of 1x / EV-DO / WCDMA signal,
// service mode, roaming and "no service". Changes are pushed to listeners, which the
// modem turns into the profile's unsolicited reports (^RSSI, ^HRSSILVL, ^MODE).
import { every, type SimClock, type SimTimer } from '../clock';
import { randInt, type Rng } from '../rng';

export type ServiceMode = 'none' | '1x' | 'evdo' | 'hybrid' | 'gsm' | 'wcdma' | 'hsdpa';

export interface RadioState {
  mode: ServiceMode;
  roaming: boolean;
  /** 1x pilot (CDMA) or the serving cell (3GPP) RSSI, dBm. */
  rssiDbm: number;
  /** EV-DO RSSI, dBm (CDMA only). */
  hdrRssiDbm: number;
  /** 1x Ec/Io, dB (-31.5..0). */
  ecio: number;
  /** EV-DO SINR, dB. */
  sinr: number;
}

export type RadioChange = 'signal' | 'mode';

export interface RadioOptions {
  clock: SimClock;
  rng: Rng;
  family: 'cdma' | '3gpp';
  /** Random-walk step period; 0 = the signal only moves when told. */
  stepMs?: number;
  /** Chance per step that the service mode changes by itself. */
  modeChangeChance?: number;
}

const RSSI_MIN = -108;
const RSSI_MAX = -55;

export class Radio {
  state: RadioState;
  private readonly listeners = new Set<(what: RadioChange) => void>();
  private timer: SimTimer | null = null;
  private lostMode: ServiceMode | null = null;

  constructor(private readonly opts: RadioOptions) {
    this.state =
      opts.family === 'cdma'
        ? { mode: 'hybrid', roaming: false, rssiDbm: -75, hdrRssiDbm: -80, ecio: -6, sinr: 9 }
        : { mode: 'wcdma', roaming: false, rssiDbm: -77, hdrRssiDbm: -77, ecio: -6, sinr: 9 };
    const stepMs = opts.stepMs ?? 5000;
    if (stepMs > 0) this.timer = every(opts.clock, stepMs, () => this.step());
  }

  onChange(fn: (what: RadioChange) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(what: RadioChange): void {
    for (const fn of [...this.listeners]) fn(what);
  }

  /** One random-walk step: a few dB up or down, rarely a mode change. */
  step(): void {
    if (this.state.mode === 'none') return;
    const { rng } = this.opts;
    const s = this.state;
    const before = [csqIndex(s), level(s.rssiDbm), level(s.hdrRssiDbm)].join();
    s.rssiDbm = clamp(s.rssiDbm + randInt(rng, -3, 3), RSSI_MIN, RSSI_MAX);
    s.hdrRssiDbm = clamp(s.hdrRssiDbm + randInt(rng, -3, 3), RSSI_MIN, RSSI_MAX);
    s.ecio = clamp(s.ecio + randInt(rng, -2, 2) / 2, -31.5, 0);
    s.sinr = clamp(s.sinr + randInt(rng, -2, 2), -9, 12);
    if (rng() < (this.opts.modeChangeChance ?? 0)) {
      const modes: ServiceMode[] = this.opts.family === 'cdma' ? ['1x', 'evdo', 'hybrid'] : ['gsm', 'wcdma', 'hsdpa'];
      this.setMode(modes[randInt(rng, 0, modes.length - 1)]!);
    }
    if ([csqIndex(s), level(s.rssiDbm), level(s.hdrRssiDbm)].join() !== before) this.emit('signal');
  }

  setMode(mode: ServiceMode): void {
    if (this.state.mode === mode) return;
    this.state.mode = mode;
    this.emit('mode');
    this.emit('signal');
  }

  setRoaming(roaming: boolean): void {
    if (this.state.roaming === roaming) return;
    this.state.roaming = roaming;
    this.emit('mode');
  }

  setSignal(rssiDbm: number, hdrRssiDbm = rssiDbm): void {
    this.state.rssiDbm = clamp(rssiDbm, RSSI_MIN, RSSI_MAX);
    this.state.hdrRssiDbm = clamp(hdrRssiDbm, RSSI_MIN, RSSI_MAX);
    this.emit('signal');
  }

  /** Fault: the signal goes away (no service) until restoreSignal(). */
  loseSignal(): void {
    if (this.state.mode === 'none') return;
    this.lostMode = this.state.mode;
    this.setMode('none');
  }

  restoreSignal(): void {
    this.setMode(this.lostMode ?? (this.opts.family === 'cdma' ? 'hybrid' : 'wcdma'));
    this.lostMode = null;
  }

  get inService(): boolean {
    return this.state.mode !== 'none';
  }

  hasEvdo(): boolean {
    return this.state.mode === 'evdo' || this.state.mode === 'hybrid';
  }

  has1x(): boolean {
    return this.state.mode === '1x' || this.state.mode === 'hybrid';
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = null;
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** +CSQ / ^RSSI scale: 0 (<= -113 dBm) .. 31 (>= -51 dBm), 99 unknown (27.007 8.5). */
export function csqIndex(s: RadioState, dbm = s.rssiDbm): number {
  if (s.mode === 'none') return 99;
  return clamp(Math.round((dbm + 113) / 2), 0, 31);
}

/** ^RSSILVL / ^HRSSILVL / ^CSQLVL bars: 0, 20, 40, 60, 80, 99 (MC509 p.64). */
export function level(dbm: number, inService = true): number {
  if (!inService) return 0;
  if (dbm >= -65) return 99;
  if (dbm >= -75) return 80;
  if (dbm >= -85) return 60;
  if (dbm >= -95) return 40;
  if (dbm >= -105) return 20;
  return 0;
}
