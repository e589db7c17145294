#!/usr/bin/env node
// A device table played as a modem: socat joins a pty to this process's stdin/stdout
// (`socat pty,raw,echo=0,link=PATH EXEC:"node table-modem.mjs TABLE.json [FAULT] [K]"`).
// The table (test/fixtures/device-tables/*.json) maps each command to the exact reply
// lines of a real device and its final result, or to silence; commands it does not list
// get the table's `unknown` reply (ERROR, COMMAND NOT SUPPORT, MODEM ERROR: 3, NA, or
// silence — what that firmware does with commands it lacks). Framing is a stick's:
// echo while ATE1 is in force, `\r\n<line>\r\n` per line, then `\r\n<final>\r\n`.
//
// FAULT turns the healthy device into one of the serial fault modes of the fault suite
// (test/integration/hardware/diag-faults.test.ts); K is the count for the "after k" ones.
// Random bytes come from a fixed-seed generator, so a failing mode replays exactly.
import { readFileSync, writeFileSync } from 'node:fs';

const table = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const fault = process.argv[3] ?? 'none';
const k = Number(process.argv[4] ?? 6);
const answers = new Map(Object.entries(table.answers ?? {}).map(([c, v]) => [c.toUpperCase(), v]));
const BASIC = /^AT(E[01]?|V1|Q0|Z|&F|\+CMEE=\d|)$/i;
let echo = table.echo !== false;
let buf = '';
let count = 0;
let seed = 0x2772;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const write = (b) => process.stdout.write(typeof b === 'string' ? Buffer.from(b, 'latin1') : b);

const URCS = ['^RSSI:18', '^DSFLOWRPT:00000124,00000082,00000EA6,0000000000012325,000000000022771D,0000BB80,0001F400', '^MODE:2,4', '^BOOT:27710117,0,0,0,75', '^HRSSILVL:60'];
if (fault === 'urc-flood') setInterval(() => write(`\r\n${URCS[Math.floor(rand() * URCS.length)]}\r\n`), 2);
if (fault === 'stray-connect') setTimeout(() => write('\r\nCONNECT\r\n'), 50);

process.stdin.on('data', (chunk) => {
  buf += chunk.toString('latin1');
  let i;
  while ((i = buf.search(/[\r\n]/)) >= 0) {
    const cmd = buf.slice(0, i).trim();
    buf = buf.slice(i + 1);
    if (cmd) onCommand(cmd);
  }
});
process.stdin.on('end', () => process.exit(0));
// Tell the test this device is listening (a modem process starting late is not the fault under test).
if (process.env.TABLE_MODEM_READY) writeFileSync(process.env.TABLE_MODEM_READY, String(process.pid));

function reply(cmd) {
  const up = cmd.toUpperCase();
  if (/^ATE0$/i.test(cmd)) echo = false;
  if (/^ATE1?$/i.test(cmd)) echo = true;
  const head = echo ? `${cmd}\r` : '';
  let a = answers.get(up);
  if (a === undefined) a = BASIC.test(cmd) ? [] : (table.unknown ?? 'ERROR');
  if (a === 'silent' || (a && a.silent)) return null;
  if (typeof a === 'string') return { head, body: '', final: a };
  if (Array.isArray(a)) return { head, body: a.map((l) => `\r\n${l}\r\n`).join(''), final: 'OK' };
  return { head, body: (a.lines ?? []).map((l) => `\r\n${l}\r\n`).join(''), final: a.final ?? 'OK' };
}

function onCommand(cmd) {
  count++;
  if (fault === 'never') return;
  if (fault === 'silent-after-k' && count > k) return;
  if (fault === 'hangup-after-k' && count > k) process.exit(0);
  const r = reply(cmd);
  if (!r) return;
  const send = (bytes) => (fault === 'late-2500' ? setTimeout(() => write(bytes), 2500) : write(bytes));
  let out = `${r.head}${r.body}\r\n${r.final}\r\n`;
  switch (fault) {
    case 'garbage':
      out = Array.from({ length: 3 }, () => `\r\n${Array.from({ length: 20 }, () => String.fromCharCode(0x41 + Math.floor(rand() * 26))).join('')}\r\n`).join('');
      break;
    case 'random-binary':
      return send(Buffer.from(Array.from({ length: 64 }, () => Math.floor(rand() * 256)).filter((b) => b !== 0x4f)));
    case 'nul-bytes':
      out = out.replace(/\r\n/g, '\x00\r\n\x00').replace(/\r(?!\n)/g, '\xff\r');
      break;
    case 'no-line-endings':
      out = out.replace(/[\r\n]/g, '');
      break;
    case 'half-final':
      out = out.replace(/\r\n$/, '');
      break;
    case 'doubled-finals':
      out += `\r\n${r.final}\r\n`;
      break;
    case 'cr-only':
      out = out.replace(/\r\n/g, '\r');
      break;
    case 'cr-cr-lf':
      out = out.replace(/\r\n/g, '\r\r\n');
      break;
    case 'urc-flood':
      out = URCS.map((u) => `\r\n${u}\r\n`).join('').repeat(4) + out;
      break;
    case 'stray-connect':
      if (count <= 4) out = `\r\nCONNECT\r\n${out}`;
      break;
    case 'stray-prompt':
      out = `\r\n> ${out}`;
      break;
    case 'mib-line':
      if (count === 2) write(Buffer.concat([Buffer.alloc(1 << 20, 0x41), Buffer.from('\r\n')]));
      break;
  }
  send(out);
}
