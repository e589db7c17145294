// `assa diag [--port PATH] [--json]` (CONTRACTS.md, M-DIAG-1): finds the modem (or uses
// PATH), prints the report. Exit 0 with a report; 2 when no modem answers; 3 when the
// port cannot be opened (the reason on stderr). With --json stdout is one JSON object.
import { openAtChannel } from '../../../hardware/at/at-channel';
import { buildDiagReport, renderDiagText } from '../../../hardware/modems/diag-report';
import { pickProfile } from '../../../hardware/modems/pick-profile';
import { listPorts } from '../../../hardware/probe/port-lister';
import { chooseControlAndData, probePorts, type ProbeResult } from '../../../hardware/probe/port-prober';
import { listCdromSticks } from '../../../hardware/probe/sysfs-port-lister';
import { serialportOpener } from '../../../hardware/serial/serialport-link';

export interface DiagOptions {
  port?: string;
  json?: boolean;
}

const err = (s: string) => process.stderr.write(`assa diag: ${s}\n`);

export async function runDiag(opts: DiagOptions): Promise<number> {
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
    err((e as Error).message);
    return 3;
  }
  let ch;
  try {
    ch = await openAtChannel(link, { defaultTimeoutMs: 3000 });
  } catch (e) {
    err(`no answer to AT on ${control} (${(e as { code?: string }).code ?? 'error'})`);
    await link.close().catch(() => undefined);
    return 2;
  }
  try {
    const report = await buildDiagReport(ch, await pickProfile(ch), { dataPort, probe });
    process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : `${renderDiagText(report)}\n`);
    return 0;
  } finally {
    await ch.close();
  }
}
