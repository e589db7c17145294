// The app's AT channel when ModemManager owns the modem. MM forwards AT commands only
// through Modem.Command, and only when it runs with --debug; otherwise every command is
// refused with a clear error (the app offers "take the port over", which inhibits the
// modem in MM). MM's events come in as the reports the modem service already listens to:
// a received message (Messaging.Added) as +CMTI, a property change as ^MMCHANGE.
import type { AtChannel, AtChannelMode, AtResponse, AtSendOptions, TranscriptEntry, UnsolicitedReport } from '../../../hardware/at/at-channel-types';
import { CodedError } from '../../shared/errors';
import { IFACE, type MmBus } from './mm-dbus';
import { SMS_STATE } from './mm-values';

const SMS_PATH_PREFIX = '/org/freedesktop/ModemManager1/SMS/';
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? -1));

export const MM_CHANGE_REPORT = '^MMCHANGE';
const MAX_TRANSCRIPT = 200;

export interface MmChannelOptions {
  bus: MmBus;
  modemPath: string;
  /** Whether MM accepts Modem.Command (it runs with --debug). */
  commandAllowed: boolean;
  now?: () => number;
}

export type MmChannel = AtChannel & {
  commandAllowed: boolean;
  /** A report of MM's own (the bearer's counters) to the channel's listeners, like a modem's URC. */
  emitReport(prefix: string, line: string): void;
};

export async function openMmChannel(o: MmChannelOptions): Promise<MmChannel> {
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
  // A received message is announced once, as +CMTI with MM's SMS number: from Messaging.Added,
  // or when Messaging's list changes (its Messages property).
  const announced = new Set<string>();
  const announce = (path: string) => {
    if (announced.has(path)) return;
    announced.add(path);
    report('+CMTI', `+CMTI: "MM",${path.split('/').pop()}`);
  };
  // MM's object manager lists modems only: the messages are Messaging.List's
  const listMessages = async (): Promise<Array<{ path: string; state: number }>> => {
    const paths = await o.bus.call<string[]>(o.modemPath, IFACE.messaging, 'List').catch(() => [] as string[]);
    return Promise.all(paths.map(async (path) => ({ path, state: num((await o.bus.props(path, IFACE.sms).catch(() => ({}) as Record<string, unknown>)).State) })));
  };
  const lookForMessages = () =>
    void listMessages().then(
      (all) => all.filter((x) => x.state === SMS_STATE.received && x.path.startsWith(SMS_PATH_PREFIX)).forEach((x) => announce(x.path)),
      () => undefined,
    );
  // the ones already in MM's list when the app comes are not news
  for (const x of await listMessages()) announced.add(x.path);
  stops.push(
    await o.bus.onSignal(o.modemPath, IFACE.messaging, 'Added', (path, received) => {
      if (received) announce(String(path));
      else lookForMessages(); // still being received (multi-part): its state changes later
    }),
  );
  // a multi-part message Added while still "receiving" is looked for again as its state changes
  stops.push(await o.bus.onSignal(o.modemPath, 'org.freedesktop.DBus.Properties', 'PropertiesChanged', (iface) => iface === IFACE.messaging && lookForMessages()));
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
    emitReport: report,
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
