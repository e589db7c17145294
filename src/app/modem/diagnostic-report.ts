// M-DIAG-1 / U-DIAG-1: the app shows the same report as `assa diag` (hardware/modems/
// diag-report.ts, read live from the modem), plus what only the running app knows: the
// data session, the number's source, and recent errors. Without a modem, what is known.
import { buildDiagReport, renderDiagText } from '../../../hardware/modems/diag-report';
import type { Clock } from '../clock';
import type { ConnectionService } from '../connection/connection-service';
import type { ModemService } from './modem-service';

export async function diagnosticReport(deps: { modem: ModemService; connection: ConnectionService; clock: Clock }): Promise<{ report: Record<string, unknown>; text: string }> {
  const state = deps.modem.getState();
  const conn = deps.connection.getState();
  const app = {
    at: new Date(deps.clock.now()).toISOString(),
    status: state.status,
    virtual: state.virtual,
    numberSource: deps.modem.getDetails()?.numberSource ?? null,
    connection: conn,
    appErrors: [state.error, conn.error].filter((e) => e !== null),
  };
  const m = deps.modem.current();
  const footer = [
    '',
    `App status      ${app.status}${app.virtual ? ' (virtual modem)' : ''}`,
    `Data session    ${conn.status}${conn.via ? ` via ${conn.via}` : ''}${conn.localIp ? `, ${conn.localIp}` : ''}${conn.error ? ` — ${conn.error.code}: ${conn.error.message}` : ''}`,
  ].join('\n');
  if (!m) {
    const report = { port: state.port, ...app, transcript: [] };
    return { report, text: `ASSA modem diagnostic report\nNo modem is connected.${state.error ? `\nLast error: ${state.error.code}: ${state.error.message}` : ''}${footer}` };
  }
  const hw = await buildDiagReport(m.channel, m.profile, { dataPort: m.found.dataPort });
  // The app's own number (from ASSA or the user) is the better one when the modem had none.
  const report = { ...hw, mdn: hw.mdn ?? state.number, ...app };
  return { report, text: `${renderDiagText({ ...hw, mdn: report.mdn })}${footer}` };
}
