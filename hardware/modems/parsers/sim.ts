// SIM / R-UIM state and operator codes (reference §1.3-1.4): 3GPP +CPIN? (27.007), Huawei
// CDMA R-UIM +CPIN:<code> (MC509 p.47-49, no space after the colon), VIA CBP +VMCCMNC. Pure.

export type SimState = 'ready' | 'pin' | 'puk' | 'pin2' | 'puk2' | 'other';

/** '+CPIN: READY', '+CPIN: SIM PIN', '+CPIN:R-UIM PUK' → the state; null when the line is not +CPIN. */
export function parseCpin(lines: string[]): SimState | null {
  for (const l of lines) {
    const m = /^\+CPIN:\s*(.+?)\s*$/i.exec(l.trim());
    if (!m) continue;
    const v = m[1]!.toUpperCase().replace(/^"|"$/g, '');
    if (v === 'READY') return 'ready';
    const k = /(?:SIM|R-UIM|UIM|PH-SIM)\s+(PIN2|PUK2|PIN|PUK)$/.exec(v);
    return k ? (k[1]!.toLowerCase() as SimState) : 'other';
  }
  return null;
}

/** VIA CBP '+VMCCMNC:0,310,00' → MCC and MNC as the digits given (leading zeros kept). */
export function parseVmccmnc(line: string): { mcc: string; mnc: string } | null {
  const m = /^\+VMCCMNC:\s*\d+\s*,\s*(\d{3})\s*,\s*(\d{2,3})\s*$/i.exec(line.trim());
  return m ? { mcc: m[1]!, mnc: m[2]! } : null;
}
