// M-DIAG-1: the diagnostic report of one modem, in the shape of `assa diag --json`
// (CONTRACTS.md), and as text a person reads. Values the modem did not give are null.
import type { AtChannel, AtChannelMode, TranscriptEntry } from '../at/at-channel-types';
import type { ProbeResult } from '../probe/port-prober';
import { supportOf, type Support } from '../at/command-support';
import { ask } from './ask';
import type { ModemIdentity, ModemProfile, NetworkStatus, SignalReport } from './modem-types';
import { parseCpin, type SimState } from './parsers/sim';

export interface DiagReport extends ModemIdentity {
  port: string;
  dataPort: string | null;
  profile: string;
  mdn: string | null;
  /** AT+CPIN? (SIM or R-UIM); null on NV-provisioned CDMA sticks that have no card. */
  simState: SimState | null;
  /** The control port's state: 'data' while a session holds it after CONNECT. */
  channelMode: AtChannelMode;
  network: NetworkStatus;
  signal: { cdma1x: SignalReport['cdma1x']; evdo: SignalReport['evdo']; gsm: SignalReport['gsm']; bars: number };
  probe: ProbeResult[];
  errors: Array<{ step: string; code: string; message: string }>;
  /** What the firmware answered and refused in this session (ModemManager-style support record). */
  commandSupport: Record<string, Support>;
  transcript: TranscriptEntry[];
  /** What the transcript had taken out: RUNA codes and SMS texts to and from 2772 (issue 12), never the values. */
  redacted: Array<{ t: string; dir: 'tx' | 'rx'; kind: string; line: string }>;
}

const NO_IDENTITY: ModemIdentity = { manufacturer: null, model: null, revision: null, hardwareVersion: null, esn: null, meid: null, imei: null, imsi: null, prlVersion: null };

/** A report with nothing read yet: what `assa diag` prints if its last-resort timer fires mid-way. */
export function emptyDiagReport(ch: AtChannel, profile: string, opts: { dataPort?: string | null; probe?: ProbeResult[]; errors?: DiagReport['errors'] } = {}): DiagReport {
  return {
    port: ch.path,
    dataPort: opts.dataPort ?? null,
    profile,
    ...NO_IDENTITY,
    mdn: null,
    simState: null,
    channelMode: ch.mode,
    network: { mode: 'unknown', roaming: false, sid: null, nid: null },
    signal: { cdma1x: null, evdo: null, gsm: null, bars: 0 },
    probe: opts.probe ?? [],
    errors: [...(opts.errors ?? [])],
    commandSupport: supportOf(ch).snapshot(),
    transcript: [...ch.transcript()],
    redacted: [...(ch.redactions?.() ?? [])],
  };
}

/**
 * Reads the report step by step into `into` (when given), so that whatever was read is
 * there even if the caller has to stop waiting. A step that fails is named in `errors`
 * with its code; what it read before failing (an error's `details.partial`) is kept.
 */
export async function buildDiagReport(ch: AtChannel, profile: ModemProfile, opts: { dataPort?: string | null; probe?: ProbeResult[]; errors?: DiagReport['errors']; into?: DiagReport } = {}): Promise<DiagReport> {
  const r = opts.into ?? emptyDiagReport(ch, profile.id, opts);
  r.profile = profile.id;
  const step = async <T>(name: string, fn: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      const err = e as { code?: string; message?: string; details?: { partial?: T } };
      r.errors.push({ step: name, code: err.code ?? 'error', message: err.message ?? String(e) });
      return err.details?.partial ?? fallback;
    }
  };
  Object.assign(r, await step('identity', () => profile.identity(ch), NO_IDENTITY));
  r.mdn = await step('number', () => profile.number(ch), null);
  const network = await step('network', () => profile.network(ch), r.network);
  r.network = { mode: network.mode, roaming: network.roaming, sid: network.sid, nid: network.nid };
  const signal = await step('signal', () => profile.signal(ch), { ...r.signal });
  r.signal = { cdma1x: signal.cdma1x, evdo: signal.evdo, gsm: signal.gsm, bars: signal.bars };
  r.simState = await step('sim', async () => parseCpin((await ask(ch, 'AT+CPIN?')) ?? []), null);
  r.channelMode = ch.mode;
  r.commandSupport = supportOf(ch).snapshot();
  r.transcript = [...ch.transcript()];
  r.redacted = [...(ch.redactions?.() ?? [])];
  return r;
}

export function renderDiagText(r: DiagReport): string {
  const v = (x: unknown) => (x === null || x === undefined ? '—' : String(x));
  const sig = [
    r.signal.cdma1x ? `1x ${r.signal.cdma1x.rssiDbm} dBm${r.signal.cdma1x.ecioDb !== null ? ` Ec/Io ${r.signal.cdma1x.ecioDb} dB` : ''}` : null,
    r.signal.evdo ? `EV-DO ${r.signal.evdo.rssiDbm} dBm${r.signal.evdo.ecioDb !== null ? ` Ec/Io ${r.signal.evdo.ecioDb} dB` : ''}${r.signal.evdo.sinrDb !== null ? ` SINR ${r.signal.evdo.sinrDb} dB` : ''}` : null,
    r.signal.gsm ? `3GPP ${r.signal.gsm.rssiDbm} dBm` : null,
  ].filter(Boolean);
  const lines = [
    'ASSA modem diagnostic report',
    `Port            ${r.port}${r.dataPort ? ` (data: ${r.dataPort})` : ''}`,
    `Profile         ${r.profile}`,
    `Manufacturer    ${v(r.manufacturer)}`,
    `Model           ${v(r.model)}`,
    `Firmware        ${v(r.revision)}`,
    `Hardware        ${v(r.hardwareVersion)}`,
    `ESN / MEID      ${v(r.esn)} / ${v(r.meid)}`,
    `IMEI / IMSI     ${v(r.imei)} / ${v(r.imsi)}`,
    `PRL             ${v(r.prlVersion)}`,
    `Number (MDN)    ${v(r.mdn)}`,
    `SIM / R-UIM     ${v(r.simState)}`,
    `Port state      ${r.channelMode}`,
    `Network         ${r.network.mode}${r.network.roaming ? ', roaming' : ''}${r.network.sid !== null ? `, SID ${r.network.sid}` : ''}${r.network.nid !== null ? ` NID ${r.network.nid}` : ''}`,
    `Signal          ${sig.length ? sig.join('; ') : '—'} (${r.signal.bars}/5)`,
  ];
  if (r.probe.length) lines.push('', 'Ports probed:', ...r.probe.map((p) => `  ${p.path.padEnd(24)} ${p.role}${p.error ? ` (${p.error.message})` : ''}`));
  if (r.errors.length) lines.push('', 'Errors:', ...r.errors.map((e) => `  ${e.step}: ${e.code} ${e.message}`));
  if (r.redacted.length) lines.push('', `Redacted from the transcript (${r.redacted.length}):`, ...r.redacted.map((x) => `  ${x.t} ${x.dir === 'tx' ? '>>' : '<<'} ${x.kind}: ${x.line}`));
  lines.push('', 'AT transcript (UTC):', ...r.transcript.map((t) => `  ${t.t} ${t.dir === 'tx' ? '>>' : '<<'} ${t.line}`));
  return lines.join('\n');
}
