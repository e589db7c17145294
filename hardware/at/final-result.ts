// V.250 / 27.007 final result codes (verbose form, ATV1, which the channel sets on open):
// the line that ends a command's answer. Everything else is an information line or a URC.
import type { FinalResult } from './at-channel-types';

export function parseFinalResult(line: string): FinalResult | null {
  const l = line.trim();
  switch (l.toUpperCase()) {
    case 'OK':
      return { kind: 'ok' };
    // COMMAND NOT SUPPORT: Huawei's answer to a command its firmware lacks (reference §1.9); ModemManager reads it as ERROR.
    case 'ERROR':
    case 'COMMAND NOT SUPPORT':
      return { kind: 'error' };
    case 'NO CARRIER':
      return { kind: 'no-carrier' };
    case 'BUSY':
      return { kind: 'busy' };
    case 'NO ANSWER':
      return { kind: 'no-answer' };
    case 'NO DIALTONE':
    case 'NO DIAL TONE':
      return { kind: 'no-dialtone' };
  }
  // Samsung Z810 answers "NA" (not available) for what it cannot do: ModemManager's serial
  // parser reads it as "operation not allowed" (27.007 CME 3).
  if (l.toUpperCase() === 'NA') return { kind: 'cme-error', code: 3, text: 'NA' };
  // Motorola EZX firmwares end a refused command with "MODEM ERROR: <n>" (a CME code).
  const ezx = /^MODEM ERROR:\s*(\d+)$/i.exec(l);
  if (ezx) return { kind: 'cme-error', code: Number(ezx[1]), text: `MODEM ERROR: ${ezx[1]}` };
  const cm = /^\+(CME|CMS) ERROR:\s*(.*)$/i.exec(l);
  if (cm) {
    const text = (cm[2] ?? '').trim();
    const code = /^\d+$/.test(text) ? Number(text) : null;
    return { kind: cm[1]!.toUpperCase() === 'CME' ? 'cme-error' : 'cms-error', code, text };
  }
  // "CONNECT", "CONNECT 3600000" (transcript 16), "CONNECT 115200/V42"; not "CONNECTED ...".
  const c = /^CONNECT(?:\s+(.+))?$/i.exec(l);
  if (c) return { kind: 'connect', speed: c[1]?.trim() || null };
  return null;
}
