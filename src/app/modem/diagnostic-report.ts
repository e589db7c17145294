// M-DIAG-1 / U-DIAG-1: the diagnostic report of the running app — the contract JSON of
// `assa diag --json` (CONTRACTS.md) from what the modem service already knows, plus the
// data session state and recent errors, and the same as text for a person.
import type { Clock } from '../clock';
import type { ConnectionService } from '../connection/connection-service';
import type { ModemService } from './modem-service';

export function diagnosticReport(deps: { modem: ModemService; connection: ConnectionService; clock: Clock }): { report: Record<string, unknown>; text: string } {
  const state = deps.modem.getState();
  const d = deps.modem.getDetails();
  const id = d?.identity;
  const conn = deps.connection.getState();
  const report = {
    at: new Date(deps.clock.now()).toISOString(),
    port: state.port,
    dataPort: d?.dataPort ?? null,
    virtual: state.virtual,
    status: state.status,
    profile: d?.profile ?? null,
    manufacturer: id?.manufacturer ?? null,
    model: id?.model ?? null,
    revision: id?.revision ?? null,
    hardwareVersion: id?.hardwareVersion ?? null,
    esn: id?.esn ?? null,
    meid: id?.meid ?? null,
    imei: id?.imei ?? null,
    imsi: id?.imsi ?? null,
    prlVersion: id?.prlVersion ?? null,
    mdn: state.number,
    numberSource: d?.numberSource ?? null,
    network: d?.network ?? null,
    signal: d?.signal ? { cdma1x: d.signal.cdma1x, evdo: d.signal.evdo, gsm: d.signal.gsm, bars: d.signal.bars } : null,
    connection: conn,
    errors: [state.error, conn.error].filter((e) => e !== null),
    transcript: [...deps.modem.transcript()],
  };
  return { report, text: reportText(report) };
}

function reportText(r: Record<string, unknown> & { transcript: Array<{ t: string; dir: string; line: string }> }): string {
  const v = (x: unknown) => (x === null || x === undefined ? '—' : typeof x === 'object' ? JSON.stringify(x) : String(x));
  const rows: Array<[string, unknown]> = [
    ['Time (UTC)', r.at],
    ['Status', r.status],
    ['Control port', r.port],
    ['Data port', r.dataPort],
    ['Virtual modem', r.virtual ? 'yes' : 'no'],
    ['Manufacturer', r.manufacturer],
    ['Model', r.model],
    ['Firmware', r.revision],
    ['Hardware', r.hardwareVersion],
    ['ESN', r.esn],
    ['MEID', r.meid],
    ['IMEI', r.imei],
    ['IMSI', r.imsi],
    ['PRL', r.prlVersion],
    ['Number (MDN)', r.mdn],
    ['Network', r.network],
    ['Signal', r.signal],
    ['Data session', r.connection],
    ['Errors', (r.errors as unknown[]).length ? r.errors : null],
  ];
  const lines = ['ASSA diagnostic report', ...rows.map(([k, x]) => `${k.padEnd(14)} ${v(x)}`), '', 'AT transcript:'];
  for (const t of r.transcript) lines.push(`${t.t} ${t.dir === 'tx' ? '>>' : '<<'} ${t.line}`);
  return lines.join('\n');
}
