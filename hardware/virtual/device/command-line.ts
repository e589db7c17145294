// Splits one AT command line into its commands, as a V.250 device does: basic commands
// (E0, V1, Q0, Z, I, H, &C1, S0=0, D...) may follow each other directly; extended ones
// (+CSQ, ^SYSINFO, $QCMGF) end at ';'. Spaces outside quotes are ignored (wvdial sends
// "ATQ0 V1 E1 S0=0 &C1 &D2 +FCLASS=0", transcript 16). Names are upper-cased; arguments
// keep their case (quoted numbers and texts).

export interface AtCommand {
  /** Upper-case name: 'E', 'Z', '&F', 'S0', 'D', '+CSQ', '^SYSINFO'. */
  name: string;
  /** 'exec' (AT+X), 'read' (AT+X?), 'test' (AT+X=?), 'set' (AT+X=...). Basic commands: 'exec' with args = the digits. */
  kind: 'exec' | 'read' | 'test' | 'set';
  /** Text after '=' for set, the number for basic commands, the dial string for D. */
  args: string;
}

export type ParsedLine = { ok: true; commands: AtCommand[] } | { ok: false };

const EXT_PREFIX = '+^$!%';

function stripSpaces(s: string): string {
  let out = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === ' ' || ch === '\t')) continue;
    out += ch;
  }
  return out;
}

/** `body` is the line without its leading "AT". */
export function parseCommandLine(body: string): ParsedLine {
  const s = stripSpaces(body);
  const commands: AtCommand[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === ';') {
      i++;
      continue;
    }
    if (EXT_PREFIX.includes(ch)) {
      // extended command: name until '=', '?' or ';'
      let j = i + 1;
      while (j < s.length && /[A-Za-z0-9_]/.test(s[j]!)) j++;
      const name = s.slice(i, j).toUpperCase();
      if (name.length < 2) return { ok: false };
      let end = j;
      let quoted = false;
      while (end < s.length && (quoted || s[end] !== ';')) {
        if (s[end] === '"') quoted = !quoted;
        end++;
      }
      if (name.startsWith('+CDV')) {
        // Qualcomm CDMA dial: the number follows the name directly ("AT+CDV*2772*123456")
        commands.push({ name: '+CDV', kind: 'exec', args: s.slice(i + 4, end).replace(/^=/, '') });
        i = end;
        continue;
      }
      const rest = s.slice(j, end);
      if (rest === '') commands.push({ name, kind: 'exec', args: '' });
      else if (rest === '?') commands.push({ name, kind: 'read', args: '' });
      else if (rest === '=?') commands.push({ name, kind: 'test', args: '' });
      else if (rest.startsWith('=')) commands.push({ name, kind: 'set', args: rest.slice(1) });
      else if (rest.startsWith('?')) commands.push({ name, kind: 'read', args: rest.slice(1) }); // AT^PRLVER? style with trailing text
      else return { ok: false };
      i = end;
      continue;
    }
    const up = ch.toUpperCase();
    if (up === 'D') {
      // the dial string runs to the end of the line (V.250 6.3.1); T/P modifiers dropped
      let dial = s.slice(i + 1);
      if (/^[TP]/i.test(dial)) dial = dial.slice(1);
      commands.push({ name: 'D', kind: 'exec', args: dial });
      break;
    }
    if (up === '&') {
      const m = /^&([A-Za-z])(\d*)/.exec(s.slice(i));
      if (!m) return { ok: false };
      commands.push({ name: `&${m[1]!.toUpperCase()}`, kind: 'exec', args: m[2]! });
      i += m[0].length;
      continue;
    }
    if (up === 'S') {
      const m = /^[Ss](\d+)(=\d*|\?)?/.exec(s.slice(i));
      if (!m) return { ok: false };
      const op = m[2] ?? '?';
      commands.push({ name: `S${Number(m[1])}`, kind: op === '?' ? 'read' : 'set', args: op === '?' ? '' : op.slice(1) });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      const m = /^([A-Za-z])(\d*)/.exec(s.slice(i))!;
      commands.push({ name: up, kind: 'exec', args: m[2]! });
      i += m[0].length;
      continue;
    }
    return { ok: false };
  }
  return { ok: true, commands };
}

/** Splits "a,\"b,c\",d" into ['a', '"b,c"', 'd'] (quotes kept). */
export function splitArgs(args: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of args) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function unquote(s: string | undefined): string {
  if (s === undefined) return '';
  const t = s.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}
