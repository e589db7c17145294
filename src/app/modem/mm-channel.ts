// The app's AT channel when ModemManager owns the modem. MM forwards AT commands only
// through Modem.Command, and only when it runs with --debug; otherwise every command is
// refused with a clear error (the app offers "take the port over", which inhibits the
// modem in MM). MM's events come in as the reports the modem service already listens to:
// a received message (Messaging.Added) as +CMTI, a property change as ^MMCHANGE.
import type { AtChannel, AtChannelMode, AtResponse, AtSendOptions, TranscriptEntry, UnsolicitedReport } from '../../../hardware/at/at-channel-types';
import { CodedError } from '../../shared/errors';
import { IFACE, type MmBus } from './mm-dbus';

export const MM_CHANGE_REPORT = '^MMCHANGE';
const MAX_TRANSCRIPT = 200;

export interface MmChannelOptions {
  bus: MmBus;
  modemPath: string;
  /** Whether MM accepts Modem.Command (it runs with --debug). */
  commandAllowed: boolean;
  now?: () => number;
}

export async function openMmChannel(o: MmChannelOptions): Promise<AtChannel & { commandAllowed: boolean }> {
  const now = o.now ?? Date.now;
  const transcript: TranscriptEntry[] = [];
  const urc = new Map<string, Set<(r: UnsolicitedReport) => void>>();
  const modeListeners = new Set<(m: AtChannelMode) => void>();
  const lineListeners = new Set<(e: TranscriptEntry) => void>();
  let mode: AtChannelMode = 'command';
  const log = (dir: 'tx' | 'rx', line: string) => {
    const e = { t: new Date(now()).toISOString(), dir, line };
    transcript.push(e);
    if (transcript.length > MAX_TRANSCRIPT) transcript.shift();
    lineListeners.forEach((l) => l(e));
  };
  const report = (prefix: string, line: string) => {
    const r = { prefix, line, at: new Date(now()).toISOString() };
    for (const key of [prefix, '*']) urc.get(key)?.forEach((l) => l(r));
  };
  const stops: Array<() => void> = [];
  stops.push(
    await o.bus.onSignal(o.modemPath, IFACE.messaging, 'Added', (path, received) => {
      if (received) report('+CMTI', `+CMTI: "MM",${String(path).split('/').pop()}`);
    }),
  );
  stops.push(await o.bus.onSignal(o.modemPath, 'org.freedesktop.DBus.Properties', 'PropertiesChanged', () => report(MM_CHANGE_REPORT, MM_CHANGE_REPORT)));
  stops.push(
    o.bus.onChange(() => {
      void o.bus.objects().then(
        (all) => {
          if (!all[o.modemPath] && mode !== 'closed') {
            mode = 'closed';
            modeListeners.forEach((l) => l('closed'));
          }
        },
        () => undefined,
      );
    }),
  );

  return {
    path: `mm:${o.modemPath}`,
    commandAllowed: o.commandAllowed,
    get mode() {
      return mode;
    },
    async send(command: string, opts: AtSendOptions = {}): Promise<AtResponse> {
      if (mode === 'closed') throw new CodedError('at_closed', 'The modem is gone.');
      if (!command.trim() || /[\r\n]/.test(command)) throw new CodedError('at_invalid_command', 'An AT command is one line of text.');
      if (!o.commandAllowed) {
        throw new CodedError('mm_command_unavailable', 'ModemManager owns this modem and accepts no AT commands (it runs without --debug). Take the port over in Settings to use the AT terminal.');
      }
      log('tx', command);
      try {
        const timeoutS = Math.max(1, Math.ceil((opts.timeoutMs ?? 10_000) / 1000));
        const text = String(await o.bus.call(o.modemPath, IFACE.modem, 'Command', command, timeoutS));
        const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
        lines.forEach((l) => log('rx', l));
        log('rx', 'OK');
        return { command, lines, final: { kind: 'ok' } };
      } catch (e) {
        const text = (e as Error).message;
        log('rx', 'ERROR');
        if ((e as CodedError).code === 'mm_not_authorized' || (e as CodedError).code === 'mm_unsupported') throw e;
        return { command, lines: [], final: { kind: 'cme-error', code: null, text } };
      }
    },
    onUnsolicited(prefix, l) {
      let set = urc.get(prefix);
      if (!set) urc.set(prefix, (set = new Set()));
      set.add(l);
      return () => set.delete(l);
    },
    onModeChange(l) {
      modeListeners.add(l);
      return () => modeListeners.delete(l);
    },
    transcript: () => [...transcript],
    onTranscript(l) {
      lineListeners.add(l);
      return () => lineListeners.delete(l);
    },
    async close() {
      stops.splice(0).forEach((s) => s());
      if (mode !== 'closed') {
        mode = 'closed';
        modeListeners.forEach((l) => l('closed'));
      }
    },
  };
}
