// `assa diag [--port PATH] [--json]` (CONTRACTS.md, M-DIAG-1): finds the modem (or uses
// PATH), prints the report. Exit 0 with a report; 2 when no modem answers; 3 when the
// port cannot be opened (the reason on stderr). With --json stdout is one JSON object.
// Whatever the modem does, it ends within 20 s of the process start: the AT work runs
// under a time budget (hardware/at/deadline-channel.ts) and a last-resort timer prints
// what was read and exits; errors are values in the report, never a stack trace.
import { openAtChannel, type SerialAtChannel } from '../../../hardware/at/at-channel';
import { withDeadline, type DeadlineChannel } from '../../../hardware/at/deadline-channel';
import { ask } from '../../../hardware/modems/ask';
import { buildDiagReport, emptyDiagReport, renderDiagText, type DiagReport } from '../../../hardware/modems/diag-report';
import { pickProfile } from '../../../hardware/modems/pick-profile';
import { listPorts } from '../../../hardware/probe/port-lister';
import { chooseControlAndData, probePorts, type ProbeResult } from '../../../hardware/probe/port-prober';
import { listCdromSticks } from '../../../hardware/probe/sysfs-port-lister';
import { readEcioOverQcdm, readMdnOverQcdm } from '../../../hardware/qcdm/qcdm-port';
import { serialportOpener } from '../../../hardware/serial/serialport-link';
import { toNationalOrNull } from '../../shared/phone-number';

export interface DiagOptions {
  port?: string;
  json?: boolean;
}

/** Milliseconds since the process started by which the AT work stops (the contract's 20 s, less start-up and printing). */
export const DIAG_AT_BUDGET_MS = 16_000;
/** The last resort: whatever is still running at this point is abandoned and the report printed. */
export const DIAG_HARD_STOP_MS = 18_500;

const err = (s: string) => process.stderr.write(`assa diag: ${s}\n`);
const codeOf = (e: unknown) => (e as { code?: string }).code ?? 'error';
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function runDiag(opts: DiagOptions): Promise<number> {
  const run: Run = { ch: null, raw: null, report: null };
  const hard = setTimeout(() => {
    // The budget ends every AT exchange before this; only a machine too loaded to run the
    // steps in time (or a port that hangs in the OS) gets here: print what was read.
    const answered = (run.ch?.answered ?? 0) > 0;
    if (answered && run.report) {
      run.report.errors.push({ step: 'report', code: 'diag_time_budget', message: `Stopped after ${DIAG_HARD_STOP_MS / 1000} s (the 20 s contract).` });
      run.report.transcript = [...(run.ch?.transcript() ?? [])];
      run.report.redacted = [...(run.ch?.redactions?.() ?? [])];
      process.stdout.write(opts.json ? `${JSON.stringify(run.report)}\n` : `${renderDiagText(run.report)}\n`);
    } else err(`no answer within ${DIAG_HARD_STOP_MS / 1000} s`);
    process.exit(answered && run.report ? 0 : 2);
  }, Math.max(0, DIAG_HARD_STOP_MS - performance.now()));
  hard.unref();
  try {
    return await diagnose(opts, run);
  } catch (e) {
    err(`${codeOf(e)}: ${messageOf(e)}`);
    return 1;
  } finally {
    clearTimeout(hard);
    // A pty whose other end hung can keep a close pending for ever: do not wait on it.
    const closing = run.raw?.close().catch(() => undefined);
    await Promise.race([closing, new Promise((r) => setTimeout(r, 1000).unref())]);
    setTimeout(() => process.exit(), 1000).unref();
  }
}

interface Run {
  ch: DeadlineChannel | null;
  raw: SerialAtChannel | null;
  report: DiagReport | null;
}

async function diagnose(opts: DiagOptions, run: Run): Promise<number> {
  let control = opts.port ?? null;
  let dataPort: string | null = null;
  let probe: ProbeResult[] = [];
  if (!control) {
    const ports = await listPorts();
    probe = await probePorts(serialportOpener, ports.map((p) => p.path), { budgetMs: 3000 });
    const choice = chooseControlAndData(probe);
    if (!choice) {
      for (const s of listCdromSticks()) err(s.advice);
      err(ports.length ? `no modem answered AT on ${ports.map((p) => p.path).join(', ')}` : 'no serial ports found (is the modem plugged in?)');
      return 2;
    }
    control = choice.controlPort;
    dataPort = choice.dataPort;
  }
  let link;
  try {
    link = await serialportOpener.open(control);
  } catch (e) {
    err(messageOf(e));
    return 3;
  }
  const raw = await openAtChannel(link, { defaultTimeoutMs: 3000, init: [] });
  const ch = withDeadline(raw, DIAG_AT_BUDGET_MS, { defaultTimeoutMs: 3000 });
  run.ch = ch;
  run.raw = raw;
  // Is anybody there? Two tries: a stick just plugged in may drop the first command.
  let rtt = 0;
  for (const timeoutMs of [6000, 4000]) {
    const t0 = performance.now();
    if (await ch.send('AT', { timeoutMs }).then(() => true, () => false)) {
      rtt = performance.now() - t0;
      break;
    }
  }
  if (ch.answered === 0) {
    err(`no answer to AT on ${control} (${raw.mode === 'closed' ? 'the port closed' : 'silent or unreadable'})`);
    return 2;
  }
  // A modem that took seconds over a bare AT gets that pace for every command (twice its
  // round trip), so its slow answers are read rather than timed out; the budget still rules.
  ch.setMinTimeout(Math.min(8000, 2 * rtt + 500));
  const report = (run.report = emptyDiagReport(ch, 'unknown', { dataPort, probe }));
  // Answers of a known shape: verbose result codes, numeric CME errors. A firmware that refuses them still works.
  for (const cmd of ['ATV1', 'AT+CMEE=1']) await ask(ch, cmd).catch((e: unknown) => report.errors.push({ step: 'init', code: codeOf(e), message: messageOf(e) }));
  const profile = await pickProfile(ch);
  await buildDiagReport(ch, profile, { into: report });
  // A Qualcomm CDMA stick with no AT command for its number (ZTE AC): NV 178 over the
  // diagnostics port the prober found, as ModemManager reads it there.
  const qcdmPort = probe.find((p) => p.role === 'qcdm')?.path;
  if (!report.mdn && qcdmPort && profile.tech === 'cdma') {
    const nv = await readMdnOverQcdm(serialportOpener, qcdmPort);
    if (nv.ok) report.mdn = toNationalOrNull(nv.mdn) ?? nv.mdn;
    else report.errors.push({ step: 'number-qcdm', code: nv.code, message: nv.detail });
  }
  // M-SIG-1 Ec/Io where the AT side gave none: the pilot sets over the same diagnostics
  // port (ModemManager's libqcdm reads it there), while the budget still has room for it.
  const oneX = report.signal.cdma1x;
  if (qcdmPort && profile.tech === 'cdma' && oneX && oneX.ecioDb === null && ch.remainingMs() > 2100) {
    const pilots = await readEcioOverQcdm(serialportOpener, qcdmPort, 2000);
    if (pilots.ok) report.signal.cdma1x = { ...oneX, ecioDb: pilots.ecioDb };
    else report.errors.push({ step: 'ecio-qcdm', code: pilots.code, message: pilots.detail });
  }
  process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : `${renderDiagText(report)}\n`);
  return 0;
}
