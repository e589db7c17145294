import { describe, expect, it } from 'vitest';
import { parseCommandLine, splitArgs } from './command-line';

describe('V-1 command line parsing (V.250 5.2)', () => {
  it('splits the wvdial init string into basic and extended commands (transcript 16)', () => {
    const r = parseCommandLine('Q0 V1 E1 S0=0 &C1 &D2 +FCLASS=0');
    expect(r.ok && r.commands.map((c) => `${c.name}:${c.kind}:${c.args}`)).toEqual(['Q:exec:0', 'V:exec:1', 'E:exec:1', 'S0:set:0', '&C:exec:1', '&D:exec:2', '+FCLASS:set:0']);
  });
  it('separates concatenated extended commands at ";" and keeps the forms read/test/set', () => {
    const r = parseCommandLine('+CSQ;^SYSINFO;+CMEE?;+CMEE=?;^prefmode=4');
    expect(r.ok && r.commands.map((c) => `${c.name}:${c.kind}:${c.args}`)).toEqual(['+CSQ:exec:', '^SYSINFO:exec:', '+CMEE:read:', '+CMEE:test:', '^PREFMODE:set:4']);
  });
  it('takes the rest of the line as the dial string and drops the T modifier', () => {
    const r = parseCommandLine('DT#777');
    expect(r.ok && r.commands).toEqual([{ name: 'D', kind: 'exec', args: '#777' }]);
    const v = parseCommandLine('D*2772*123456;');
    expect(v.ok && v.commands[0]!.args).toBe('*2772*123456;');
  });
  it('takes the number straight after +CDV (Qualcomm CDMA dial)', () => {
    const r = parseCommandLine('+CDV*2772*123456');
    expect(r.ok && r.commands).toEqual([{ name: '+CDV', kind: 'exec', args: '*2772*123456' }]);
    const d = parseCommandLine('+CDV2772123456');
    expect(d.ok && d.commands[0]!.args).toBe('2772123456');
  });
  it('keeps spaces and semicolons inside quotes', () => {
    const r = parseCommandLine('+CMGS="a; b",129');
    expect(r.ok && r.commands[0]!.args).toBe('"a; b",129');
    expect(splitArgs('"x,y",1,"z"')).toEqual(['"x,y"', '1', '"z"']);
  });
  it('refuses a line it cannot parse', () => {
    expect(parseCommandLine('?').ok).toBe(false);
    expect(parseCommandLine('+').ok).toBe(false);
  });
});
