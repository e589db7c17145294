// What a command handler answers, and how the port frames it on the wire (V.250: V1
// verbose "<CR><LF>OK<CR><LF>", V0 numeric "0<CR>"; 27.007 +CMEE levels). Framing rules
// from ../shared/reference/at-commands.md section 1.1.

export type Reply =
  | { kind: 'ok'; lines?: string[] }
  | { kind: 'error' }
  | { kind: 'cme'; code: number }
  | { kind: 'cms'; code: number }
  /** The profile's answer to a command it does not know (Huawei: COMMAND NOT SUPPORT). */
  | { kind: 'unknown' }
  | { kind: 'final'; text: 'NO CARRIER' | 'BUSY' | 'NO ANSWER' | 'NO DIALTONE'; lines?: string[] }
  /** Data call up: the port switches to data mode after the CONNECT line. */
  | { kind: 'connect'; speed: string | null }
  /** SMS text entry: the port prints "<CR><LF>> " and hands the text (until Ctrl-Z; 0x00 0x1A when unicode, MC509 p.96) to `submit`. */
  | { kind: 'prompt'; submit: (text: string) => Reply | Promise<Reply>; unicode?: boolean };

export const ok = (...lines: string[]): Reply => (lines.length ? { kind: 'ok', lines } : { kind: 'ok' });
export const error = (): Reply => ({ kind: 'error' });
export const cme = (code: number): Reply => ({ kind: 'cme', code });
export const cms = (code: number): Reply => ({ kind: 'cms', code });

const NUMERIC: Record<string, string> = {
  OK: '0',
  CONNECT: '1',
  RING: '2',
  'NO CARRIER': '3',
  ERROR: '4',
  'NO DIALTONE': '6',
  BUSY: '7',
  'NO ANSWER': '8',
  'COMMAND NOT SUPPORT': '4', // Huawei's verbose ERROR variant; with V0 it can only be the ERROR code
};

/** 27.007 9.2 texts for the CME codes the virtual modem uses. */
export const CME_TEXT: Record<number, string> = {
  3: 'operation not allowed',
  4: 'operation not supported',
  10: 'SIM not inserted',
  13: 'SIM failure',
  14: 'SIM busy',
  21: 'invalid index',
  30: 'no network service',
  50: 'Incorrect parameters',
  100: 'unknown',
};

export interface FramingSettings {
  verbose: boolean; // ATV1
  quiet: boolean; // ATQ1
}

/** A final result code as bytes; '' when ATQ1 suppresses it. */
export function frameFinal(text: string, s: FramingSettings): string {
  if (s.quiet) return '';
  if (s.verbose) return `\r\n${text}\r\n`;
  const base = text.startsWith('CONNECT') ? 'CONNECT' : text;
  const num = NUMERIC[base];
  // codes with no number (+CME ERROR, COMMAND NOT SUPPORT) are sent as text with V0 too
  return num === undefined ? `${text}\r\n` : `${num}\r`;
}

/** Information text lines as bytes. */
export function frameInfo(lines: string[], s: FramingSettings): string {
  if (lines.length === 0) return '';
  return s.verbose ? `\r\n${lines.join('\r\n')}\r\n` : `${lines.join('\r\n')}\r\n`;
}

/** An unsolicited result line as bytes (always V1-framed on Huawei; V0 drops the leading CR LF). */
export function frameUrc(line: string, s: FramingSettings): string {
  return s.verbose ? `\r\n${line}\r\n` : `${line}\r\n`;
}
